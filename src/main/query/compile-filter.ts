// EntryFilter → SQL WHERE clause over `entries e`. Values are always bound; column names come
// only from ENTRY_COLUMNS.
import type { EntryFilter, FilterField } from '../../shared/types'
import { ENTRY_COLUMNS } from '../store/columns'

export class QueryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'QueryError'
  }
}

export interface SqlFragment {
  sql: string
  params: unknown[]
}

/** Multi-value text fields compiled as `col IN (…) [OR col IS NULL]`. */
const LIST_FIELDS = ['apiUser', 'agentUser', 'function', 'method', 'service', 'tenant', 'clientIp'] as const

/** Parses an ISO-8601 time (or epoch ms) from a filter; throws a QueryError naming the field. */
export function parseFilterTime(value: string, field: string): number {
  const ms = /^\d{10,}$/.test(value) ? Number(value) : Date.parse(value)
  if (Number.isNaN(ms)) throw new QueryError(`${field}: not a valid time: "${value}" (use ISO-8601, e.g. 2024-05-01T10:00:00Z)`)
  return ms
}

/**
 * Lists longer than this are bound as one JSON array: a statement may bind at most 32766 values,
 * and a filter may hold 10 000 values in each of several fields (hardening, issue 7).
 */
const INLINE_LIST_MAX = 100

function listClause(column: string, values: ReadonlyArray<string | number | null>): SqlFragment {
  const present = values.filter((v) => v !== null)
  const parts: string[] = []
  let params: unknown[] = present
  if (present.length > INLINE_LIST_MAX) {
    parts.push(`e.${column} IN (SELECT value FROM json_each(?))`)
    params = [JSON.stringify(present)]
  } else if (present.length > 0) parts.push(`e.${column} IN (${present.map(() => '?').join(', ')})`)
  if (present.length < values.length) parts.push(`e.${column} IS NULL`)
  return { sql: parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0], params }
}

const STATUS_CLASS_RE = /^([1-5])xx$/i

function statusClause(values: readonly string[]): SqlFragment {
  const parts: string[] = []
  const params: unknown[] = []
  for (const raw of values) {
    const value = raw.trim()
    const cls = STATUS_CLASS_RE.exec(value)
    if (cls) {
      parts.push('e.status_code BETWEEN ? AND ?')
      params.push(Number(cls[1]) * 100, Number(cls[1]) * 100 + 99)
    } else if (/^\d{1,3}$/.test(value)) {
      parts.push('e.status_code = ?')
      params.push(Number(value))
    } else if (/^none$/i.test(value)) {
      parts.push('e.status_code IS NULL')
    } else {
      throw new QueryError(`status: "${raw}" is not a status code, a class such as 4xx, or "none"`)
    }
  }
  return { sql: parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0], params }
}

/**
 * Turns free text into an FTS5 query: each whitespace-separated word becomes a quoted phrase
 * (so "/contacts/42" matches the tokens "contacts 42" in order) with prefix matching; all ANDed.
 * Returns null when the text has nothing searchable.
 */
export function toFtsQuery(text: string): string | null {
  const phrases = text
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `"${word.replace(/"/g, '""')}"*`)
  return phrases.length > 0 ? phrases.join(' AND ') : null
}

/** WHERE clause for a filter, optionally ignoring one field (facets exclude their own filter). */
export function compileFilter(filter: EntryFilter, exclude?: FilterField): SqlFragment {
  const clauses: string[] = []
  const params: unknown[] = []
  const add = (fragment: SqlFragment) => {
    clauses.push(fragment.sql)
    params.push(...fragment.params)
  }
  if (filter.from !== undefined) add({ sql: 'e.ts >= ?', params: [parseFilterTime(filter.from, 'from')] })
  if (filter.to !== undefined) add({ sql: 'e.ts < ?', params: [parseFilterTime(filter.to, 'to')] })
  for (const field of LIST_FIELDS) {
    const values = filter[field]
    if (field !== exclude && values && values.length > 0) add(listClause(ENTRY_COLUMNS[field], values))
  }
  if (exclude !== 'result' && filter.result && filter.result.length > 0) add(listClause('result', filter.result))
  if (exclude !== 'sourceId' && filter.sourceId && filter.sourceId.length > 0) add(listClause('source_id', filter.sourceId))
  if (exclude !== 'correlationId' && filter.correlationId && filter.correlationId.length > 0) {
    add(listClause('correlation_id', filter.correlationId))
  }
  if (exclude !== 'statusCode' && filter.statusCode && filter.statusCode.length > 0) add(statusClause(filter.statusCode))
  if (filter.search !== undefined && filter.search.trim() !== '') {
    const fts = toFtsQuery(filter.search)
    if (fts === null) add({ sql: '0', params: [] })
    else add({ sql: 'e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)', params: [fts] })
  }
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : '1', params }
}
