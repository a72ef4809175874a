// A run as a Markdown section for docs/benchmarks.md (and for the terminal).
import { FORMAT_INFO, type BenchFormat } from './generate/log-format'
import { QUERY_KINDS, QUERY_LABELS, type QueryFigures } from './query-bench'
import type { RunResult } from './results'
import type { TargetRow } from './targets'

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes >= 1e9 ? 0 : 1)} MB`

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** A dagger on figures carried over from an earlier run. */
function mark(run: RunResult, measuredAt: string | null | undefined): string {
  return measuredAt && measuredAt < run.date ? ` †${measuredAt.slice(0, 10)}` : ''
}

function heading(run: RunResult): string {
  const when = run.date.slice(0, 16).replace('T', ' ')
  const m = run.machine
  const only = run.only.length === 5 ? 'all measurements' : run.only.join(', ')
  return [
    `## ${when} UTC · ${int(run.entries)} entries · ${run.formats.join(', ')} · ${only}`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GiB RAM, load ${m.loadAtStart.join(' / ')} at start. ` +
      `Node ${m.node}, SQLite ${m.sqlite} (better-sqlite3 ${m.betterSqlite3}), sqlite3 shell ${m.sqliteShell ?? 'n/a'}, ` +
      `lnav ${m.lnav ?? 'n/a'}, ${m.chromium ?? 'no Chromium'}. Seed ${run.seed}; the run took ${Math.round(run.durationS / 60)} min.`,
  ].join('\n')
}

function targetsSection(run: RunResult, targets: TargetRow[]): string {
  const verdict = (t: TargetRow) => (t.pass === null ? '—' : t.pass ? 'pass' : '**FAIL**')
  return table(
    ['Target', 'Goal', 'Measured', 'Result'],
    targets.map((t) => [t.target, t.goal, t.measured + mark(run, t.measuredAt), verdict(t)]),
  )
}

function importSection(run: RunResult): string | null {
  const rows = (Object.keys(run.imports) as BenchFormat[]).map((format) => {
    const f = run.imports[format]!
    if (f.failure) return [format + mark(run, f.measuredAt), mb(f.bytes), `failed: ${f.failure}`, '', '', '', '', '', '', '', '', '', '']
    return [
      format + mark(run, f.measuredAt),
      mb(f.bytes),
      int(f.entries) + (f.errors ? ` (${int(f.errors)} errors)` : ''),
      sec(f.wallMs),
      sec(f.cpuMs),
      int(f.entriesPerSecond),
      String(f.mbPerSecond),
      String(f.mbPerCpuSecond),
      `${f.peakRssMb} MB`,
      f.firstRowsMs === null ? '—' : `${f.firstRowsMs} ms`,
      f.uiQueriesDuringImport.n > 0 ? `${f.uiQueriesDuringImport.p95} ms` : '—',
      `${f.eventLoop.maxMs} ms`,
      f.mode,
    ]
  })
  if (rows.length === 0) return null
  return [
    '### Import',
    '',
    'Each file is imported by the app\'s import service (`createBackend` → `startImport`) in a child process into a fresh ' +
      'store; wall time is from opening the store to the import\'s finished event. "First rows" is from spawning the ' +
      'import until this process, polling the store as the UI does, gets a first page and a count; "UI queries" is the ' +
      'p95 of that first page + count, sampled every second while the import ran; the event-loop delay is the importing process\'s main thread.',
    '',
    table(['Format', 'File', 'Entries', 'Wall', 'CPU', 'entries/s', 'MB/s', 'MB/CPU-s', 'Peak RSS', 'First rows', 'UI queries p95', 'Event loop max', 'Import runs'], rows),
  ].join('\n')
}

function indexNote(q: QueryFigures): string {
  const i = q.index
  if (!i) return ''
  return ` Queries run on the in-memory column index (SQL for the rest), ${i.state} after loading ${int(i.rows)} entries ` +
    `${i.worker ? 'in its worker' : 'in-process'} in ${int(i.loadWallMs)} ms (${int(i.loadCpuMs)} ms CPU); it holds ` +
    `${(i.bytes / 1e6).toFixed(1)} MB, ${i.bytesPerEntry} bytes per entry.`
}

function querySection(run: RunResult): string | null {
  const q = run.query
  if (!q) return null
  const rows = QUERY_KINDS.map((k) => [QUERY_LABELS[k], String(q.wall[k].p50), String(q.wall[k].p95), String(q.wall[k].max), String(q.cpu[k].p50), String(q.cpu[k].p95)])
  return [
    `### Query latency${mark(run, q.measuredAt)}`,
    '',
    `Milliseconds over ${q.combos} seeded filter combinations (time range, API user, agent user, function, result, status class) ` +
      `on the ${q.store} store (${int(q.entries)} entries) after one warm-up pass; ${q.emptyResults} combinations matched nothing. ` +
      'Search terms are words from random entries (error texts, URL paths, body values), combined with the same filters.' +
      indexNote(q),
    '',
    table(['Query', 'p50', 'p95', 'max', 'CPU p50', 'CPU p95'], rows),
  ].join('\n')
}

function browserSection(run: RunResult): string | null {
  const b = run.browser
  if (!b) return null
  if (b.skipped) return `### Browser\n\nSkipped: ${b.skipped}.`
  const failures = b.changes.filter((c) => c.ms === null)
  const lines = [
    `### Browser${mark(run, b.measuredAt)}`,
    '',
    `The ${b.store} store (${int(b.entries)} entries) in Chromium at 1366×768, served by ${b.host}. ` +
      `Opening the app, from navigation start to the first grid row painted: ${b.openMs.map((ms) => `${ms} ms`).join(', ')}. ` +
      'Filter changes (Result, API User, search with Enter, and clearing each) from the input event to the frame after ' +
      'both the entry count and the first grid row show the new result; this includes the renderer\'s 120 ms filter settle time. ' +
      'Each open and each change starts once the server has answered every call of the step before (timeline, facet counts).',
    '',
    table(['', 'n', 'p50', 'p95', 'max'], [
      ...(b.change ? [['count + grid repainted', String(b.change.n), `${b.change.p50} ms`, `${b.change.p95} ms`, `${b.change.max} ms`]] : []),
      ...(b.changeCountOnly ? [['count repainted', String(b.changeCountOnly.n), `${b.changeCountOnly.p50} ms`, `${b.changeCountOnly.p95} ms`, `${b.changeCountOnly.max} ms`]] : []),
    ]),
  ]
  if (failures.length > 0) lines.push('', `Not measured: ${failures.map((f) => `${f.action} (${f.error})`).join('; ')}.`)
  return lines.join('\n')
}

function sizeSection(run: RunResult): string | null {
  const rows = (Object.keys(run.sizes) as BenchFormat[]).map((format) => {
    const z = run.sizes[format]!
    const parts = z.breakdown.slice(0, 4).map((p) => `${p.name} ${mb(p.bytes)}`).join(', ')
    return [format + mark(run, z.measuredAt), mb(z.rawBytes), mb(z.dbBytes + z.walBytes), `${int(z.bytesPerEntry)} B`, `${z.ratioToRaw.toFixed(2)}×`, parts]
  })
  if (rows.length === 0) return null
  return ['### Store size', '', 'Database + WAL after a checkpoint.', '', table(['Format', 'Raw file', 'Store', 'Per entry', '× raw', 'Largest parts'], rows)].join('\n')
}

function peersSection(run: RunResult): string | null {
  const rows: string[][] = []
  const pairs: Array<[BenchFormat, 'lnav' | 'sqlite3']> = [['access', 'lnav'], ['csv', 'sqlite3']]
  for (const [format, tool] of pairs) {
    const p = run.peers[tool]
    if (!p) continue
    const ours = run.imports[format]
    const ratio = (a: number | undefined, b: number) => (a === undefined ? '—' : `${(a / b).toFixed(2)}×`)
    rows.push([
      tool + mark(run, p.measuredAt), `\`${p.command}\``, sec(p.wallMs), sec(p.cpuMs), `${p.peakRssMb} MB`,
      `${p.count === null ? '?' : int(p.count)}${p.countOk ? '' : ' (**wrong count**)'}`,
      ratio(ours?.wallMs, p.wallMs), ratio(ours?.cpuMs, p.cpuMs),
    ])
  }
  if (rows.length === 0) return null
  return ['### Peers', '', `Same files, same run. Ours/theirs compares our import of the ${FORMAT_INFO.access.label.toLowerCase()} and of the CSV.`, '',
    table(['Tool', 'Command', 'Wall', 'CPU', 'Peak RSS', 'Count', 'Ours/theirs wall', 'Ours/theirs CPU'], rows)].join('\n')
}

function profileSection(run: RunResult): string | null {
  const formats = Object.keys(run.profiles) as BenchFormat[]
  if (formats.length === 0) return null
  const parts = formats.map((format) => {
    const p = run.profiles[format]!
    const rows = p.top.slice(0, 10).map((t) => [t.fn, t.where, `${t.selfMs} ms`, `${t.share}%`])
    return `${format} (${sec(p.totalMs)} sampled):\n\n${table(['Function', 'Where', 'Self', 'Share'], rows)}`
  })
  return ['### Import profile (top self time)', '', ...parts].join('\n\n')
}

export function renderRun(run: RunResult, targets: TargetRow[]): string {
  const sections = [
    heading(run),
    run.notes.length > 0 ? run.notes.map((n) => `- ${n}`).join('\n') : null,
    '### Targets',
    targetsSection(run, targets),
    importSection(run),
    querySection(run),
    browserSection(run),
    sizeSection(run),
    peersSection(run),
    profileSection(run),
  ]
  const carried = targets.some((t) => t.measuredAt && t.measuredAt < run.date)
  if (carried) sections.push('† figures carried over from the earlier run on that date (this run did not measure them).')
  return sections.filter((s): s is string => s !== null).join('\n\n') + '\n'
}
