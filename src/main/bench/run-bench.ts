// The benchmark run: per format generate → import → peers → size, then queries and browser mode on
// one store (NDJSON: it has every filter field and bodies), then the report.
import { statfsSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchArgs } from './args'
import { addRunToMarkdown, writeHistoryJson } from './bench-docs'
import {
  dropStore, ensureLog, findReusableStore, markStoreComplete, prepareDirs, removeLog, storePath, type BenchDirs,
} from './bench-files'
import { measureBrowser } from './browser-bench'
import type { BenchFormat } from './generate/log-format'
import type { GeneratedLog } from './generate/write-log'
import { measureImport } from './import-bench'
import { describeMachine } from './machine'
import { measureLnav, measureSqliteImport } from './peers'
import { summarizeProfiles } from './profile-summary'
import { elapsedSeconds, fmtInt, log } from './progress'
import { measureQueries } from './query-bench'
import { renderRun } from './report-md'
import { mergeRun, readHistory, type RunResult } from './results'
import { measureSize } from './size-bench'
import { evaluateTargets } from './targets'

export interface BenchContext {
  args: BenchArgs
  /** the repository: docs/ and node_modules */
  root: string
  /** the measured build: out/ and bin/ */
  app: string
  /** this bundle, run again as `import-one` for each measured import */
  benchScript: string
  dirs: BenchDirs
  /** the format whose store the query and browser measurements use */
  queryFormat: BenchFormat
}

function wants(ctx: BenchContext, format: BenchFormat) {
  const only = new Set(ctx.args.only)
  return {
    import: only.has('import'),
    size: only.has('size'),
    peer: only.has('peers') && (format === 'access' || format === 'csv'),
    feedsQueries: format === ctx.queryFormat && (only.has('query') || only.has('browser')),
  }
}

async function importFormat(ctx: BenchContext, run: RunResult, generated: GeneratedLog, record: boolean): Promise<boolean> {
  const format = generated.format
  const store = storePath(ctx.dirs, ctx.args, format)
  const profileDir = ctx.args.profile && record ? join(ctx.dirs.profiles, `${format}-${Date.now()}`) : undefined
  log(`${format}: importing ${(generated.bytes / 1e6).toFixed(0)} MB${record ? '' : ' (to build the store; not measured)'}`)
  const onProgress = (stored: number) =>
    log(`${format}: ${fmtInt(stored)} entries stored (${Math.round((stored / ctx.args.entries) * 100)}%)`)
  const figures = await measureImport(generated, { benchScript: ctx.benchScript, storePath: store, profileDir, onProgress })
  log(`${format}: ${figures.failure ?? `${fmtInt(figures.entries)} entries in ${(figures.wallMs / 1000).toFixed(1)} s wall, ` +
    `${(figures.cpuMs / 1000).toFixed(1)} s CPU, ${figures.mbPerSecond} MB/s, peak RSS ${figures.peakRssMb} MB, ` +
    `first rows ${figures.firstRowsMs} ms, event loop max ${figures.eventLoop.maxMs} ms (${figures.mode})`}`)
  if (record) run.imports[format] = figures
  if (figures.lingering.length > 0) {
    run.notes.push(`${format}: after the import finished and the backend was closed, the importing process still ` +
      `held ${figures.lingering.join(', ')} (it would not exit by itself)`)
  }
  if (figures.failure || figures.entries !== ctx.args.entries) {
    run.notes.push(`${format}: imported ${figures.entries} of ${ctx.args.entries} entries${figures.failure ? ` (${figures.failure})` : ''}`)
    return false
  }
  markStoreComplete(store, generated)
  if (profileDir) {
    const top = summarizeProfiles(profileDir)
    run.profiles[format] = top
    log(`${format}: profile in ${profileDir}; top self time:\n` + top.top.map((t) => `    ${String(t.share).padStart(5)}%  ${t.fn} ${t.where}`).join('\n'))
  }
  return true
}

async function measurePeer(ctx: BenchContext, run: RunResult, generated: GeneratedLog): Promise<void> {
  const format = generated.format
  log(`${format}: ${format === 'access' ? 'lnav loading and counting' : 'sqlite3 .import of'} the same file`)
  const figures = format === 'access'
    ? await measureLnav(generated.path, ctx.args.entries, ctx.dirs.work)
    : await measureSqliteImport(generated.path, ctx.args.entries, ctx.dirs.work)
  run.peers[figures.tool as 'lnav' | 'sqlite3'] = figures
  log(`${format}: ${figures.tool} ${(figures.wallMs / 1000).toFixed(1)} s wall, ${(figures.cpuMs / 1000).toFixed(1)} s CPU, count ${figures.count}`)
  if (!figures.countOk) run.notes.push(`${figures.tool} counted ${figures.count}, expected ${ctx.args.entries}`)
}

async function benchFormat(ctx: BenchContext, run: RunResult, format: BenchFormat): Promise<void> {
  const want = wants(ctx, format)
  const store = storePath(ctx.dirs, ctx.args, format)
  const kept = findReusableStore(store, ctx.args, format)
  const doImport = want.import || ((want.size || want.feedsQueries) && !kept)
  if (!doImport && !want.peer && !want.size && !want.feedsQueries) return
  let imported = kept !== null
  let rawBytes = kept?.rawBytes ?? 0
  if (doImport || want.peer) {
    const generated = await ensureLog(ctx.dirs, ctx.args, format)
    run.generated[format] = { bytes: generated.bytes, generateMs: generated.generateMs, reused: generated.reused }
    rawBytes = generated.bytes
    if (doImport) imported = await importFormat(ctx, run, generated, want.import)
    if (want.peer) await measurePeer(ctx, run, generated)
    if (!ctx.args.keep) removeLog(generated.path)
  }
  if (want.size && imported) {
    log(`${format}: measuring the store size`)
    run.sizes[format] = measureSize(store, format, ctx.args.entries, rawBytes)
  }
  if (!ctx.args.keep && !want.feedsQueries) dropStore(store)
}

async function benchQueryStore(ctx: BenchContext, run: RunResult): Promise<void> {
  const only = new Set(ctx.args.only)
  if (!only.has('query') && !only.has('browser')) return
  const store = storePath(ctx.dirs, ctx.args, ctx.queryFormat)
  if (!findReusableStore(store, { ...ctx.args, keep: true }, ctx.queryFormat)) {
    run.notes.push(`no complete ${ctx.queryFormat} store: query and browser measurements skipped`)
    return
  }
  if (only.has('query')) {
    log(`query: ${ctx.args.combos} filter combinations on the ${ctx.queryFormat} store`)
    run.query = await measureQueries(store, ctx.queryFormat, ctx.args.combos, ctx.args.seed)
  }
  if (only.has('browser')) {
    log('browser: apilog serve + Chromium')
    try {
      run.browser = await measureBrowser({
        app: ctx.app, repo: ctx.root, benchScript: ctx.benchScript, storePath: store, store: ctx.queryFormat, changes: ctx.args.changes, seed: ctx.args.seed,
      })
    } catch (error) {
      run.notes.push(`browser measurement failed: ${(error as Error).message.split('\n')[0]}`)
    }
    if (run.browser?.skipped) log(`browser: skipped: ${run.browser.skipped}`)
  }
  if (!ctx.args.keep) dropStore(store)
}

function report(ctx: BenchContext, run: RunResult): void {
  const historyPath = join(ctx.root, 'docs', 'benchmarks.json')
  const history = readHistory(historyPath)
  const key = String(run.entries)
  const merged = mergeRun(history.runs[key], run)
  const targets = evaluateTargets(merged, history.runs['1000000'])
  const section = renderRun(merged, targets)
  process.stdout.write('\n' + section)
  if (!ctx.args.write) {
    log('not recorded (add --write to update docs/benchmarks.md and docs/benchmarks.json)')
    return
  }
  history.runs[key] = { ...merged, targets }
  writeHistoryJson(historyPath, history)
  addRunToMarkdown(join(ctx.root, 'docs', 'benchmarks.md'), section)
  log('recorded in docs/benchmarks.md and docs/benchmarks.json')
}

/** Rough bytes per entry of each log and of its store (measured at 1M; stores hold bodies twice). */
const LOG_BYTES: Record<BenchFormat, number> = { access: 130, ndjson: 2100, har: 2200, csv: 170 }
const STORE_BYTES: Record<BenchFormat, number> = { access: 600, ndjson: 5200, har: 5200, csv: 650 }

/**
 * Warns when the disk looks too small. Without --keep one log + store pair exists at a time (the query
 * store is built last); with --keep everything stays.
 */
function warnAboutDiskSpace(ctx: BenchContext): void {
  const n = ctx.args.entries
  const pair = (f: BenchFormat) => (LOG_BYTES[f] + STORE_BYTES[f]) * n
  const pairs = ctx.args.formats.map(pair)
  const peak = ctx.args.keep ? pairs.reduce((a, b) => a + b, 0) : Math.max(...pairs)
  const stats = statfsSync(ctx.args.dir)
  const free = stats.bavail * stats.bsize
  if (free < peak) {
    log(`warning: about ${(peak / 1e9).toFixed(0)} GB of disk may be needed and ${(free / 1e9).toFixed(0)} GB are free in ${ctx.args.dir}`)
  }
}

export async function runBench(args: BenchArgs, root: string, app: string, benchScript: string): Promise<number> {
  const machine = describeMachine()
  log(`${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GiB, load ${machine.loadAtStart.join(' ')}; ` +
    `${fmtInt(args.entries)} entries; formats ${args.formats.join(',')}; measuring ${args.only.join(',')}`)
  const ctx: BenchContext = {
    args, root, app, benchScript, dirs: prepareDirs(args.dir),
    queryFormat: args.formats.includes('ndjson') ? 'ndjson' : args.formats[0],
  }
  const run: RunResult = {
    date: new Date().toISOString(), entries: args.entries, seed: args.seed, formats: args.formats, only: args.only,
    machine, durationS: 0, generated: {}, imports: {}, sizes: {}, query: null, browser: null, peers: {}, profiles: {}, notes: [],
  }
  warnAboutDiskSpace(ctx)
  // the query store stays until the end: build it last so fewer files coexist on disk
  const order = [...args.formats.filter((f) => f !== ctx.queryFormat), ...args.formats.filter((f) => f === ctx.queryFormat)]
  for (const format of order) await benchFormat(ctx, run, format)
  await benchQueryStore(ctx, run)
  run.durationS = elapsedSeconds()
  report(ctx, run)
  const broken =
    Object.values(run.imports).some((f) => f.failure || f.entries !== args.entries) ||
    Object.values(run.peers).some((p) => !p.countOk)
  return broken ? 1 : 0
}
