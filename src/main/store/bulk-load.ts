// Bulk loading: a large import drops the secondary indexes of `entries` (random-order inserts are
// what make a big import slow) and builds them once at the end, which is much cheaper. The index
// definitions are parked in `meta` in the same transaction as the drop, so an import killed
// midway leaves a record of what to rebuild: restoreDeferredIndexes() runs at every open.
import type { Db } from './db'

const META_KEY = 'deferred_indexes'
/** Kept during bulk loads: they see (nearly) ordered inserts and serve recovery and paging. */
const KEPT = new Set(['entries_by_source', 'entries_by_ts'])

/** Imports at least this big (bytes) load in bulk mode when the store is not much larger. */
export const BULK_MIN_FILE_BYTES = 32 * 1024 * 1024

export function shouldBulkLoad(db: Db, fileBytes: number): boolean {
  if (fileBytes < BULK_MIN_FILE_BYTES) return false
  const pages = db.pragma('page_count', { simple: true }) as number
  const pageSize = db.pragma('page_size', { simple: true }) as number
  return fileBytes * 2 >= pages * pageSize
}

/** Drops the secondary indexes of `entries`; returns false when another bulk load holds them. */
export function deferIndexes(db: Db): boolean {
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(META_KEY)) return false
    const indexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries' AND sql IS NOT NULL`)
      .all() as Array<{ name: string; sql: string }>
    const dropped = indexes.filter((index) => !KEPT.has(index.name))
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(META_KEY, JSON.stringify(dropped))
    for (const index of dropped) db.exec(`DROP INDEX IF EXISTS "${index.name.replace(/"/g, '""')}"`)
    return true
  })()
}

/** Rebuilds indexes parked by deferIndexes (after a bulk load, or at open after a crash). */
export function restoreDeferredIndexes(db: Db): number {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY) as { value: string } | undefined
  if (!row) return 0
  const indexes = JSON.parse(row.value) as Array<{ name: string; sql: string }>
  db.transaction(() => {
    for (const index of indexes) db.exec(index.sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '))
    db.prepare('DELETE FROM meta WHERE key = ?').run(META_KEY)
  })()
  return indexes.length
}

/** Whether indexes are parked (a bulk load is running, or one was interrupted). */
export function hasDeferredIndexes(db: Db): boolean {
  return db.prepare('SELECT 1 FROM meta WHERE key = ?').get(META_KEY) !== undefined
}
