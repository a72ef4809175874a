// Small read-only queries the triage steps are built from. Filters compile through query/, so the
// grid shows exactly the rows a step counted; values are always bound.
import type { EntryRef, TriageCounts } from '../../shared/triage-types'
import type { EntryFilter, ResultKind } from '../../shared/types'
import { compileFilter, type SqlFragment } from '../query/compile-filter'
import { toIso } from '../store/columns'
import type { Db } from '../store/db'

export const NO_EXTRA: SqlFragment = { sql: '1', params: [] }

interface RefRow {
  id: number
  ts: number | null
  function: string | null
  result: ResultKind
  statusCode: number | null
  resultReason: string | null
}

function toRef(row: RefRow | undefined): EntryRef | null {
  if (!row) return null
  return { ...row, ts: toIso(row.ts) }
}

export function countByResult(db: Db, filter: EntryFilter): TriageCounts {
  const where = compileFilter(filter)
  const rows = db
    .prepare(`SELECT e.result AS result, count(*) AS n FROM entries e WHERE ${where.sql} GROUP BY e.result`)
    .all(...where.params) as Array<{ result: ResultKind; n: number }>
  const counts: TriageCounts = { total: 0, success: 0, error: 0, notice: 0 }
  for (const row of rows) {
    counts[row.result] += row.n
    counts.total += row.n
  }
  return counts
}

/** The first (asc) or last (desc) timed entry matching the filter and an extra condition. */
export function edgeEntry(db: Db, filter: EntryFilter, dir: 'asc' | 'desc', extra: SqlFragment = NO_EXTRA): EntryRef | null {
  const where = compileFilter(filter)
  const order = dir === 'asc' ? 'ASC' : 'DESC'
  const row = db
    .prepare(
      `SELECT e.id AS id, e.ts AS ts, e.function AS function, e.result AS result, e.status_code AS statusCode,
         e.result_reason AS resultReason
       FROM entries e WHERE ${where.sql} AND e.ts IS NOT NULL AND ${extra.sql}
       ORDER BY e.ts ${order}, e.id ${order} LIMIT 1`,
    )
    .get(...where.params, ...extra.params) as RefRow | undefined
  return toRef(row)
}

/** Entries strictly after (or before) a reference entry in time order, ties broken by id. */
export function afterRef(ref: EntryRef): SqlFragment {
  const ts = Date.parse(ref.ts as string)
  return { sql: '(e.ts > ? OR (e.ts = ? AND e.id > ?))', params: [ts, ts, ref.id] }
}

export function beforeRef(ref: EntryRef): SqlFragment {
  const ts = Date.parse(ref.ts as string)
  return { sql: '(e.ts < ? OR (e.ts = ? AND e.id < ?))', params: [ts, ts, ref.id] }
}

export function countWhere(db: Db, filter: EntryFilter, extra: SqlFragment = NO_EXTRA): number {
  const where = compileFilter(filter)
  const row = db
    .prepare(`SELECT count(*) AS n FROM entries e WHERE ${where.sql} AND ${extra.sql}`)
    .get(...where.params, ...extra.params) as { n: number }
  return row.n
}

export interface Span {
  fromMs: number
  toMs: number
}

/** First and last entry time of the complete sources searched. */
export function logSpan(db: Db, sourceIds?: number[]): Span | null {
  const ids = sourceIds && sourceIds.length > 0 ? sourceIds : null
  const where = ids ? `AND id IN (${ids.map(() => '?').join(', ')})` : ''
  const row = db
    .prepare(`SELECT min(first_ts) AS lo, max(last_ts) AS hi FROM sources WHERE status = 'complete' ${where}`)
    .get(...(ids ?? [])) as { lo: number | null; hi: number | null }
  return row.lo === null || row.hi === null ? null : { fromMs: row.lo, toMs: row.hi + 1 }
}

/** Epoch ms → ISO for EntryFilter bounds. */
export function iso(ms: number): string {
  return new Date(ms).toISOString()
}

/** Distinct values of a column containing a text (case-insensitive), for "did you mean". */
export function similarValues(
  db: Db,
  column: 'api_user' | 'agent_user' | 'function',
  text: string,
  limit: number,
  scope: EntryFilter = {},
): string[] {
  const where = compileFilter(scope)
  const needle = `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows = db
    .prepare(
      `SELECT e.${column} AS v, count(*) AS n FROM entries e
       WHERE ${where.sql} AND e.${column} LIKE ? ESCAPE '\\' GROUP BY e.${column} ORDER BY n DESC LIMIT ?`,
    )
    .all(...where.params, needle, limit) as Array<{ v: string }>
  return rows.map((r) => r.v)
}

/** The most frequent values of a column under a filter. */
export function topValues(db: Db, column: 'function' | 'api_user' | 'agent_user', filter: EntryFilter, limit: number): string[] {
  const where = compileFilter(filter)
  const rows = db
    .prepare(
      `SELECT e.${column} AS v, count(*) AS n FROM entries e WHERE ${where.sql} AND e.${column} IS NOT NULL
       GROUP BY e.${column} ORDER BY n DESC LIMIT ?`,
    )
    .all(...where.params, limit) as Array<{ v: string }>
  return rows.map((r) => r.v)
}
