// Runs the built `apilog` CLI (building it first when out/ is missing).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '../../..')
const BIN = join(ROOT, 'bin', 'apilog.js')

export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'out', 'main', 'cli.js'))) return
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function apilog(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, APILOG_DB: '', INSPECTOR_DATA_DIR: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

export function apilogAsync(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Writes an Apache combined log with `count` lines; every 10th line is a 500 for user "crmsync". */
export function combinedLog(count: number, startMs = Date.UTC(2024, 4, 1, 10, 0, 0)): string {
  const lines: string[] = []
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  for (let i = 0; i < count; i++) {
    const d = new Date(startMs + i * 1000)
    const stamp = `${String(d.getUTCDate()).padStart(2, '0')}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}:${String(d.getUTCSeconds()).padStart(2, '0')} +0000`
    const error = i % 10 === 9
    const user = error ? 'crmsync' : i % 3 === 0 ? 'leadimport' : '-'
    lines.push(`10.0.0.${i % 7} - ${user} [${stamp}] "${error ? 'PUT' : 'GET'} /api/contacts/${1000 + i}?page=${i % 4} HTTP/1.1" ${error ? 500 : 200} ${100 + i} "-" "sync-client/1.0"`)
  }
  return lines.join('\n') + '\n'
}
