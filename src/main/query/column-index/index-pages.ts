// Pages and positions for the id and time sorts: the matching rows come in order straight from the
// (ts, id) order or the id order, and only the page's rows are read from SQLite, by id.
import type { EntryRow, SortSpec } from '../../../shared/types'
import { ENTRY_SELECT_LIST, toEntryRow } from '../../store/columns'
import type { Db } from '../../store/db'
import { passesConditions } from './filter-plan'
import { hasHit } from './search-hits'
import { selectRows, type IndexQuery, type Window } from './selection'
import { rankOf } from './ts-order'

/** Sorts the index serves; the other columns are sorted by SQL. */
export function isIndexedSort(sort: SortSpec): boolean {
  return sort.field === 'id' || sort.field === 'ts'
}

/** Ids of the page's entries, in page order. */
export function pageIds(q: IndexQuery, sort: SortSpec, offset: number, limit: number): number[] {
  const rows = selectRows(q, sort.field === 'id' ? 'row' : 'ts')
  const ids = q.store.id
  const end = Math.min(offset + limit, rows.length)
  const out: number[] = []
  for (let j = offset; j < end; j++) out.push(ids[rows[sort.dir === 'desc' ? rows.length - 1 - j : j]])
  return out
}

const FETCH_SQL = `SELECT ${ENTRY_SELECT_LIST} FROM entries e WHERE e.id IN (SELECT value FROM json_each(?))`

/** The rows with these ids, in this order; null when one has gone meanwhile. */
export function fetchRows(db: Db, ids: number[]): EntryRow[] | null {
  if (ids.length === 0) return []
  const found = db.prepare(FETCH_SQL).all(JSON.stringify(ids)) as Array<Record<string, unknown>>
  if (found.length !== ids.length) return null
  const byId = new Map(found.map((row) => [row.id as number, row]))
  const rows: EntryRow[] = []
  for (const id of ids) {
    const row = byId.get(id)
    if (!row) return null
    rows.push(toEntryRow(row))
  }
  return rows
}

function rowMatches(q: IndexQuery, row: number): boolean {
  const { plan, store } = q
  if (plan.empty) return false
  if (plan.time && !(store.ts[row] >= plan.time.lo && store.ts[row] < plan.time.hi)) return false
  if (q.hits && !hasHit(q.hits.bits, row)) return false
  return passesConditions(plan.conditions, row)
}

/** The 0-based index of entry `id` in the sorted, filtered list, or null when it does not match. */
export function locateRow(q: IndexQuery, sort: SortSpec, id: number): number | null {
  const { store } = q
  const row = store.positionOf(id)
  if (row < 0 || !rowMatches(q, row)) return null
  const asc = sort.dir === 'asc' // as locate-entry.ts reads it
  let window: Window
  if (sort.field === 'id') window = asc ? { kind: 'rows', from: 0, to: row } : { kind: 'rows', from: row + 1, to: store.rows }
  else {
    const rank = rankOf(store.ts, store.order, row)
    window = asc ? { kind: 'order', from: 0, to: rank } : { kind: 'order', from: rank + 1, to: store.rows }
  }
  return selectRows(q, 'any', q.plan.conditions, window).length
}
