// The store as files on disk, for repairing a damaged one (issue 7): checking it without writing to
// it, reading what sources it held, and moving it (with its WAL and shared-memory files) aside so
// a new store can take its place while the damaged copy is kept.
import Database from 'better-sqlite3'
import { existsSync, renameSync } from 'node:fs'

const SIDE_SUFFIXES = ['', '-wal', '-shm'] as const

export interface StoreCheck {
  ok: boolean
  /** what integrity_check (or opening the file) reported; empty when ok */
  problems: string[]
}

/**
 * Opens the file read-only, whatever its schema version (better-sqlite3 directly: openDb would
 * refuse an old version and migrate nothing here), and runs `fn` on it.
 */
function withReadOnly<T>(path: string, nativeBinding: string | undefined, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

/** Full integrity check (reads every page: run on demand, not at every start). */
export function checkStoreFile(path: string, nativeBinding?: string): StoreCheck {
  try {
    return withReadOnly(path, nativeBinding, (db) => {
      const rows = db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>
      const problems = rows.map((r) => r.integrity_check).filter((p) => p !== 'ok')
      return { ok: problems.length === 0, problems }
    })
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] }
  }
}

/** The original paths of the logs a (possibly damaged) store held, or null when unreadable. */
export function sourcePathsOf(path: string, nativeBinding?: string): string[] | null {
  try {
    return withReadOnly(path, nativeBinding, (db) =>
      (db.prepare(`SELECT DISTINCT path FROM sources WHERE path IS NOT NULL ORDER BY id`).all() as Array<{ path: string }>).map((r) => r.path),
    )
  } catch {
    return null
  }
}

/** `<path>.damaged-20240501T101500Z` (plus -2, -3 … when taken). */
function backupName(path: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  let candidate = `${path}.damaged-${stamp}`
  for (let n = 2; SIDE_SUFFIXES.some((s) => existsSync(candidate + s)); n++) candidate = `${path}.damaged-${stamp}-${n}`
  return candidate
}

/** Renames the store file and its -wal / -shm files; returns the new path of the store file. */
export function moveStoreAside(path: string, now = new Date()): string {
  const backup = backupName(path, now)
  for (const suffix of SIDE_SUFFIXES) {
    if (existsSync(path + suffix)) renameSync(path + suffix, backup + suffix)
  }
  return backup
}
