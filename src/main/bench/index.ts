// Benchmark runner (npm run bench): see USAGE in args.ts and docs/benchmarks.md.
//   node out/main/bench.js [options]                       the benchmark
//   node out/main/bench.js generate FORMAT N FILE [SEED]   one synthetic log
//   node out/main/bench.js import-one --db S --file F      (internal) one measured import
//   node out/main/bench.js serve-one --db S                (internal) browser-mode host
import { ArgsError, parseBenchArgs, parseCount, USAGE } from './args'
import { isBenchFormat } from './generate/log-format'
import { writeLog } from './generate/write-log'
import { runImportOne } from './import-one'
import { appDir, repoRoot } from './project-root'
import { runBench } from './run-bench'
import { runServeOne } from './serve-one'

async function generateOne(args: string[]): Promise<number> {
  const [format, count, path, seed] = args
  if (!format || !isBenchFormat(format) || !count || !path) throw new ArgsError('usage: generate access|ndjson|har|csv N FILE [SEED]')
  const entries = parseCount(count, 'N')
  const log = await writeLog(path, { format, entries, seed: seed ? parseCount(seed, 'SEED') : 1 })
  process.stdout.write(`${path}: ${entries} entries, ${log.bytes} bytes in ${log.generateMs} ms\n`)
  return 0
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'import-one') return runImportOne(argv.slice(1))
  if (argv[0] === 'serve-one') return runServeOne(argv.slice(1))
  if (argv[0] === 'generate') return generateOne(argv.slice(1))
  const args = parseBenchArgs(argv, repoRoot())
  if (args.help) {
    process.stdout.write(USAGE + '\n')
    return 0
  }
  return runBench(args, repoRoot(), appDir(), __filename)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof ArgsError) process.stderr.write(`bench: ${error.message}\n${USAGE}\n`)
    else process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 1
  },
)
