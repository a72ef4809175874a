// The peers, on the same files in the same run: lnav loading the access log headless and counting
// its lines, and the sqlite3 shell's `.import --csv` of the CSV into a fresh database.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { LNAV, SQLITE3 } from './machine'

export interface PeerFigures {
  tool: string
  command: string
  wallMs: number
  cpuMs: number
  peakRssMb: number
  /** what the tool counted (lnav) or what the imported table holds (sqlite3) */
  count: number | null
  countOk: boolean
  measuredAt: string
}

const TIME = '/usr/bin/time'

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Runs a command under /usr/bin/time: wall, user + system CPU and peak RSS of the tool itself. */
async function timed(workDir: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const out = join(workDir, 'time.txt')
  const result = await run(TIME, ['-o', out, '-f', '%e %U %S %M', command, ...args], env)
  const [wall, user, sys, rssKb] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
  if (result.code !== 0) throw new Error(`${command} failed (exit ${result.code}): ${result.stderr.slice(0, 500)}`)
  return { ...result, wallMs: Math.round(wall * 1000), cpuMs: Math.round((user + sys) * 1000), peakRssMb: Math.round(rssKb / 1024) }
}

/** `lnav -n -c ';SELECT count(*) FROM access_log' FILE` with a fresh HOME (no saved state). */
export async function measureLnav(logPath: string, expected: number, workDir: string): Promise<PeerFigures> {
  const home = join(workDir, 'lnav-home')
  rmSync(home, { recursive: true, force: true })
  mkdirSync(home, { recursive: true })
  const query = ';SELECT count(*) FROM access_log'
  const r = await timed(workDir, LNAV, ['-n', '-c', query, logPath], { ...process.env, HOME: home, TERM: 'dumb' })
  const m = /(\d+)\s*$/.exec(r.stdout.trim())
  const count = m ? Number(m[1]) : null
  rmSync(home, { recursive: true, force: true })
  return {
    tool: 'lnav',
    command: `lnav -n -c '${query}' FILE`,
    wallMs: r.wallMs,
    cpuMs: r.cpuMs,
    peakRssMb: r.peakRssMb,
    count,
    countOk: count === expected,
    measuredAt: new Date().toISOString(),
  }
}

/** `sqlite3 fresh.db '.import --csv FILE logs'`, then counts the table (not timed). */
export async function measureSqliteImport(csvPath: string, expected: number, workDir: string): Promise<PeerFigures> {
  const dbPath = join(workDir, 'sqlite3-import.db')
  rmSync(dbPath, { force: true })
  const r = await timed(workDir, SQLITE3, [dbPath, `.import --csv "${csvPath}" logs`])
  const counted = await run(SQLITE3, [dbPath, 'SELECT count(*) FROM logs'], process.env)
  const count = Number(counted.stdout.trim())
  rmSync(dbPath, { force: true })
  return {
    tool: 'sqlite3',
    command: "sqlite3 fresh.db '.import --csv FILE logs'",
    wallMs: r.wallMs,
    cpuMs: r.cpuMs,
    peakRssMb: r.peakRssMb,
    count: Number.isFinite(count) ? count : null,
    countOk: count === expected,
    measuredAt: new Date().toISOString(),
  }
}
