// Makes sure out/main/cli.js is built and new enough to hold the commands a test runs: the shared
// ensureBuilt() only builds when out/ is missing, and an older build lacks newer commands. A lock
// directory keeps test files running in parallel from building at the same time.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './cli'

const CLI = join(ROOT, 'out', 'main', 'cli.js')
const LOCK = join(tmpdir(), 'apilog-cli-build.lock')

const hasAll = (markers: string[]) => existsSync(CLI) && markers.every((m) => readFileSync(CLI, 'utf8').includes(m))
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

function takeLock(): boolean {
  try {
    mkdirSync(LOCK)
    return true
  } catch {
    // a lock left by a killed run is stale after five minutes
    const lock = statSync(LOCK, { throwIfNoEntry: false })
    if (lock && Date.now() - lock.mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true })
    return false
  }
}

/** Builds the app unless out/main/cli.js already contains every marker string. */
export function ensureCliWith(markers: string[]): void {
  const deadline = Date.now() + 170_000
  while (!hasAll(markers)) {
    if (Date.now() > deadline) throw new Error(`out/main/cli.js still lacks ${markers.join(', ')}`)
    if (!takeLock()) {
      sleep(500)
      continue
    }
    try {
      if (hasAll(markers)) return
      const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' })
      if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
      if (!hasAll(markers)) throw new Error(`the fresh build lacks ${markers.join(', ')}`)
    } finally {
      rmSync(LOCK, { recursive: true, force: true })
    }
  }
}
