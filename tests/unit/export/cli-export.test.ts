import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../../src/main/cli'
import { importFile } from '../../../src/main/importers/run-import'
import { openDb } from '../../../src/main/store/db'
import { tempDir } from '../helpers/store'

const CANARY_HAR = join(__dirname, '../../fixtures/redact-canary/canary.har')
let stdout: string[]
let stderr: string[]

beforeEach(() => {
  stdout = []
  stderr = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
})
afterEach(() => {
  vi.restoreAllMocks()
  process.exitCode = undefined
})

async function storeWithCanary(): Promise<{ dir: string; db: string }> {
  const dir = tempDir()
  const path = join(dir, 'store.sqlite')
  const db = openDb(path)
  await importFile(db, { path: CANARY_HAR }, { keepSecrets: true })
  db.close()
  return { dir, db: path }
}

describe('apilog export', () => {
  it('writes the filtered entries to a file and says so', async () => {
    const { dir, db } = await storeWithCanary()
    const out = join(dir, 'successes.csv')
    expect(await main(['export', '--db', db, '--format', 'csv', '--out', out, '--result', 'success', '--bom'])).toBe(0)
    const text = readFileSync(out, 'utf8')
    expect(text.startsWith('\uFEFFDate,Type,Code,Status,')).toBe(true)
    expect(text.trimEnd().split('\r\n')).toHaveLength(3)
    expect(text).not.toContain('CNRY')
    expect(stdout.join('')).toMatch(new RegExp(`^exported 2 entries as csv to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in \\d+ ms\\n$`))
  })

  it('writes to standard output with --out - and reports on standard error', async () => {
    const { db } = await storeWithCanary()
    expect(await main(['export', '--db', db, '--format', 'ndjson', '--out', '-', '--sort', 'ts:desc'])).toBe(0)
    const lines = stdout.join('').trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((l) => l.ts)).toEqual(['2024-05-01T10:00:09.000Z', '2024-05-01T10:00:05.000Z', '2024-05-01T10:00:00.000Z'])
    expect(stdout.join('')).not.toContain('CNRY')
    expect(stderr.join('')).toMatch(/^exported 3 entries as ndjson to standard output in \d+ ms\n$/)
  })

  it.each([
    [['--out', 'x.csv'], 'apilog: --format is required (csv, ndjson, har)\n'],
    [['--format', 'xlsx', '--out', 'x.csv'], 'apilog: --format: "xlsx" is not one of csv, ndjson, har\n'],
    [['--format', 'csv'], 'apilog: --out FILE is required ("-" writes to standard output)\n'],
    [['--format', 'har', '--out', 'x.har', '--bom'], 'apilog: --bom applies to --format csv only\n'],
    [['--format', 'csv', '--out', 'x.csv', '--from', 'yesterday'], 'apilog: --from: not a valid time: "yesterday" (use ISO-8601, e.g. 2024-05-01T10:00:00Z)\n'],
  ])('refuses %j with one line and exit code 1', async (args, message) => {
    const { db } = await storeWithCanary()
    expect(await main(['export', '--db', db, ...args])).toBe(1)
    expect(stderr.join('')).toBe(message)
  })

  it('refuses a folder that does not exist', async () => {
    const { dir, db } = await storeWithCanary()
    const out = join(dir, 'missing', 'x.csv')
    expect(await main(['export', '--db', db, '--format', 'csv', '--out', out])).toBe(1)
    expect(stderr.join('')).toBe(`apilog: cannot write ${out}: the folder ${join(dir, 'missing')} does not exist\n`)
  })
})
