// Store size after an import: database + WAL once checkpointed, per entry, against the raw file,
// and which tables and indexes take the space (SQLite's dbstat).
import { openDb } from '../store/db'
import { fileSize } from './store-files'

export interface SizeFigures {
  format: string
  entries: number
  rawBytes: number
  dbBytes: number
  walBytes: number
  bytesPerEntry: number
  /** (db + WAL) / raw file */
  ratioToRaw: number
  /** bytes per table or index, largest first */
  breakdown: Array<{ name: string; bytes: number }>
  measuredAt: string
}

/** Groups dbstat names: FTS shadow tables together, each index and table on its own. */
function groupName(name: string): string {
  return name.startsWith('entries_fts_') ? 'entries_fts (all)' : name
}

export function measureSize(storePath: string, format: string, entries: number, rawBytes: number): SizeFigures {
  const db = openDb(storePath)
  let breakdown: Array<{ name: string; bytes: number }>
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
    const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as Array<{ name: string; bytes: number }>
    const grouped = new Map<string, number>()
    for (const row of rows) grouped.set(groupName(row.name), (grouped.get(groupName(row.name)) ?? 0) + row.bytes)
    breakdown = [...grouped].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 12)
  } finally {
    db.close()
  }
  const dbBytes = fileSize(storePath)
  const walBytes = fileSize(`${storePath}-wal`)
  return {
    format,
    entries,
    rawBytes,
    dbBytes,
    walBytes,
    bytesPerEntry: Math.round((dbBytes + walBytes) / Math.max(entries, 1)),
    ratioToRaw: Math.round(((dbBytes + walBytes) / rawBytes) * 100) / 100,
    breakdown,
    measuredAt: new Date().toISOString(),
  }
}
