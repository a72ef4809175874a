import type { ImportError, SourceFormat, SourceInfo } from '../../shared/types'
import { toIso } from './columns'
import type { Db } from './db'

export interface NewSource {
  name: string
  path: string | null
  size: number
  headSha256: string
  format: SourceFormat
  timeZone: string
  secretsKept: boolean
}

export interface SourceTotals {
  sha256: string
  mapping: Record<string, string> | null
  entryCount: number
  skippedCount: number
  errorCount: number
  errors: ImportError[]
  firstTs: number | null
  lastTs: number | null
  durationMs: number
}

interface SourceRow {
  id: number
  name: string
  path: string | null
  size: number
  sha256: string
  format: SourceFormat
  mapping: string | null
  time_zone: string
  imported_at: number
  entry_count: number
  skipped_count: number
  error_count: number
  errors: string
  first_ts: number | null
  last_ts: number | null
  duration_ms: number
  secrets_kept: number
}

function toSourceInfo(row: SourceRow): SourceInfo {
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    size: row.size,
    sha256: row.sha256,
    format: row.format,
    mapping: row.mapping ? (JSON.parse(row.mapping) as Record<string, string>) : null,
    timeZone: row.time_zone,
    importedAt: toIso(row.imported_at) as string,
    entryCount: row.entry_count,
    skippedCount: row.skipped_count,
    errorCount: row.error_count,
    errors: JSON.parse(row.errors) as ImportError[],
    firstTs: toIso(row.first_ts),
    lastTs: toIso(row.last_ts),
    durationMs: row.duration_ms,
    secretsKept: row.secrets_kept === 1,
  }
}

/** Inserts a source in the 'importing' state, owned by this process. */
export function insertSource(db: Db, source: NewSource): number {
  const info = db
    .prepare(
      `INSERT INTO sources (name, path, size, sha256, head_sha256, format, time_zone, imported_at,
         status, owner_pid, secrets_kept)
       VALUES (?, ?, ?, '', ?, ?, ?, ?, 'importing', ?, ?)`,
    )
    .run(
      source.name,
      source.path,
      source.size,
      source.headSha256,
      source.format,
      source.timeZone,
      Date.now(),
      process.pid,
      source.secretsKept ? 1 : 0,
    )
  return Number(info.lastInsertRowid)
}

export function completeSource(db: Db, id: number, totals: SourceTotals): void {
  db.prepare(
    `UPDATE sources SET status = 'complete', owner_pid = NULL, sha256 = ?, mapping = ?,
       entry_count = ?, skipped_count = ?, error_count = ?, errors = ?, first_ts = ?, last_ts = ?,
       duration_ms = ?
     WHERE id = ?`,
  ).run(
    totals.sha256,
    totals.mapping ? JSON.stringify(totals.mapping) : null,
    totals.entryCount,
    totals.skippedCount,
    totals.errorCount,
    JSON.stringify(totals.errors),
    totals.firstTs,
    totals.lastTs,
    totals.durationMs,
    id,
  )
}

export function listSources(db: Db): SourceInfo[] {
  const rows = db
    .prepare(`SELECT * FROM sources WHERE status = 'complete' ORDER BY id`)
    .all() as SourceRow[]
  return rows.map(toSourceInfo)
}

export function getSource(db: Db, id: number): SourceInfo | null {
  const row = db.prepare(`SELECT * FROM sources WHERE id = ?`).get(id) as SourceRow | undefined
  return row ? toSourceInfo(row) : null
}

/** Complete sources whose file has this hash. */
export function findSourceBySha(db: Db, sha256: string): SourceInfo | null {
  const row = db
    .prepare(`SELECT * FROM sources WHERE sha256 = ? AND status = 'complete' ORDER BY id LIMIT 1`)
    .get(sha256) as SourceRow | undefined
  return row ? toSourceInfo(row) : null
}

/** Whether a complete source might be the same file (same size and same first megabyte). */
export function hasPossibleDuplicate(db: Db, size: number, headSha256: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM sources WHERE size = ? AND head_sha256 = ? AND status = 'complete' LIMIT 1`,
      )
      .get(size, headSha256) !== undefined
  )
}

/** Deletes a source and all its entries in one transaction. Returns false when it did not exist. */
export function deleteSource(db: Db, id: number): boolean {
  const run = db.transaction((sourceId: number) => {
    db.prepare(
      `DELETE FROM entries_fts WHERE rowid IN (SELECT id FROM entries WHERE source_id = ?)`,
    ).run(sourceId)
    db.prepare(
      `DELETE FROM entry_payloads WHERE entry_id IN (SELECT id FROM entries WHERE source_id = ?)`,
    ).run(sourceId)
    db.prepare(`DELETE FROM entries WHERE source_id = ?`).run(sourceId)
    db.prepare(`DELETE FROM header_sets WHERE source_id = ?`).run(sourceId)
    return db.prepare(`DELETE FROM sources WHERE id = ?`).run(sourceId).changes > 0
  })
  return run(id)
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes sources left in the 'importing' state by a process that no longer runs (killed or
 * crashed mid-import), with their entries. Returns the ids removed.
 */
export function removeInterruptedImports(db: Db): number[] {
  const rows = db
    .prepare(`SELECT id, owner_pid AS pid FROM sources WHERE status = 'importing'`)
    .all() as Array<{ id: number; pid: number | null }>
  const orphans = rows.filter((r) => r.pid === null || r.pid === process.pid || !isAlive(r.pid))
  // A source owned by this very process and still 'importing' at open time cannot be ours in
  // progress (imports hold their own handle), so it is an orphan of an earlier run with a reused pid.
  for (const orphan of orphans) deleteSource(db, orphan.id)
  return orphans.map((o) => o.id)
}
