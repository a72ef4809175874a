// Where an entry sits in a filtered, sorted list (so the grid can scroll to it).
import type { EntryFilter, SortSpec } from '../../shared/types'
import { ENTRY_COLUMNS } from '../store/columns'
import type { Db } from '../store/db'
import { compileFilter, QueryError } from './compile-filter'

/**
 * The 0-based row index of entry `id` under `filter` sorted by `sort` (ties broken by id, NULLs
 * first ascending and last descending, as SQLite orders them), or null when it does not match.
 */
export function locateEntry(db: Db, filter: EntryFilter, sort: SortSpec | undefined, id: number): number | null {
  const spec = sort ?? { field: 'ts', dir: 'asc' }
  const column = ENTRY_COLUMNS[spec.field]
  if (!column) throw new QueryError(`cannot sort by "${String(spec.field)}"`)
  const where = compileFilter(filter)
  const row = db
    .prepare(`SELECT e.${column} AS v FROM entries e WHERE e.id = ? AND ${where.sql}`)
    .get(id, ...where.params) as { v: unknown } | undefined
  if (!row) return null
  const col = `e.${column}`
  let before: string
  let params: unknown[]
  if (column === 'id') {
    before = spec.dir === 'asc' ? 'e.id < ?' : 'e.id > ?'
    params = [id]
  } else if (spec.dir === 'asc') {
    before = row.v === null ? `(${col} IS NULL AND e.id < ?)` : `(${col} IS NULL OR ${col} < ? OR (${col} = ? AND e.id < ?))`
    params = row.v === null ? [id] : [row.v, row.v, id]
  } else {
    before = row.v === null ? `(${col} IS NOT NULL OR e.id > ?)` : `(${col} > ? OR (${col} = ? AND e.id > ?))`
    params = row.v === null ? [id] : [row.v, row.v, id]
  }
  const count = db
    .prepare(`SELECT count(*) AS n FROM entries e WHERE ${where.sql} AND ${before}`)
    .get(...where.params, ...params) as { n: number }
  return count.n
}
