// Has the store changed since the index last looked, and how: cheap checks run before each request.
// `PRAGMA data_version` moves when another connection commits (the import worker, a CLI), and
// total_changes() when this one writes. New entries are those above the last indexed id; entries
// only ever disappear with their source (deleteSource), which shows in the small `sources` table.
import type { Db } from '../../store/db'
import type { ColumnStore } from './column-store'

export class ChangeCounters {
  private readonly statement

  constructor(db: Db) {
    this.statement = db.prepare('SELECT total_changes() AS own, (SELECT data_version FROM pragma_data_version) AS other')
  }

  /** An opaque token that differs whenever something was committed since the last one. */
  read(): string {
    const { own, other } = this.statement.get() as { own: number; other: number }
    return `${own}/${other}`
  }
}

export interface StoreState {
  /** entries were deleted (or ids reused): the index must be rebuilt */
  rebuild: boolean
  maxId: number
  /** source id → imported_at */
  sources: Map<number, number>
}

function readSources(db: Db): Map<number, number> {
  const rows = db.prepare('SELECT id, imported_at FROM sources').raw(true).all() as Array<[number, number]>
  return new Map(rows)
}

/**
 * Whether the indexed entries are all still there: every indexed source still exists (or never did:
 * entries without a source row are kept by the store too) with the same import time, and the newest
 * indexed entry is still there as it was (not deleted, nor its id reused by a newer import).
 */
export function inspectStore(db: Db, store: ColumnStore, known: Map<number, number>): StoreState {
  const sources = readSources(db)
  const maxId = (db.prepare('SELECT max(id) FROM entries').pluck().get() as number | null) ?? 0
  const state = { rebuild: true, maxId, sources }
  const hasRows = db.prepare('SELECT 1 FROM entries WHERE source_id = ? LIMIT 1').pluck()
  for (const value of store.dicts.sourceId.values) {
    if (value === null) continue
    const id = value as number
    const importedAt = sources.get(id)
    if (importedAt === undefined ? !hasRows.get(id) : known.has(id) && known.get(id) !== importedAt) return state
  }
  return isLastRowUnchanged(db, store) ? { ...state, rebuild: false } : state
}

/** The newest indexed entry is still there with the same source and time (not replaced under its id). */
function isLastRowUnchanged(db: Db, store: ColumnStore): boolean {
  if (store.rows === 0) return true
  const last = store.rows - 1
  const row = db.prepare('SELECT source_id AS sourceId, ts FROM entries WHERE id = ?').get(store.id[last]) as
    | { sourceId: number; ts: number | null }
    | undefined
  if (!row || row.sourceId !== store.dicts.sourceId.values[store.codes.sourceId[last]]) return false
  return row.ts === null ? Number.isNaN(store.ts[last]) : row.ts === store.ts[last]
}
