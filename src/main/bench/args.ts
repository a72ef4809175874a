// Command-line flags of `npm run bench`.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { BENCH_FORMATS, isBenchFormat, type BenchFormat } from './generate/log-format'

export const MEASUREMENTS = ['import', 'query', 'browser', 'peers', 'size'] as const
export type Measurement = (typeof MEASUREMENTS)[number]

export interface BenchArgs {
  entries: number
  formats: BenchFormat[]
  only: Measurement[]
  keep: boolean
  write: boolean
  seed: number
  profile: boolean
  /** working directory for generated logs and stores */
  dir: string
  /** filter combinations for the query latencies */
  combos: number
  /** filter changes in the browser */
  changes: number
  help: boolean
}

export class ArgsError extends Error {}

export const USAGE = `usage: npm run bench -- [options]
  --entries N        entries per generated log (default 1000000; accepts 250k, 1m, 10m)
  --10m              10,000,000 entries
  --formats LIST     access,ndjson,har,csv (default all)
  --only LIST        import,query,browser,peers,size (default all)
  --keep             reuse generated logs and stores in .bench/ and keep them afterwards
  --write            add the run to docs/benchmarks.md and docs/benchmarks.json (default: print only)
  --seed N           generator seed (default 1)
  --profile          write a CPU profile of each import to .bench/profiles and print its top functions
  --combos N         filter combinations for query latencies (default 50)
  --changes N        filter changes in the browser (default 20)
  --dir PATH         working directory (default .bench)
  --no-build         (npm run bench) use the existing build even when sources are newer`

/** "1000000", "1_000_000", "250k", "1m", "10M". */
export function parseCount(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.replace(/[_,]/g, ''))
  const n = m ? Number(m[1]) * ({ '': 1, k: 1e3, m: 1e6 } as Record<string, number>)[m[2].toLowerCase()] : NaN
  if (!Number.isInteger(n) || n < 1) throw new ArgsError(`${flag}: "${text}" is not a positive whole number`)
  return n
}

function parseList<T extends string>(text: string | undefined, all: readonly T[], flag: string): T[] {
  if (text === undefined) return [...all]
  const items = text.split(',').map((s) => s.trim()).filter(Boolean)
  for (const item of items) {
    if (!(all as readonly string[]).includes(item)) throw new ArgsError(`${flag}: "${item}" is not one of ${all.join(', ')}`)
  }
  if (items.length === 0) throw new ArgsError(`${flag}: empty list`)
  return all.filter((a) => items.includes(a))
}

export function parseBenchArgs(argv: string[], cwd = process.cwd()): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      entries: { type: 'string' },
      '10m': { type: 'boolean' },
      formats: { type: 'string' },
      only: { type: 'string' },
      keep: { type: 'boolean' },
      write: { type: 'boolean' },
      seed: { type: 'string' },
      profile: { type: 'boolean' },
      combos: { type: 'string' },
      changes: { type: 'string' },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values['10m'] && values.entries) throw new ArgsError('--10m and --entries: give one of them')
  const formats = parseList(values.formats, BENCH_FORMATS, '--formats')
  if (!formats.every(isBenchFormat)) throw new ArgsError('--formats: unknown format')
  return {
    entries: values['10m'] ? 10_000_000 : values.entries ? parseCount(values.entries, '--entries') : 1_000_000,
    formats,
    only: parseList(values.only, MEASUREMENTS, '--only'),
    keep: values.keep ?? false,
    write: values.write ?? false,
    seed: values.seed ? parseCount(values.seed, '--seed') : 1,
    profile: values.profile ?? false,
    dir: resolve(cwd, values.dir ?? '.bench'),
    combos: values.combos ? parseCount(values.combos, '--combos') : 50,
    changes: values.changes ? parseCount(values.changes, '--changes') : 20,
    help: values.help ?? false,
  }
}
