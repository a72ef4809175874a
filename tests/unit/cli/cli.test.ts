import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/store/db'
import { apilog, combinedLog, ensureBuilt } from '../helpers/cli'
import { tempDir } from '../helpers/store'

beforeAll(() => ensureBuilt(), 180_000)

function setup(lines = 200) {
  const dir = tempDir()
  const log = join(dir, 'access.log')
  writeFileSync(log, combinedLog(lines))
  return { dir, db: join(dir, 'store.sqlite'), log }
}

/** A digest of every stored row, to prove a failed command changed nothing. */
function contentDigest(dbPath: string): string {
  const db = openDb(dbPath, { readonly: true })
  const hash = createHash('sha256')
  for (const table of ['sources', 'entries', 'entry_payloads']) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).iterate()) hash.update(JSON.stringify(row))
  }
  db.close()
  return hash.digest('hex')
}

describe('apilog CLI', () => {
  it('imports with a JSON summary, then answers count, query and facets', () => {
    const { db, log } = setup()
    const imported = apilog(['import', '--db', db, log, '--json'])
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    const summary = JSON.parse(imported.stdout)
    expect(summary).toEqual({
      sources: [{ id: 1, file: 'access.log', format: 'access-log', imported: 200, skipped: 0, errors: [], errorCount: 0, durationMs: expect.any(Number) }],
    })
    expect(JSON.parse(apilog(['query', '--db', db, '--count', '--format', 'json']).stdout)).toEqual({ count: 200 })
    expect(apilog(['query', '--db', db, '--count', '--result', 'error']).stdout).toBe('20\n')
    const errors = apilog(['query', '--db', db, '--api-user', 'crmsync', '--format', 'ndjson', '--limit', '3']).stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(errors).toHaveLength(3)
    expect(errors[0]).toMatchObject({ ts: '2024-05-01T10:00:09.000Z', apiUser: 'crmsync', result: 'error', statusCode: 500, method: 'PUT', function: 'PUT /api/contacts/{id}' })
    const facets = JSON.parse(apilog(['facets', 'apiUser', '--db', db]).stdout)
    expect(facets).toEqual([
      { value: null, count: 120 },
      { value: 'leadimport', count: 60 },
      { value: 'crmsync', count: 20 },
    ])
    const window = apilog(['query', '--db', db, '--from', '2024-05-01T10:01:00Z', '--to', '2024-05-01T10:02:00Z', '--count'])
    expect(window.stdout).toBe('60\n')
    const csv = apilog(['query', '--db', db, '--status', '5xx', '--format', 'csv', '--limit', '2', '--sort', 'ts:desc']).stdout.split('\r\n')
    expect(csv[0]).toMatch(/^id,ts,apiUser,agentUser,function,result,statusCode/)
    expect(csv[1]).toContain('2024-05-01T10:03:19.000Z')
  })

  it('detects a re-import of the same file unless forced', () => {
    const { db, log } = setup(50)
    expect(apilog(['import', '--db', db, log]).code).toBe(0)
    const again = apilog(['import', '--db', db, log])
    expect(again.code).toBe(1)
    expect(again.stderr.trim().split('\n')).toEqual(['access.log: already imported as source 1 (access.log); use --force to import again'])
    expect(apilog(['query', '--db', db, '--count']).stdout).toBe('50\n')
    expect(apilog(['import', '--db', db, log, '--force']).code).toBe(0)
    expect(apilog(['query', '--db', db, '--count']).stdout).toBe('100\n')
    const sources = JSON.parse(apilog(['sources', '--db', db, '--json']).stdout)
    expect(sources.map((s: { id: number; entryCount: number }) => [s.id, s.entryCount])).toEqual([[1, 50], [2, 50]])
    expect(apilog(['remove-source', '--db', db, '2']).stdout).toBe('removed source 2\n')
    expect(apilog(['query', '--db', db, '--count']).stdout).toBe('50\n')
  })

  it('rejects garbage and binary files with one clear line and leaves the store unchanged', () => {
    const { dir, db, log } = setup(30)
    apilog(['import', '--db', db, log])
    const before = contentDigest(db)
    const garbage = join(dir, 'notes.txt')
    writeFileSync(garbage, 'dear diary,\ntoday the integration broke.\nno log here.\n')
    const binary = join(dir, 'image.bin')
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))
    const empty = join(dir, 'empty.log')
    writeFileSync(empty, '')
    for (const [file, message] of [
      [garbage, /^notes\.txt: not a recognised API log/],
      [binary, /^image\.bin: not a text log: the file looks binary$/],
      [empty, /^empty\.log: the file is empty$/],
      [join(dir, 'missing.log'), /^missing\.log: cannot read .*missing\.log: ENOENT$/],
    ] as const) {
      const result = apilog(['import', '--db', db, file])
      expect(result.code).toBe(1)
      const lines = result.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(message)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
    expect(contentDigest(db)).toBe(before)
  })

  it('reports usage errors in one line with exit code 1', () => {
    const { db, log } = setup(5)
    apilog(['import', '--db', db, log])
    const cases: Array<[string[], RegExp]> = [
      [['query', '--db', db, '--result', 'broken'], /--result: "broken" is not one of success, error, notice/],
      [['query', '--db', db, '--from', 'last tuesday'], /--from: not a valid time/],
      [['query', '--db', db, '--status', 'teapot'], /status: "teapot" is not a status code/],
      [['query', '--db', db, '--sort', 'raw'], /--sort: unknown field "raw"/],
      [['query', '--db', db, '--limit', 'lots'], /--limit: expected a whole number/],
      [['query', '--db', db, '--bogus'], /unknown option '--bogus'/],
      [['facets', 'password', '--db', db], /unknown facet field "password"/],
      [['query', '--db', join(db, '..', 'nope.sqlite')], /no store at/],
      [['import', '--db', db, log, '--format', 'xml'], /--format: "xml" is not one of/],
      [['import', '--db', db, log, '--tz', 'Mars/Base'], /unknown time zone "Mars\/Base"/],
      [['nonsense'], /unknown command 'nonsense'/],
    ]
    for (const [args, message] of cases) {
      const result = apilog(args)
      expect(result.code, args.join(' ')).toBe(1)
      expect(result.stderr.trim().split('\n')[0], args.join(' ')).toMatch(message)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('reads a gzip file and honours --tz for zone-less times', () => {
    const { dir, db } = setup(0)
    const csv = join(dir, 'calls.csv.gz')
    writeFileSync(csv, gzipSync('timestamp,method,url,status,user\n2024-05-01 09:05:00,GET,/v1/ping,200,alice\n'))
    const result = apilog(['import', '--db', db, csv, '--tz', 'America/New_York', '--json'])
    expect(result.code).toBe(0)
    const row = JSON.parse(apilog(['query', '--db', db, '--format', 'json']).stdout)[0]
    expect(row.ts).toBe('2024-05-01T13:05:00.000Z')
    expect(JSON.parse(apilog(['sources', '--db', db, '--json']).stdout)[0].timeZone).toBe('America/New_York')
    expect(row.apiUser).toBe('alice')
  })
})
