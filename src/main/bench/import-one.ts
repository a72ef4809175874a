// Child side of an import measurement (`bench.js import-one --db STORE --file LOG`): imports one file
// the way the app does (createBackend → startImport, so the import service picks the worker thread
// or in-process exactly as the app would), watches this process's event loop, and prints one line
// `BENCH_RESULT {json}` with its own wall time, CPU time and peak memory.
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { ImportFileResult, ImportSummary } from '../../shared/types'
import { createBackend } from '../backend'
import { bundledWorkerPath } from '../import-service'

export const RESULT_PREFIX = 'BENCH_RESULT '

export interface ImportOneResult {
  result: ImportFileResult
  /** where the import ran: the app's worker thread or the main thread */
  mode: 'worker' | 'in-process'
  /** from opening the store to the import's finished event */
  wallMs: number
  userMs: number
  systemMs: number
  /** peak resident set of the whole process (all threads), kB */
  maxRssKb: number
  /** VmHWM from /proc/self/status, kB (null off Linux) */
  vmHwmKb: number | null
  /** event-loop delay of the main thread (the one serving the UI) while importing */
  eventLoop: { maxMs: number; p99Ms: number; meanMs: number }
  /** what still kept the process alive once the backend was closed (a leak when not empty) */
  lingering: string[]
}

function vmHwmKb(): number | null {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
    return m ? Number(m[1]) : null
  } catch {
    return null
  }
}

const activeResources = () => process.getActiveResourcesInfo().filter((r) => !/^(TTYWrap|PipeWrap)$/.test(r))

/** What still keeps the process alive once workers that were told to stop have had 2 s to exit. */
async function settledResources(): Promise<string[]> {
  for (let waited = 0; waited < 2000 && activeResources().length > 0; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return activeResources()
}

export async function runImportOne(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, file: { type: 'string' } } })
  if (!values.db || !values.file) throw new Error('import-one needs --db and --file')
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  const cpu = process.cpuUsage()
  const started = performance.now()
  const backend = createBackend({ dbPath: values.db, exportDir: join(tmpdir(), `apilog-bench-exports-${process.pid}`) })
  const finished = new Promise<ImportSummary>((resolve) => backend.events.on('importFinished', resolve))
  await backend.api.startImport({ files: [{ path: values.file }] })
  const summary = await finished
  const wallMs = performance.now() - started
  loop.disable()
  backend.close()
  const lingering = await settledResources()
  const used = process.cpuUsage(cpu)
  const report: ImportOneResult = {
    result: summary.files[0],
    mode: bundledWorkerPath() ? 'worker' : 'in-process',
    wallMs: Math.round(wallMs),
    userMs: Math.round(used.user / 1000),
    systemMs: Math.round(used.system / 1000),
    maxRssKb: process.resourceUsage().maxRSS,
    vmHwmKb: vmHwmKb(),
    eventLoop: {
      maxMs: Math.round(loop.max / 1e5) / 10,
      p99Ms: Math.round(loop.percentile(99) / 1e5) / 10,
      meanMs: Math.round(loop.mean / 1e5) / 10,
    },
    lingering,
  }
  const code = summary.files[0]?.failure ? 1 : 0
  // Exit even when something lingers (an import worker nobody terminated): the figures are taken.
  process.stdout.write(RESULT_PREFIX + JSON.stringify(report) + '\n', () => process.exit(code))
  return new Promise(() => undefined)
}
