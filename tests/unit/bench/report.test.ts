// Targets, the Markdown history and the stored figures: what a run turns into.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBenchArgs, parseCount } from '../../../src/main/bench/args'
import { addRunToMarkdown, RUNS_MARKER } from '../../../src/main/bench/bench-docs'
import type { ImportFigures } from '../../../src/main/bench/import-bench'
import type { QueryFigures } from '../../../src/main/bench/query-bench'
import { renderRun } from '../../../src/main/bench/report-md'
import { mergeRun, type RunResult } from '../../../src/main/bench/results'
import { percentile, summarize } from '../../../src/main/bench/stats'
import { evaluateTargets } from '../../../src/main/bench/targets'
import { tempDir } from '../helpers/store'

const DATE = '2026-11-21T10:00:00.000Z'
const summary = (p50: number, p95: number) => ({ n: 50, p50, p95, max: p95, mean: p50 })

function importOf(format: string, patch: Partial<ImportFigures> = {}): ImportFigures {
  return {
    format, importer: format, entries: 1_000_000, skipped: 0, errors: 0, failure: null, bytes: 2e9, mode: 'worker',
    wallMs: 20_000, cpuMs: 30_000, entriesPerSecond: 50_000, mbPerSecond: 100, mbPerCpuSecond: 66.7, peakRssMb: 250,
    firstRowsMs: 400, uiQueriesDuringImport: summary(2, 5), eventLoop: { maxMs: 20, p99Ms: 12, meanMs: 10 }, lingering: [],
    measuredAt: DATE, ...patch,
  }
}

function queryOf(p95: number): QueryFigures {
  const all = { firstPage: summary(5, p95), count: summary(5, p95), facets: summary(5, p95), countPlusFacets: summary(5, p95), histogram: summary(5, p95), search: summary(5, p95) }
  return { store: 'ndjson', entries: 1_000_000, combos: 50, wall: all, cpu: all, emptyResults: 3, filters: [], searchTerms: [], measuredAt: DATE }
}

function runOf(patch: Partial<RunResult> = {}): RunResult {
  return {
    date: DATE, entries: 1_000_000, seed: 1, formats: ['access', 'ndjson', 'har', 'csv'],
    only: ['import', 'query', 'browser', 'peers', 'size'],
    machine: { cpu: 'Test CPU', cores: 2, ramGb: 24, loadAtStart: [1, 1, 1], node: 'v20', sqlite: '3.53.2', betterSqlite3: '12', sqliteShell: '3.40.1', lnav: '0.11.1', chromium: null },
    durationS: 600, generated: {}, imports: {}, sizes: {}, query: null, browser: null, peers: {}, profiles: {}, notes: [],
    ...patch,
  }
}

const peer = (tool: string, wallMs: number, cpuMs: number) => ({ tool, command: tool, wallMs, cpuMs, peakRssMb: 30, count: 1_000_000, countOk: true, measuredAt: DATE })

describe('evaluateTargets', () => {
  it('compares against the peers by wall time and reports CPU time beside it', () => {
    const run = runOf({
      imports: { access: importOf('access', { wallMs: 6000, cpuMs: 9000 }), csv: importOf('csv', { wallMs: 9000 }) },
      peers: { lnav: peer('lnav', 10_000, 9000), sqlite3: peer('sqlite3', 5000, 4000) },
    })
    const rows = evaluateTargets(run)
    const lnav = rows.find((r) => r.target.startsWith('access-log'))!
    expect(lnav.pass).toBe(true)
    expect(lnav.measured).toBe('0.60× (ours 6.0 s vs lnav 10.0 s; CPU time 1.00×)')
    const sqlite = rows.find((r) => r.target.startsWith('CSV'))!
    expect(sqlite.pass).toBe(false) // 1.8 × > 1.5 ×
  })

  it('marks what was not measured instead of passing or failing it', () => {
    const rows = evaluateTargets(runOf())
    expect(rows.every((r) => r.pass === null)).toBe(true)
    expect(rows.find((r) => r.target === 'histogram')!.measured).toBe('not measured')
  })

  it('applies the query limits to p95', () => {
    const rows = evaluateTargets(runOf({ query: queryOf(120) }))
    const verdict = (target: string) => rows.find((r) => r.target === target)!.pass
    expect(verdict('first page (100 rows)')).toBe(false)
    expect(verdict('count + four facets')).toBe(true)
    expect(verdict('histogram')).toBe(false)
    expect(verdict('full-text search')).toBe(true)
  })

  it('judges peak memory on files of 1 GB or more, and import responsiveness on the worst format', () => {
    const rows = evaluateTargets(runOf({
      imports: {
        access: importOf('access', { bytes: 2e8, peakRssMb: 900, eventLoop: { maxMs: 250, p99Ms: 1, meanMs: 1 } }),
        ndjson: importOf('ndjson', { peakRssMb: 280, firstRowsMs: 1500 }),
      },
    }))
    expect(rows.find((r) => r.target.startsWith('peak RSS'))!.pass).toBe(true)
    expect(rows.find((r) => r.target.startsWith('UI event loop'))!.measured).toContain('250 ms (access')
    expect(rows.find((r) => r.target.startsWith('first imported rows'))!.pass).toBe(false)
  })

  it('at 10M compares each query p95 with the 1M run', () => {
    const rows = evaluateTargets(runOf({ entries: 10_000_000, query: queryOf(140) }), runOf({ query: queryOf(25) }))
    const scaling = rows.filter((r) => r.target.startsWith('10M'))
    expect(scaling).toHaveLength(4)
    expect(scaling.every((r) => r.pass === false && r.measured.startsWith('5.60×'))).toBe(true)
  })
})

describe('history', () => {
  it('a partial run replaces only what it measured', () => {
    const earlier = runOf({ date: '2026-11-01T00:00:00.000Z', imports: { har: importOf('har', { measuredAt: '2026-11-01T00:00:00.000Z' }) }, query: queryOf(10) })
    const merged = mergeRun(earlier, runOf({ imports: { ndjson: importOf('ndjson') } }))
    expect(Object.keys(merged.imports).sort()).toEqual(['har', 'ndjson'])
    expect(merged.query).toBe(earlier.query)
    expect(merged.date).toBe(DATE)
    // carried-over figures are marked with their date
    expect(renderRun(merged, evaluateTargets(merged))).toContain('†2026-11-01')
  })

  it('adds each run above the earlier ones and keeps them', () => {
    const path = join(tempDir(), 'benchmarks.md')
    addRunToMarkdown(path, '## first run\n\nfigures 1\n')
    addRunToMarkdown(path, '## second run\n\nfigures 2\n')
    const text = readFileSync(path, 'utf8')
    expect(text.startsWith('# Benchmarks')).toBe(true)
    expect(text.indexOf(RUNS_MARKER)).toBeLessThan(text.indexOf('## second run'))
    expect(text.indexOf('## second run')).toBeLessThan(text.indexOf('## first run'))
    expect(text).toContain('figures 1')
  })

  it('keeps hand-written text above the marker', () => {
    const path = join(tempDir(), 'benchmarks.md')
    writeFileSync(path, `# Benchmarks\n\nNotes by hand.\n\n${RUNS_MARKER}\n\n## old run\n`)
    addRunToMarkdown(path, '## new run\n')
    expect(readFileSync(path, 'utf8')).toBe(`# Benchmarks\n\nNotes by hand.\n\n${RUNS_MARKER}\n\n## new run\n\n## old run\n`)
  })

  it('renders a targets table with a verdict per row', () => {
    const text = renderRun(runOf({ query: queryOf(20) }), evaluateTargets(runOf({ query: queryOf(20) })))
    expect(text).toContain('## 2026-11-21 10:00 UTC · 1,000,000 entries · access, ndjson, har, csv · all measurements')
    expect(text).toContain('| first page (100 rows) | p95 ≤ 30 ms | p95 20 ms, p50 5 ms (CPU p95 20 ms) | pass |')
    expect(text).toContain('| NDJSON (bodies) import throughput | ≥ 60 MB/s | not measured | — |')
  })
})

describe('arguments and statistics', () => {
  it('reads counts with suffixes and rejects nonsense', () => {
    expect(parseCount('250k', '--entries')).toBe(250_000)
    expect(parseCount('1_000_000', '--entries')).toBe(1_000_000)
    expect(parseCount('10M', '--entries')).toBe(10_000_000)
    expect(() => parseCount('-5', '--entries')).toThrow('--entries')
    expect(() => parseCount('1.5', '--entries')).toThrow()
  })

  it('defaults to 1M entries, every format and measurement, printing only', () => {
    const args = parseBenchArgs([], '/repo')
    expect(args.entries).toBe(1_000_000)
    expect(args.formats).toEqual(['access', 'ndjson', 'har', 'csv'])
    expect(args.only).toEqual(['import', 'query', 'browser', 'peers', 'size'])
    expect(args.write).toBe(false)
    expect(args.dir).toBe('/repo/.bench')
    expect(parseBenchArgs(['--10m', '--formats', 'csv,access', '--only', 'query'], '/repo')).toMatchObject({
      entries: 10_000_000, formats: ['access', 'csv'], only: ['query'],
    })
    expect(() => parseBenchArgs(['--formats', 'xml'])).toThrow('"xml" is not one of')
    expect(() => parseBenchArgs(['--10m', '--entries', '5'])).toThrow()
  })

  it('uses nearest-rank percentiles', () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1)
    expect(percentile(samples, 50)).toBe(10)
    expect(percentile(samples, 95)).toBe(19)
    expect(summarize([3, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3, max: 3, mean: 2 })
  })
})
