// Parent side of an import measurement: runs `bench.js import-one` in a child process into a fresh
// store, and meanwhile polls the store from here as the UI would (first page + count) to see when
// the first rows can be browsed and how long the UI's queries take while the import writes.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { GeneratedLog } from './generate/write-log'
import { RESULT_PREFIX, type ImportOneResult } from './import-one'
import { countEntries, queryEntries } from '../query/entries-query'
import { openDb, type Db } from '../store/db'
import { summarize, type Summary } from './stats'
import { removeStore } from './store-files'

export interface ImportFigures {
  format: string
  importer: string | null
  entries: number
  skipped: number
  errors: number
  failure: string | null
  bytes: number
  mode: ImportOneResult['mode']
  wallMs: number
  cpuMs: number
  entriesPerSecond: number
  mbPerSecond: number
  /** throughput per CPU-second: steadier than wall time on a shared machine */
  mbPerCpuSecond: number
  peakRssMb: number
  /** from spawning the import to the first page and count answering with rows */
  firstRowsMs: number | null
  /** first page + count latency sampled every second while the import ran */
  uiQueriesDuringImport: Summary
  eventLoop: ImportOneResult['eventLoop']
  /** handles still open in the importing process after the backend was closed */
  lingering: string[]
  measuredAt: string
}

const POLL_MS = 25
const SAMPLE_MS = 1000
const PROGRESS_MS = 15_000

/** Polls the store until rows appear, then samples the UI's first query at intervals. */
class StorePoller {
  private db: Db | null = null
  private timer: NodeJS.Timeout | null = null
  firstRowsMs: number | null = null
  readonly samples: number[] = []

  private lastProgress = 0

  constructor(
    private readonly path: string,
    private readonly started: number,
    private readonly onProgress: (stored: number) => void,
  ) {}

  start(): void {
    const tick = () => {
      this.poll()
      this.timer = setTimeout(tick, this.firstRowsMs === null ? POLL_MS : SAMPLE_MS)
    }
    tick()
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.db?.close()
    this.db = null
  }

  private poll(): void {
    if (!this.db) {
      if (!existsSync(this.path)) return
      try {
        this.db = openDb(this.path, { readonly: true })
      } catch {
        return // still being created and migrated
      }
    }
    const t0 = performance.now()
    const page = queryEntries(this.db, { filter: {}, limit: 100 })
    const count = page.rows.length > 0 ? countEntries(this.db, {}) : 0
    const t1 = performance.now()
    if (page.rows.length === 0 || count === 0) return
    if (this.firstRowsMs === null) this.firstRowsMs = Math.round(t1 - this.started)
    else this.samples.push(t1 - t0)
    if (t1 - this.lastProgress >= PROGRESS_MS) {
      this.lastProgress = t1
      this.onProgress(count)
    }
  }
}

function runChild(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let stdout = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (stdout += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout }))
  })
}

export interface ImportRun {
  benchScript: string
  storePath: string
  /** write a CPU profile of the child here */
  profileDir?: string
  /** entries visible in the store so far (every 15 s) */
  onProgress?: (stored: number) => void
}

export async function measureImport(log: GeneratedLog, run: ImportRun): Promise<ImportFigures> {
  removeStore(run.storePath)
  const nodeFlags = run.profileDir ? ['--cpu-prof', '--cpu-prof-dir', run.profileDir] : []
  const started = performance.now()
  const poller = new StorePoller(run.storePath, started, run.onProgress ?? (() => undefined))
  poller.start()
  let child: { code: number | null; stdout: string }
  try {
    child = await runChild([...nodeFlags, run.benchScript, 'import-one', '--db', run.storePath, '--file', log.path])
  } finally {
    poller.stop()
  }
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX))
  if (!line) throw new Error(`import of ${log.path} reported nothing (exit code ${child.code})`)
  const report = JSON.parse(line.slice(RESULT_PREFIX.length)) as ImportOneResult
  return toFigures(log, report, poller)
}

function toFigures(log: GeneratedLog, report: ImportOneResult, poller: StorePoller): ImportFigures {
  const { result } = report
  const cpuMs = report.userMs + report.systemMs
  const rssKb = Math.max(report.maxRssKb, report.vmHwmKb ?? 0)
  return {
    format: log.format,
    importer: result.format,
    entries: result.imported,
    skipped: result.skipped,
    errors: result.errorCount,
    failure: result.failure,
    bytes: log.bytes,
    mode: report.mode,
    wallMs: report.wallMs,
    cpuMs,
    entriesPerSecond: Math.round(result.imported / (report.wallMs / 1000)),
    mbPerSecond: Math.round((log.bytes / 1e6 / (report.wallMs / 1000)) * 10) / 10,
    mbPerCpuSecond: Math.round((log.bytes / 1e6 / (cpuMs / 1000)) * 10) / 10,
    peakRssMb: Math.round(rssKb / 1024),
    firstRowsMs: poller.firstRowsMs,
    uiQueriesDuringImport: summarize(poller.samples),
    eventLoop: report.eventLoop,
    lingering: report.lingering ?? [],
    measuredAt: new Date().toISOString(),
  }
}
