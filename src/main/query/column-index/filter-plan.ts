// EntryFilter → what the column loops test, with compileFilter's semantics: `from` inclusive, `to`
// exclusive (both exclude NULL times), values ORed within a field and fields ANDed, null matching
// NULL, status classes / exact codes / "none", full-text search through SQLite's FTS index.
import type { EntryFilter, FilterField } from '../../../shared/types'
import { compileFilter, parseFilterTime, toFtsQuery } from '../compile-filter'
import { DICT_FIELDS, RESULT_CODES, STATUS_NULL, type CodeArray, type DictField } from './column-chunk'
import type { ColumnStore } from './column-store'

/** Passes when table[column[row]] is not 0. */
export interface LookupCondition {
  field: FilterField
  column: Uint8Array | Uint16Array | CodeArray
  table: Uint8Array
}

export interface FilterPlan {
  /** [lo, hi) over non-NULL times; null when the filter has no time range */
  time: { lo: number; hi: number } | null
  /** FTS5 query the entries must match */
  search: string | null
  /** the filter can match nothing (search text with nothing searchable) */
  empty: boolean
  conditions: LookupCondition[]
}

const STATUS_CLASS_RE = /^([1-5])xx$/i

function listOf(filter: EntryFilter, field: FilterField): unknown[] | null {
  const values = filter[field] as unknown[] | undefined
  return values && values.length > 0 ? values : null
}

function dictTable(store: ColumnStore, field: DictField, values: unknown[]): Uint8Array | null {
  const dict = store.dicts[field]
  if (dict.odd) return null
  const table = new Uint8Array(dict.size + 1)
  const wanted = field === 'sourceId' ? 'number' : 'string'
  for (const value of values) {
    if (value !== null && typeof value !== wanted) return null
    const code = dict.codeOf(value as string | number | null)
    if (code >= 0) table[code] = 1
  }
  return table
}

function resultTable(values: unknown[]): Uint8Array {
  const table = new Uint8Array(RESULT_CODES.size)
  for (const value of values) {
    const code = RESULT_CODES.get(value as never)
    if (code !== undefined) table[code] = 1
  }
  return table
}

/** Same parsing as compileFilter's statusClause (which has already rejected bad values). */
function statusTable(values: unknown[]): Uint8Array | null {
  const table = new Uint8Array(STATUS_NULL + 1)
  for (const raw of values) {
    if (typeof raw !== 'string') return null
    const value = raw.trim()
    const cls = STATUS_CLASS_RE.exec(value)
    if (cls) table.fill(1, Number(cls[1]) * 100, Number(cls[1]) * 100 + 100)
    else if (/^\d{1,3}$/.test(value)) table[Number(value)] = 1
    else if (/^none$/i.test(value)) table[STATUS_NULL] = 1
    else return null
  }
  return table
}

function condition(store: ColumnStore, filter: EntryFilter, field: FilterField): LookupCondition | null | undefined {
  const values = listOf(filter, field)
  if (!values) return undefined
  let table: Uint8Array | null
  let column: LookupCondition['column']
  if (field === 'result') [table, column] = [resultTable(values), store.result]
  else if (field === 'statusCode') [table, column] = [statusTable(values), store.status]
  else if ((DICT_FIELDS as readonly string[]).includes(field)) {
    ;[table, column] = [dictTable(store, field as DictField, values), store.codes[field as DictField]]
  } else return null
  return table ? { field, column, table } : null
}

/**
 * The plan for a filter over the store as it is now, or null when the index cannot answer it
 * (a correlation id filter, values of unexpected types). Throws compileFilter's QueryErrors.
 */
export function planFilter(store: ColumnStore, filter: EntryFilter): FilterPlan | null {
  compileFilter(filter) // the same validation and errors as the SQL path
  const conditions: LookupCondition[] = []
  for (const field of ['result', 'statusCode', ...DICT_FIELDS, 'correlationId'] as FilterField[]) {
    const c = condition(store, filter, field)
    if (c === null) return null
    if (c) conditions.push(c)
  }
  const from = filter.from !== undefined ? parseFilterTime(filter.from, 'from') : null
  const to = filter.to !== undefined ? parseFilterTime(filter.to, 'to') : null
  const time = from !== null || to !== null ? { lo: from ?? -Infinity, hi: to ?? Infinity } : null
  let search: string | null = null
  let empty = false
  if (filter.search !== undefined && filter.search.trim() !== '') {
    search = toFtsQuery(filter.search)
    empty = search === null
  }
  return { time, search, empty, conditions }
}

/** Whether one row passes the plan's conditions (time and search are checked by the caller). */
export function passesConditions(conditions: readonly LookupCondition[], row: number): boolean {
  return conditions.every((c) => c.table[c.column[row]] !== 0)
}
