import Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

export class StoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StoreError'
  }
}

/**
 * The store file is damaged (not a database, malformed pages): the UI offers to open it read-only
 * or to rebuild it, the CLI points at `apilog repair` (hardening, issue 7).
 */
export class StoreCorruptError extends StoreError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`the store ${path} is damaged (${reason})`)
    this.name = 'StoreCorruptError'
  }
}

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB'])

/** Whether an error from SQLite says the file is damaged (as opposed to busy, full or read-only). */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && CORRUPTION_CODES.has(code)
}

export interface OpenOptions {
  readonly?: boolean
  /** Migrations to apply (tests pass their own to exercise failure paths). */
  migrations?: readonly string[]
  /** Path of an Electron-ABI build of better-sqlite3 (see README: "Electron build"). */
  nativeBinding?: string
  /**
   * A connection that mostly writes (the import worker): no memory-mapped reads and sort spill to
   * temporary files, so its resident memory stays small whatever the file size.
   */
  writer?: boolean
}

/**
 * Opens (creating if needed) a store file in WAL mode, brings its schema up to date and removes
 * what an interrupted import left behind. `:memory:` works too.
 */
export function openDb(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true })
  if (options.readonly && path !== ':memory:' && !existsSync(path)) {
    throw new StoreError(`store not found: ${path}`)
  }
  let db: Db
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      nativeBinding: options.nativeBinding,
    })
  } catch (error) {
    if (isCorruptionError(error)) throw new StoreCorruptError(path, (error as Error).message)
    throw new StoreError(`cannot open store ${path}: ${(error as Error).message}`)
  }
  try {
    configure(db, options.readonly ?? false, options.writer ?? false)
    if (!options.readonly) migrate(db, options.migrations ?? MIGRATIONS)
    else checkVersion(db, options.migrations ?? MIGRATIONS)
  } catch (error) {
    db.close()
    if (error instanceof StoreError) throw error
    if (isCorruptionError(error)) throw new StoreCorruptError(path, (error as Error).message)
    throw new StoreError(`cannot open store ${path}: ${(error as Error).message}`)
  }
  return db
}

function configure(db: Db, readonly: boolean, writer: boolean): void {
  // A file that is not a database fails here with SQLITE_NOTADB.
  db.pragma('busy_timeout = 5000')
  if (!readonly) {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    // Checkpoint often enough that the WAL stays small even under long-lived readers.
    db.pragma('wal_autocheckpoint = 4000')
    db.pragma('journal_size_limit = 67108864')
  }
  db.pragma(writer ? 'temp_store = FILE' : 'temp_store = MEMORY')
  db.pragma(writer ? 'cache_size = -32768' : 'cache_size = -65536')
  db.pragma(writer ? 'mmap_size = 0' : 'mmap_size = 268435456')
}

/**
 * Copies the WAL into the database and truncates it, without waiting: a reader that still holds
 * an older snapshot makes it give up (busy) and the next call, or SQLite's own checkpoints once
 * the reader is done, finish the job. Run after each import so the WAL does not stay large.
 */
export function checkpointWal(db: Db): { busy: boolean } {
  if (db.memory || db.readonly) return { busy: false }
  const timeout = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
    return { busy: result?.busy === 1 }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return { busy: true }
    throw error
  } finally {
    db.pragma(`busy_timeout = ${timeout}`)
  }
}

function checkVersion(db: Db, migrations: readonly string[]): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version !== migrations.length) {
    throw new StoreError(
      `store schema version ${version} does not match this app (${migrations.length}); open it read-write to upgrade`,
    )
  }
}

/** Applies pending migrations, each in its own transaction with its version bump. */
export function migrate(db: Db, migrations: readonly string[]): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > migrations.length) {
    throw new StoreError(
      `store schema version ${version} is newer than this app supports (${migrations.length})`,
    )
  }
  for (let v = version; v < migrations.length; v++) {
    const apply = db.transaction(() => {
      db.exec(migrations[v])
      db.pragma(`user_version = ${v + 1}`)
    })
    try {
      apply()
    } catch (error) {
      throw new StoreError(`schema migration ${v + 1} failed: ${(error as Error).message}`)
    }
  }
}
