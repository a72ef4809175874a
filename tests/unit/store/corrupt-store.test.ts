// A damaged store file is detected (at open, or when a call reads a damaged page) and never crashes
// the app: the backend reports it (getStoreHealth), runs on an empty stand-in, and can reopen the
// file read-only or rebuild it (the damaged file is kept). The CLI says so in one line and
// `apilog repair` moves it aside.
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { importFile } from '../../../src/main/importers/run-import'
import { openDb, StoreCorruptError } from '../../../src/main/store/db'
import { apilog } from '../helpers/cli'
import { ensureCliWith } from '../helpers/cli-build'
import { generateRecords, writeSource } from '../helpers/generated-store'
import { tempDir } from '../helpers/store'

const LOG = `{"time":"2024-05-01T10:00:00Z","method":"GET","url":"/a","status":200}\n{"time":"2024-05-01T10:00:01Z","method":"GET","url":"/b","status":500}\n`

/** A store of `count` generated entries, closed and checkpointed so the file holds everything. */
function storeFile(dir: string, count = 3000): string {
  const path = join(dir, 'store.sqlite')
  const db = openDb(path)
  writeSource(db, generateRecords(count, 7), 'generated.log')
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return path
}

/** Overwrites bytes from `from` to `to` (fractions of the file) with garbage. */
function damage(path: string, from: number, to: number): void {
  const size = statSync(path).size
  const fd = openSync(path, 'r+')
  const start = Math.floor(size * from)
  writeSync(fd, Buffer.alloc(Math.floor(size * to) - start, 0x5a), 0, Math.floor(size * to) - start, start)
  closeSync(fd)
}

const logFile = (dir: string) => {
  const path = join(dir, 'x.ndjson')
  writeFileSync(path, LOG)
  return path
}

describe('opening a damaged store', () => {
  it('a file that is not a database is a typed StoreCorruptError', () => {
    const path = join(tempDir(), 'store.sqlite')
    writeFileSync(path, Buffer.alloc(8192, 0x5a))
    expect(() => openDb(path)).toThrow(StoreCorruptError)
    expect(() => openDb(path, { readonly: true })).toThrow(/^the store .* is damaged \(file is not a database\)$/)
  })

  it('a truncated store is a typed StoreCorruptError', () => {
    const dir = tempDir()
    const path = storeFile(dir)
    writeFileSync(path, readFileSync(path).subarray(0, Math.floor(statSync(path).size / 3)))
    expect(() => openDb(path)).toThrow(StoreCorruptError)
  })

  it('the backend starts anyway, reports the damage and refuses imports until the store is rebuilt', async () => {
    const dir = tempDir()
    const dbPath = join(dir, 'store.sqlite')
    const garbage = Buffer.alloc(8192, 0x5a)
    writeFileSync(dbPath, garbage)
    const backend = createBackend({ dbPath, workerPath: null })
    const changes: string[] = []
    backend.events.on('storeChanged', ({ reason }) => changes.push(reason))
    try {
      expect(await backend.api.getStoreHealth()).toEqual({ status: 'corrupt', dbPath, message: 'file is not a database', backupPath: null })
      expect(await backend.api.getStoreInfo()).toMatchObject({ dbPath, entryCount: 0, sourceCount: 0 })
      expect(await dispatch(backend.api, 'startImport', { files: [{ path: logFile(dir) }] })).toEqual({
        ok: false,
        error: { code: 'internal', message: 'the store is damaged: rebuild it before importing' },
      })

      const rebuilt = await backend.api.rebuildStore()
      expect(rebuilt).toEqual({ status: 'ok', dbPath, message: null, backupPath: expect.stringMatching(/store\.sqlite\.damaged-\d{8}T\d{6}Z$/) })
      expect(readFileSync(rebuilt.backupPath!)).toEqual(garbage)
      expect(changes).toEqual(['other'])
      await backend.api.startImport({ files: [{ path: logFile(dir) }] })
      await backend.imports.idle()
      expect(await backend.api.countEntries({ filter: {} })).toEqual({ count: 2 })
      expect(await backend.api.getStoreHealth()).toMatchObject({ status: 'ok' })
    } finally {
      backend.close()
    }
    const reopened = openDb(dbPath)
    expect(reopened.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 2 })
    reopened.close()
  })
})

describe('damage found while the store is in use', () => {
  it('a call that reads a damaged page fails with a clear error and flips the health to corrupt', async () => {
    const dir = tempDir()
    const dbPath = storeFile(dir)
    damage(dbPath, 0.3, 0.95)
    const backend = createBackend({ dbPath, workerPath: null })
    try {
      expect((await backend.api.getStoreHealth()).status).toBe('ok')
      const reply = await dispatch(backend.api, 'queryEntries', { filter: { search: 'alpha' }, sort: { field: 'url', dir: 'desc' } })
      expect(reply).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^the store .*store\.sqlite is damaged \(.*malformed.*\)$/) } })
      expect(await backend.api.getStoreHealth()).toMatchObject({ status: 'corrupt', message: expect.stringMatching(/malformed/) })

      // read-only: what is still readable can be looked at (and exported); nothing is written
      const readOnly = await backend.api.openStoreReadOnly()
      expect(readOnly).toMatchObject({ status: 'read-only', message: expect.stringMatching(/malformed/) })
      expect((await backend.api.listSources()).map((s) => s.name)).toEqual(['generated.log'])
      const save = await dispatch(backend.api, 'saveView', { view: { name: 'v', filter: {}, timeRange: { kind: 'all' }, search: '', columns: [], sort: null } })
      expect(save).toEqual({ ok: false, error: { code: 'internal', message: 'the store is open read-only (it is damaged): rebuild it to make changes' } })
      expect(await dispatch(backend.api, 'importSample', undefined)).toMatchObject({ ok: false, error: { message: 'the store is open read-only: rebuild it before importing' } })
    } finally {
      backend.close()
    }
  })
})

describe('apilog and a damaged store', () => {
  beforeAll(() => ensureCliWith(['apilog repair --db']), 180_000)

  it('every command says what is wrong and what to run, in one line', () => {
    const dir = tempDir()
    const dbPath = join(dir, 'store.sqlite')
    writeFileSync(dbPath, Buffer.alloc(8192, 0x5a))
    for (const args of [['sources'], ['query', '--count'], ['import', logFile(dir)]]) {
      const run = apilog([...args, '--db', dbPath])
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.stderr).toBe(
        `apilog: the store ${dbPath} is damaged (file is not a database): run "apilog repair --db ${dbPath}" to move it aside (it is kept) and start a new one\n`,
      )
    }
  })

  it('repair moves a damaged store aside, starts an empty one and lists the logs to import again', async () => {
    const dir = tempDir()
    // big enough that the damage below misses the schema and the sources table (early pages)
    const dbPath = storeFile(dir, 3000)
    const log = logFile(dir)
    const db = openDb(dbPath)
    await importFile(db, { path: log })
    db.close()
    const original = readFileSync(dbPath)
    damage(dbPath, 0.5, 0.95)
    const damaged = readFileSync(dbPath)
    expect(damaged).not.toEqual(original)
    const run = apilog(['repair', '--db', dbPath])
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines.some((l) => l.startsWith('problem: '))).toBe(true)
    const moved = /^moved the store to (.+) \(kept\) and started an empty store at (.+)$/.exec(lines.find((l) => l.startsWith('moved')) ?? '')
    expect(moved?.[2]).toBe(dbPath)
    expect(readFileSync(moved![1])).toEqual(damaged)
    expect(lines.at(-1)).toBe(`import its logs again: apilog import --db ${dbPath} ${log}`)
    expect(apilog(['sources', '--db', dbPath]).stdout).toBe('no sources (import one: apilog import FILE)\n')
  })

  it('repair leaves a sound store alone', () => {
    const dbPath = storeFile(tempDir(), 50)
    const before = readFileSync(dbPath)
    const run = apilog(['repair', '--db', dbPath])
    expect(run).toMatchObject({ code: 0, stdout: `the store ${dbPath} is sound (integrity check ok): nothing to repair\n` })
    expect(readFileSync(dbPath)).toEqual(before)
    expect(readdirSync(dirname(dbPath)).filter((f) => f.includes('damaged'))).toEqual([])
  })
})
