// The targets of issue 6, evaluated on a run's figures: one row each, pass / fail / not measured.
import type { BenchFormat } from './generate/log-format'
import type { QueryKind } from './query-bench'
import type { RunResult } from './results'

export interface TargetRow {
  target: string
  goal: string
  measured: string
  /** null: not measured in this run (or its history) */
  pass: boolean | null
  /** when the figures were measured (the oldest involved) */
  measuredAt: string | null
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const x = (ratio: number) => `${ratio.toFixed(2)}×`
const oldest = (...dates: Array<string | undefined>) => dates.filter((d): d is string => !!d).sort()[0] ?? null

function missing(target: string, goal: string, why = 'not measured'): TargetRow {
  return { target, goal, measured: why, pass: null, measuredAt: null }
}

function peerRatio(run: RunResult, format: BenchFormat, peer: 'lnav' | 'sqlite3', target: string, goal: string, limit: number): TargetRow {
  const ours = run.imports[format]
  const theirs = run.peers[peer]
  if (!ours || !theirs || ours.failure) return missing(target, goal)
  const wall = ours.wallMs / theirs.wallMs
  const cpu = ours.cpuMs / theirs.cpuMs
  return {
    target,
    goal,
    measured: `${x(wall)} (ours ${s(ours.wallMs)} vs ${peer} ${s(theirs.wallMs)}; CPU time ${x(cpu)})`,
    pass: wall <= limit,
    measuredAt: oldest(ours.measuredAt, theirs.measuredAt),
  }
}

function throughput(run: RunResult, format: BenchFormat, target: string, minMbps: number): TargetRow {
  const goal = `≥ ${minMbps} MB/s`
  const ours = run.imports[format]
  if (!ours || ours.failure) return missing(target, goal)
  return {
    target,
    goal,
    measured: `${ours.mbPerSecond} MB/s (${ours.mbPerCpuSecond} MB per CPU-second)`,
    pass: ours.mbPerSecond >= minMbps,
    measuredAt: ours.measuredAt,
  }
}

function peakRss(run: RunResult): TargetRow {
  const goal = '≤ 300 MB'
  const all = Object.values(run.imports).filter((f) => !f.failure)
  if (all.length === 0) return missing('peak RSS importing a 1 GB file', goal)
  const big = all.filter((f) => f.bytes >= 1e9)
  const pool = big.length > 0 ? big : all
  const worst = pool.reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a))
  const note = big.length > 0 ? '' : ' (no file ≥ 1 GB at this size: largest file)'
  return {
    target: 'peak RSS importing a 1 GB file',
    goal,
    measured: `${worst.peakRssMb} MB (${worst.format}, ${(worst.bytes / 1e9).toFixed(2)} GB)${note}`,
    pass: worst.peakRssMb <= 300,
    measuredAt: oldest(...pool.map((f) => f.measuredAt)),
  }
}

function queryP95(run: RunResult, kind: QueryKind, target: string, limitMs: number): TargetRow {
  const goal = `p95 ≤ ${limitMs} ms`
  if (!run.query) return missing(target, goal)
  const wall = run.query.wall[kind]
  const cpu = run.query.cpu[kind]
  return {
    target,
    goal,
    measured: `p95 ${wall.p95} ms, p50 ${wall.p50} ms (CPU p95 ${cpu.p95} ms)`,
    pass: wall.p95 <= limitMs,
    measuredAt: run.query.measuredAt,
  }
}

function browserRows(run: RunResult): TargetRow[] {
  const repaint = 'repaint after a filter change'
  const open = 'first rows of an opened store'
  const b = run.browser
  if (!b || b.skipped) {
    const why = b?.skipped ? `skipped: ${b.skipped}` : 'not measured'
    return [missing(repaint, 'p95 ≤ 200 ms', why), missing(open, '≤ 1 s', why)]
  }
  return [
    b.change
      ? { target: repaint, goal: 'p95 ≤ 200 ms', measured: `p95 ${b.change.p95} ms, p50 ${b.change.p50} ms (${b.change.n} changes)`, pass: b.change.p95 <= 200, measuredAt: b.measuredAt }
      : missing(repaint, 'p95 ≤ 200 ms', 'no change could be measured'),
    b.open
      ? { target: open, goal: '≤ 1 s', measured: `worst ${s(b.open.max)}, p50 ${s(b.open.p50)} (${b.open.n} opens)`, pass: b.open.max <= 1000, measuredAt: b.measuredAt }
      : missing(open, '≤ 1 s'),
  ]
}

function storeSize(run: RunResult, format: BenchFormat): TargetRow {
  const target = `store size, ${format} (bodies)`
  const size = run.sizes[format]
  if (!size) return missing(target, '≤ 1.5 × raw file')
  return {
    target,
    goal: '≤ 1.5 × raw file',
    measured: `${x(size.ratioToRaw)} (${size.bytesPerEntry} B per entry)`,
    pass: size.ratioToRaw <= 1.5,
    measuredAt: size.measuredAt,
  }
}

function importResponsiveness(run: RunResult): TargetRow[] {
  const all = Object.values(run.imports).filter((f) => !f.failure)
  const loopTarget = 'UI event loop never blocked by an import'
  const rowsTarget = 'first imported rows browsable'
  if (all.length === 0) return [missing(loopTarget, 'max delay < 100 ms'), missing(rowsTarget, '≤ 1 s after starting')]
  const worstLoop = all.reduce((a, b) => (b.eventLoop.maxMs > a.eventLoop.maxMs ? b : a))
  const withRows = all.filter((f) => f.firstRowsMs !== null)
  const worstRows = withRows.length > 0 ? withRows.reduce((a, b) => (b.firstRowsMs! > a.firstRowsMs! ? b : a)) : null
  const when = oldest(...all.map((f) => f.measuredAt))
  return [
    { target: loopTarget, goal: 'max delay < 100 ms', measured: `worst ${worstLoop.eventLoop.maxMs} ms (${worstLoop.format}, import ${worstLoop.mode})`, pass: worstLoop.eventLoop.maxMs < 100, measuredAt: when },
    worstRows
      ? { target: rowsTarget, goal: '≤ 1 s after starting', measured: `worst ${s(worstRows.firstRowsMs!)} (${worstRows.format})`, pass: worstRows.firstRowsMs! <= 1000, measuredAt: when }
      : missing(rowsTarget, '≤ 1 s after starting', 'no rows seen during the import'),
  ]
}

/** At 10M: each query's p95 against the stored 1M figure. */
function scaling(run: RunResult, base: RunResult | undefined): TargetRow[] {
  if (run.entries < 10_000_000) return []
  const kinds: QueryKind[] = ['firstPage', 'countPlusFacets', 'histogram', 'search']
  return kinds.map((kind) => {
    const target = `10M: ${kind} p95 vs 1M`
    if (!run.query || !base?.query) return missing(target, '≤ 5 × the 1M p95', 'needs a 1M and a 10M query run')
    const ratio = run.query.wall[kind].p95 / base.query.wall[kind].p95
    return { target, goal: '≤ 5 × the 1M p95', measured: `${x(ratio)} (${run.query.wall[kind].p95} vs ${base.query.wall[kind].p95} ms)`, pass: ratio <= 5, measuredAt: run.query.measuredAt }
  })
}

export function evaluateTargets(run: RunResult, base1M?: RunResult): TargetRow[] {
  return [
    peerRatio(run, 'access', 'lnav', 'access-log import vs lnav load', '≤ 1.0 × lnav (aim 0.6 ×)', 1),
    peerRatio(run, 'csv', 'sqlite3', 'CSV import vs sqlite3 .import', '≤ 1.5 × sqlite3', 1.5),
    throughput(run, 'ndjson', 'NDJSON (bodies) import throughput', 60),
    throughput(run, 'har', 'HAR import throughput', 40),
    peakRss(run),
    queryP95(run, 'firstPage', 'first page (100 rows)', 30),
    queryP95(run, 'countPlusFacets', 'count + four facets', 250),
    queryP95(run, 'histogram', 'histogram', 100),
    queryP95(run, 'search', 'full-text search', 200),
    ...browserRows(run),
    storeSize(run, 'ndjson'),
    storeSize(run, 'har'),
    ...importResponsiveness(run),
    ...scaling(run, base1M),
  ]
}
