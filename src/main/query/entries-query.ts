// Paged rows and total counts for a filter.
import type { EntryFilter, EntryPage, EntryQuery } from '../../shared/types'
import { ENTRY_COLUMNS, ENTRY_SELECT_LIST, toEntryRow } from '../store/columns'
import type { Db } from '../store/db'
import { compileFilter, QueryError } from './compile-filter'

export const DEFAULT_PAGE_SIZE = 100
export const MAX_PAGE_SIZE = 10_000

/** The page a query asks for: limit clamped to 0–MAX_PAGE_SIZE (default 100), offset to ≥ 0. */
export function pageWindow(query: EntryQuery): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_PAGE_SIZE), 0), MAX_PAGE_SIZE)
  const offset = Math.max(Math.trunc(query.offset ?? 0), 0)
  return { limit, offset }
}

export function queryEntries(db: Db, query: EntryQuery): EntryPage {
  const where = compileFilter(query.filter)
  const sort = query.sort ?? { field: 'ts', dir: 'asc' }
  const column = ENTRY_COLUMNS[sort.field]
  if (!column) throw new QueryError(`cannot sort by "${String(sort.field)}"`)
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC'
  const { limit, offset } = pageWindow(query)
  const order = column === 'id' ? `e.id ${dir}` : `e.${column} ${dir}, e.id ${dir}`
  const rows = db
    .prepare(`SELECT ${ENTRY_SELECT_LIST} FROM entries e WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset) as Array<Record<string, unknown>>
  return { rows: rows.map(toEntryRow), offset }
}

export function countEntries(db: Db, filter: EntryFilter): number {
  const where = compileFilter(filter)
  const row = db.prepare(`SELECT count(*) AS n FROM entries e WHERE ${where.sql}`).get(...where.params) as { n: number }
  return row.n
}

/** Iterates every matching row in order, without holding them all (exports). */
export function* iterateEntries(db: Db, query: Omit<EntryQuery, 'offset' | 'limit'>): Generator<Record<string, unknown>> {
  const where = compileFilter(query.filter)
  const sort = query.sort ?? { field: 'ts', dir: 'asc' }
  const column = ENTRY_COLUMNS[sort.field]
  if (!column) throw new QueryError(`cannot sort by "${String(sort.field)}"`)
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC'
  const order = column === 'id' ? `e.id ${dir}` : `e.${column} ${dir}, e.id ${dir}`
  yield* db
    .prepare(`SELECT ${ENTRY_SELECT_LIST} FROM entries e WHERE ${where.sql} ORDER BY ${order}`)
    .iterate(...where.params) as Iterable<Record<string, unknown>>
}
