// What the run measured on: CPU, cores, memory, load, and the versions of everything involved.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg, totalmem } from 'node:os'
import Database from 'better-sqlite3'

export interface MachineInfo {
  cpu: string
  cores: number
  ramGb: number
  /** 1, 5 and 15 minute load averages when the run started */
  loadAtStart: [number, number, number]
  node: string
  sqlite: string
  betterSqlite3: string
  sqliteShell: string | null
  lnav: string | null
  chromium: string | null
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    if (m) return m[1].trim()
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown'
}

function versionOf(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0]
  } catch {
    return null
  }
}

function sqliteVersion(): string {
  const db = new Database(':memory:')
  try {
    return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
  } finally {
    db.close()
  }
}

function packageVersion(name: string): string {
  try {
    return (createRequire(__filename)(`${name}/package.json`) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

export const LNAV = '/usr/bin/lnav'
export const SQLITE3 = '/usr/bin/sqlite3'
export const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium'

export function describeMachine(): MachineInfo {
  const [l1, l5, l15] = loadavg().map((n) => Math.round(n * 100) / 100)
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAtStart: [l1, l5, l15],
    node: process.version,
    sqlite: sqliteVersion(),
    betterSqlite3: packageVersion('better-sqlite3'),
    sqliteShell: versionOf(SQLITE3, ['--version'])?.split(' ')[0] ?? null,
    lnav: versionOf(LNAV, ['-V'])?.replace(/^lnav\s+/, '') ?? null,
    chromium: versionOf(CHROMIUM, ['--version']),
  }
}
