// docs/benchmarks.md keeps a dated history, newest first; docs/benchmarks.json the latest raw
// figures per log size.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { History } from './results'

export const RUNS_MARKER = '<!-- bench:runs (npm run bench -- --write adds new runs below, newest first) -->'

const INTRO = `# Benchmarks

\`npm run bench\` generates deterministic synthetic logs (an Apache combined access log, NDJSON gateway records
with headers and JSON bodies, HAR 1.2 with bodies, a Workato-style API-log CSV; seeded, so the same seed gives
the same bytes) and measures, through the app's own code paths: import throughput, peak memory and
responsiveness per format; query latencies over seeded filter combinations; browser-mode repaint times with
Playwright; store size; and the peers \`lnav\` and \`sqlite3 .import\` on the same files in the same run.

    npm run bench                                  # 1M entries, everything (prints; add --write to record)
    npm run bench -- --keep --only import --formats ndjson   # one format's import, reusing .bench/ files
    npm run bench -- --keep --only query           # query latencies on the kept NDJSON store
    npm run bench -- --profile --only import --formats har   # plus a CPU profile in .bench/profiles
    npm run bench -- --10m --write                 # 10M entries (~75 GB of free disk; ~220 GB with --keep)

Wall-clock figures depend on the machine's load (the load average at the start is recorded with each run);
CPU times (user + system) are steadier on a shared machine. \`docs/benchmarks.json\` holds the latest raw
figures per log size, including the filter combinations and search terms used.

${RUNS_MARKER}
`

export function writeHistoryJson(path: string, history: History): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify(history, null, 2) + '\n')
}

/** Puts a run's section under the marker (creating the page when needed), above the earlier runs. */
export function addRunToMarkdown(path: string, section: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : INTRO
  const at = current.indexOf(RUNS_MARKER)
  let next: string
  if (at >= 0) {
    const end = at + RUNS_MARKER.length
    next = `${current.slice(0, end)}\n\n${section.trimEnd()}\n${current.slice(end).replace(/^\n*/, '\n')}`
  } else {
    next = `${current.trimEnd()}\n\n${RUNS_MARKER}\n\n${section.trimEnd()}\n`
  }
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, next.replace(/\n{3,}/g, '\n\n'))
}
