// Keeps a ColumnStore in step with the store file. The first load and big appends run in the index
// worker; until they land, current() returns null and the backend answers with SQL. Before each
// request a cheap check finds new entries (appended, in-process when few) and deletions (rebuilt).
import type { Db } from '../../store/db'
import { UnsupportedDataError, type ColumnChunk } from './column-chunk'
import { ColumnStore } from './column-store'
import { bundledIndexWorkerPath, loadInWorker, type PendingLoad } from './load-chunk'
import { readChunk } from './read-chunk'
import { SearchCache } from './search-hits'
import { scratchBytes } from './selection'
import { ChangeCounters, inspectStore } from './store-changes'

export interface ColumnIndexOptions {
  dbPath: string
  /** the bundled index worker; null loads in-process (default: the bundled one when built) */
  workerPath?: string | null
  nativeBinding?: string
  /** loads of at most this many entries run in-process, on the backend's connection */
  inProcessRows?: number
}

export interface ColumnIndexStats {
  state: 'loading' | 'ready' | 'unsupported' | 'closed'
  rows: number
  bytes: number
  bytesPerEntry: number
  /** why the index is unsupported, or the last load failure */
  message: string | null
}

const DEFAULT_IN_PROCESS_ROWS = 50_000
const RETRY_MS = 10_000
/** Loads failing this many times in a row (a damaged store) leave queries to SQL for good. */
const MAX_FAILURES = 3

export class ColumnIndexService {
  readonly search = new SearchCache()
  private store: ColumnStore | null = null
  private pending: PendingLoad | null = null
  private generation = 0
  private readonly counters: ChangeCounters
  /** change counters when the index was last known current; null forces a check */
  private mark: string | null = null
  private known = new Map<number, number>()
  private unsupported: string | null = null
  private failure: { message: string; retryAt: number; count: number } | null = null
  private closed = false
  private readonly workerPath: string | null
  private readonly inProcessRows: number

  constructor(
    private readonly db: Db,
    private readonly options: ColumnIndexOptions,
  ) {
    this.counters = new ChangeCounters(db)
    const workerPath = options.workerPath === undefined ? bundledIndexWorkerPath() : options.workerPath
    this.workerPath = options.dbPath === ':memory:' ? null : workerPath
    this.inProcessRows = options.inProcessRows ?? DEFAULT_IN_PROCESS_ROWS
  }

  /** Starts loading soon (after the caller has finished opening) rather than at the first request. */
  start(): void {
    setImmediate(() => this.current())
  }

  /** The index, current with the store; null while it loads (answer with SQL meanwhile). */
  current(): ColumnStore | null {
    if (this.closed || this.unsupported !== null || this.pending) return null
    if (this.failure && Date.now() < this.failure.retryAt) return null
    try {
      return this.sync()
    } catch (error) {
      this.fail(error) // a busy or damaged store: SQL answers, and reports what is wrong
      return null
    }
  }

  private sync(): ColumnStore | null {
    this.store ??= new ColumnStore()
    const mark = this.counters.read()
    if (this.mark === mark) return this.store
    const state = inspectStore(this.db, this.store, this.known)
    if (state.rebuild) {
      this.reset()
      return this.sync()
    }
    this.known = state.sources
    this.search.clear()
    if (state.maxId > this.store.lastId && !this.load(state.maxId - this.store.lastId)) return null
    this.mark = mark
    return this.store
  }

  /** Entries were deleted through this backend (a removed source): start over. */
  invalidate(): void {
    this.reset()
  }

  /** Resolves once the index is current (or cannot be used): tests and benchmarks. */
  async whenReady(): Promise<void> {
    while (!this.closed && this.unsupported === null && this.current() === null) {
      const pending = this.pending?.chunk.then(() => undefined, () => undefined)
      await (pending ?? new Promise<void>((resolve) => setTimeout(resolve, 50)))
    }
  }

  stats(): ColumnIndexStats {
    const rows = this.store?.rows ?? 0
    // the columns and dictionaries, and the selection vector queries share (sized to the rows)
    const bytes = (this.store?.bytes() ?? 0) + (this.store ? Math.max(scratchBytes(), rows * 4) : 0)
    let state: ColumnIndexStats['state'] = this.pending || !this.mark ? 'loading' : 'ready'
    if (this.unsupported !== null) state = 'unsupported'
    if (this.closed) state = 'closed'
    const message = this.unsupported ?? this.failure?.message ?? null
    return { state, rows, bytes, bytesPerEntry: rows > 0 ? Math.round(bytes / rows) : 0, message }
  }

  close(): void {
    this.closed = true
    this.reset()
  }

  private reset(): void {
    this.pending?.cancel()
    this.pending = null
    this.generation++
    this.store = null
    this.mark = null
    this.known = new Map()
    this.search.clear()
  }

  /** Loads the entries after the last indexed id: true when done in-process, false when in a worker. */
  private load(expected: number): boolean {
    const afterId = this.store!.lastId
    if (this.workerPath && expected > this.inProcessRows) {
      this.loadInWorker(this.workerPath, afterId)
      return false
    }
    try {
      this.store!.append(readChunk(this.db, afterId))
      this.failure = null
      return true
    } catch (error) {
      this.fail(error)
      return false
    }
  }

  private loadInWorker(workerPath: string, afterId: number): void {
    const generation = this.generation
    const { dbPath, nativeBinding } = this.options
    const pending = loadInWorker(workerPath, { dbPath, afterId, nativeBinding })
    this.pending = pending
    const settle = (apply: () => void) => {
      if (generation !== this.generation || this.pending !== pending) return
      this.pending = null
      this.mark = null // check again at the next request: the store may have moved on meanwhile
      apply()
    }
    pending.chunk.then(
      (chunk: ColumnChunk) => settle(() => this.append(chunk)),
      (error: unknown) => settle(() => this.fail(error)),
    )
  }

  private append(chunk: ColumnChunk): void {
    try {
      this.store!.append(chunk)
      this.failure = null
    } catch (error) {
      this.fail(error)
    }
  }

  private fail(error: unknown): void {
    const message = (error as Error).message
    const count = (this.failure?.count ?? 0) + 1
    if (error instanceof UnsupportedDataError || count >= MAX_FAILURES) {
      this.reset()
      this.unsupported = message
    } else {
      this.mark = null
      this.failure = { message, retryAt: Date.now() + RETRY_MS, count }
    }
  }
}
