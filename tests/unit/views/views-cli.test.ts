import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { countEntries } from '../../../src/main/query/entries-query'
import { openDb } from '../../../src/main/store/db'
import { apilog } from '../helpers/cli'
import { ensureCliWith } from '../helpers/cli-build'
import { tempDir } from '../helpers/store'

const FIXTURES = join(__dirname, '../../fixtures/har')

beforeAll(() => ensureCliWith(['saved views: a named filter, time range, search, columns and sort']), 180_000)

/** A store with two real HAR captures: jwt-bearer.har (4 entries, 2 errors) and proxyman.har. */
function store() {
  const dir = tempDir()
  const db = join(dir, 'store.sqlite')
  const imported = apilog(['import', '--db', db, join(FIXTURES, 'jwt-bearer.har'), join(FIXTURES, 'proxyman.har')])
  expect(imported.code, imported.stderr).toBe(0)
  return { dir, db }
}

const ok = (args: string[]) => {
  const result = apilog(args)
  expect(result.stderr, args.join(' ')).toBe('')
  expect(result.code).toBe(0)
  return result.stdout
}

/** Count with the library on the same store, to check the CLI's answers independently. */
function count(db: string, filter: object): number {
  const handle = openDb(db, { readonly: true })
  try {
    return countEntries(handle, filter)
  } finally {
    handle.close()
  }
}

describe('apilog views', () => {
  it('saves, lists and shows a view with a relative range resolved against the newest entry', () => {
    const { db } = store()
    expect(ok(['views', 'save', 'Auth errors', '--db', db, '--result', 'error', '--status', '4xx', '--last', '60', '--sort', 'ts:desc'])).toBe(
      'saved view "Auth errors"\n',
    )
    expect(ok(['views', 'save', 'auth ERRORS', '--db', db, '--result', 'error', '--status', '4xx', '--last', '60'])).toBe(
      'replaced view "auth ERRORS"\n',
    )
    expect(ok(['views', 'list', '--db', db])).toBe(
      'NAME         TIME RANGE                    FILTER\n' + 'auth ERRORS  last 60 min of the log        result=error statusCode=4xx\n',
    )
    const shown = JSON.parse(ok(['views', 'show', 'Auth Errors', '--db', db, '--json']))
    // the newest entry of the store is proxyman.har's last one; --sort was kept from the replaced view
    const sources = JSON.parse(ok(['sources', '--db', db, '--json'])) as Array<{ lastTs: string }>
    const newest = sources.map((s) => s.lastTs).sort().pop() as string
    const end = Date.parse(newest) + 1
    expect(shown.view).toMatchObject({ name: 'auth ERRORS', sort: { field: 'ts', dir: 'desc' }, lastUsedAt: null })
    expect(shown.filter).toEqual({
      result: ['error'],
      statusCode: ['4xx'],
      from: new Date(end - 3_600_000).toISOString(),
      to: new Date(end).toISOString(),
    })
    expect(ok(['views', 'show', 'auth errors', '--db', db])).toContain('time range:  last 60 min of the log\n')
  })

  it('runs a query through --view, narrowed by explicit options, in the view\'s sort order', () => {
    const { db } = store()
    ok(['views', 'save', 'errors', '--db', db, '--result', 'error', '--sort', 'ts:desc'])
    const expected = count(db, { result: ['error'] })
    expect(expected).toBeGreaterThan(1)
    expect(ok(['query', '--db', db, '--view', 'ERRORS', '--count'])).toBe(`${expected}\n`)
    const rows = JSON.parse(ok(['query', '--db', db, '--view', 'errors', '--format', 'json'])) as Array<{ ts: string; result: string }>
    expect(rows.map((r) => r.result)).toEqual(Array(expected).fill('error'))
    expect(rows.map((r) => r.ts)).toEqual(rows.map((r) => r.ts).sort().reverse())
    expect(ok(['query', '--db', db, '--view', 'errors', '--status', '401', '--count'])).toBe(
      `${count(db, { result: ['error'], statusCode: ['401'] })}\n`,
    )
    // the view wants errors, the option successes: nothing can match both
    expect(ok(['query', '--db', db, '--view', 'errors', '--result', 'success', '--count'])).toBe('0\n')
    expect(apilog(['query', '--db', db, '--view', 'nope', '--count'])).toMatchObject({
      code: 1,
      stderr: 'apilog: no view named "nope" (see apilog views list)\n',
    })
  })

  it('exports a view to a file and imports it into another store; a tampered file is refused', () => {
    const { dir, db } = store()
    ok(['views', 'save', 'Slow billing', '--db', db, '--api-user', 'svc-billing', '--search', 'invoice', '--from', '2025-11-19T00:00:00Z'])
    const file = join(dir, 'slow.apilog-view.json')
    expect(ok(['views', 'export', 'slow billing', file, '--db', db])).toBe(`exported view "Slow billing" to ${file}\n`)
    const other = join(dir, 'other.sqlite')
    expect(ok(['views', 'import', file, '--db', other])).toBe('imported view "Slow billing"\n')
    const there = JSON.parse(ok(['views', 'list', '--db', other, '--json']))
    expect(there).toEqual([
      expect.objectContaining({
        name: 'Slow billing',
        filter: { apiUser: ['svc-billing'] },
        search: 'invoice',
        timeRange: { kind: 'absolute', from: '2025-11-19T00:00:00Z' },
      }),
    ])
    expect(apilog(['views', 'import', file, '--db', other])).toMatchObject({
      code: 1,
      stderr: 'apilog: a view named "Slow billing" already exists (import with overwrite to replace it)\n',
    })
    const tampered = join(dir, 'tampered.json')
    writeFileSync(tampered, readFileSync(file, 'utf8').replace('svc-billing', 'svc-admin'))
    expect(apilog(['views', 'import', tampered, '--overwrite', '--db', other])).toMatchObject({
      code: 1,
      stderr: 'apilog: saved-view file was changed after it was exported: its checksum does not match its content\n',
    })
    writeFileSync(tampered, 'not json at all')
    expect(apilog(['views', 'import', tampered, '--db', other]).stderr).toBe('apilog: not a saved-view file: it is not valid JSON\n')
    expect(ok(['views', 'import', file, '--overwrite', '--db', other])).toBe('imported view "Slow billing"\n')
    expect(ok(['views', 'export', 'Slow billing', '-', '--db', other])).toBe(readFileSync(file, 'utf8'))
  })

  it('renames, duplicates and deletes', () => {
    const { db } = store()
    ok(['views', 'save', 'a', '--db', db])
    expect(ok(['views', 'duplicate', 'A', '--db', db])).toBe('copied view "A" to "a (copy)"\n')
    expect(ok(['views', 'rename', 'a (copy)', 'b', '--db', db])).toBe('renamed view "a (copy)" to "b"\n')
    expect(ok(['views', 'delete', 'B', '--db', db])).toBe('deleted view "B"\n')
    expect(apilog(['views', 'delete', 'b', '--db', db])).toMatchObject({ code: 1, stderr: 'apilog: no view named "b" (see apilog views list)\n' })
    expect(JSON.parse(ok(['views', 'list', '--db', db, '--json'])).map((v: { name: string }) => v.name)).toEqual(['a'])
  })

  it('refuses options a view cannot hold, with the reason', () => {
    const { db } = store()
    const fails = (args: string[], message: string) =>
      expect(apilog(['views', 'save', 'v', '--db', db, ...args])).toMatchObject({ code: 1, stderr: `apilog: ${message}\n` })
    fails(['--last', '60', '--from', '2025-11-19T00:00:00Z'], '--last cannot be combined with --from or --to')
    fails(['--last', '0'], '--last: expected minutes from 1 to 5256000, got "0"')
    fails(['--source', '1'], '--source: a saved view applies to any source, so it cannot hold one')
    fails(['--from', '2025-11-19'], 'invalid view: timeRange.from: not an ISO-8601 time such as 2024-05-01T10:00:00Z')
    fails(['--status', 'teapot'], 'invalid view: filter.statusCode[0]: not a status code, a class such as 4xx, or "none"')
    expect(ok(['views', 'list', '--db', db])).toBe('no saved views (save one: apilog views save NAME [filters])\n')
  })
})
