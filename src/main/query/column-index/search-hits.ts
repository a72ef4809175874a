// Full-text matches as row positions: the FTS part runs in SQLite exactly as compileFilter's
// subquery does, the rest of the filter in the column loops. A few recent searches are kept until
// the store changes (a bulk import indexes its text only at the end, so no partial reuse).
import type { Db } from '../../store/db'
import type { ColumnStore } from './column-store'

export interface SearchHits {
  /** matching row positions, ascending */
  list: Uint32Array
  /** the same as a bitset over row positions */
  bits: Uint32Array
}

const CACHE_SIZE = 4

export function hasHit(bits: Uint32Array, row: number): boolean {
  return ((bits[row >>> 5] >>> (row & 31)) & 1) !== 0
}

function readHits(db: Db, store: ColumnStore, ftsQuery: string): SearchHits {
  const ids = db.prepare('SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?').pluck().all(ftsQuery) as number[]
  const list = new Uint32Array(ids.length)
  let n = 0
  let ascending = true
  for (const id of ids) {
    const row = store.positionOf(id)
    if (row < 0) continue // text of an entry that is gone
    if (n > 0 && row <= list[n - 1]) ascending = false
    list[n++] = row
  }
  const rows = ascending ? list.subarray(0, n) : list.subarray(0, n).sort()
  const bits = new Uint32Array((store.rows >>> 5) + 1)
  for (let i = 0; i < rows.length; i++) bits[rows[i] >>> 5] |= 1 << (rows[i] & 31)
  return { list: rows, bits }
}

export class SearchCache {
  private readonly entries = new Map<string, SearchHits>()
  private version = -1
  private store: ColumnStore | null = null

  get(db: Db, store: ColumnStore, ftsQuery: string): SearchHits {
    if (store !== this.store || store.version !== this.version) this.clear(store)
    let hits = this.entries.get(ftsQuery)
    if (hits) this.entries.delete(ftsQuery)
    else hits = readHits(db, store, ftsQuery)
    this.entries.set(ftsQuery, hits)
    if (this.entries.size > CACHE_SIZE) this.entries.delete(this.entries.keys().next().value as string)
    return hits
  }

  /** Forgets every search (the store's text may have changed). */
  clear(store: ColumnStore | null = null): void {
    this.entries.clear()
    this.store = store
    this.version = store?.version ?? -1
  }
}
