// One run's figures, and the stored history (docs/benchmarks.json): the latest figures per log size.
// A partial run (--only, --formats) replaces only what it measured.
import { existsSync, readFileSync } from 'node:fs'
import type { BenchFormat } from './generate/log-format'
import type { Measurement } from './args'
import type { BrowserFigures } from './browser-bench'
import type { ImportFigures } from './import-bench'
import type { MachineInfo } from './machine'
import type { PeerFigures } from './peers'
import type { ProfileTop } from './profile-summary'
import type { QueryFigures } from './query-bench'
import type { SizeFigures } from './size-bench'
import type { TargetRow } from './targets'

export interface GeneratedFigures {
  bytes: number
  generateMs: number
  reused: boolean
}

export interface RunResult {
  /** ISO time the run started */
  date: string
  entries: number
  seed: number
  formats: BenchFormat[]
  only: Measurement[]
  machine: MachineInfo
  durationS: number
  generated: Partial<Record<BenchFormat, GeneratedFigures>>
  imports: Partial<Record<BenchFormat, ImportFigures>>
  sizes: Partial<Record<BenchFormat, SizeFigures>>
  query: QueryFigures | null
  browser: BrowserFigures | null
  peers: { lnav?: PeerFigures; sqlite3?: PeerFigures }
  profiles: Partial<Record<BenchFormat, ProfileTop>>
  notes: string[]
  /** stored with the run in docs/benchmarks.json */
  targets?: TargetRow[]
}

export interface History {
  /** latest figures per entry count ("1000000", "10000000") */
  runs: Record<string, RunResult>
}

export function readHistory(path: string): History {
  if (!existsSync(path)) return { runs: {} }
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<History>
    return { runs: parsed.runs ?? {} }
  } catch {
    return { runs: {} }
  }
}

/** This run's figures over the stored ones for the same size: what it measured wins. */
export function mergeRun(previous: RunResult | undefined, run: RunResult): RunResult {
  if (!previous) return run
  return {
    ...run,
    generated: { ...previous.generated, ...run.generated },
    imports: { ...previous.imports, ...run.imports },
    sizes: { ...previous.sizes, ...run.sizes },
    query: run.query ?? previous.query,
    // a skipped browser measurement does not hide real figures from an earlier run
    browser: run.browser && !run.browser.skipped ? run.browser : (previous.browser ?? run.browser),
    peers: { ...previous.peers, ...run.peers },
  }
}
