#!/usr/bin/env node
// `npm run bench -- [options]`: builds the app when the build is missing or older than the sources,
// copies the build to .bench/app (so that a rebuild of out/ by someone else during a long run cannot
// change the code being measured half-way), then runs the benchmark runner from that copy.
// `npm run bench -- --help` lists the options; docs/benchmarks.md explains the figures.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const out = join(root, 'out')
const bench = join(out, 'main', 'bench.js')
const renderer = join(out, 'renderer', 'index.html')
const snapshot = join(root, '.bench', 'app')

/** Newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

function isBuildStale() {
  if (!existsSync(bench) || !existsSync(renderer)) return true
  const built = Math.min(statSync(bench).mtimeMs, statSync(renderer).mtimeMs)
  return newest(join(root, 'src')) > built
}

function build() {
  process.stderr.write('[bench] building (npx electron-vite build)…\n')
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}\n[bench] the build failed\n`)
    process.exit(1)
  }
}

/** .bench/app: the build, bin/ and package.json; resources/ linked (the app finds its root by them). */
function takeSnapshot() {
  rmSync(snapshot, { recursive: true, force: true })
  mkdirSync(snapshot, { recursive: true })
  cpSync(out, join(snapshot, 'out'), { recursive: true })
  cpSync(join(root, 'bin'), join(snapshot, 'bin'), { recursive: true })
  cpSync(join(root, 'package.json'), join(snapshot, 'package.json'))
  symlinkSync(join(root, 'resources'), join(snapshot, 'resources'))
}

const args = process.argv.slice(2)
if (!args.includes('--no-build') && isBuildStale()) build()
takeSnapshot()
const run = spawnSync(process.execPath, [join(snapshot, 'out', 'main', 'bench.js'), ...args.filter((a) => a !== '--no-build')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, APILOG_BENCH_ROOT: root },
})
process.exit(run.status ?? 1)
