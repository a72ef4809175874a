// Two roots: the repository (docs/ is written there, Playwright is loaded from its node_modules) and
// the app being measured (its out/ and bin/). scripts/bench.mjs runs a snapshot of the build under
// .bench/app, so that others rebuilding out/ during a long run cannot change the code mid-run; it
// passes the repository root in APILOG_BENCH_ROOT.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { appRoot } from '../paths'

/** The nearest folder above `from` with our package.json. */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'api-log-inspector') return dir
    if (dirname(dir) === dir) return process.cwd()
  }
}

export function repoRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.APILOG_BENCH_ROOT || findPackageRoot(__dirname)
}

/** The folder holding the measured build's out/ and bin/ (the app's own notion of its root). */
export function appDir(): string {
  return appRoot()
}
