import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate, openDb, StoreError } from '../../../src/main/store/db'
import { MIGRATIONS } from '../../../src/main/store/migrations'
import { EntryWriter } from '../../../src/main/store/entry-writer'
import { insertSource, listSources, removeInterruptedImports } from '../../../src/main/store/sources-repo'
import { generateRecords, writeSource } from '../helpers/generated-store'
import { memoryDb, tempDir } from '../helpers/store'

const tables = (db: ReturnType<typeof openDb>) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name)

describe('store', () => {
  it('creates the schema and records its version', () => {
    const db = memoryDb()
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(tables(db)).toEqual(expect.arrayContaining(['sources', 'entries', 'entry_payloads', 'entries_fts', 'meta', 'entries_by_ts']))
  })

  it('uses WAL for file stores', () => {
    const db = openDb(join(tempDir(), 'store.sqlite'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('leaves version and schema unchanged when a migration fails midway', () => {
    const path = join(tempDir(), 'store.sqlite')
    openDb(path).close()
    const db = openDb(path, { migrations: MIGRATIONS })
    const before = tables(db)
    const broken = [...MIGRATIONS, 'CREATE TABLE half_done (a INTEGER); ALTER TABLE no_such_table ADD COLUMN b TEXT;']
    expect(() => migrate(db, broken)).toThrow(StoreError)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(tables(db)).toEqual(before)
    db.close()
    expect(() => openDb(path, { migrations: broken })).toThrow(`schema migration ${MIGRATIONS.length + 1} failed`)
  })

  it('refuses a store from a newer version of the app', () => {
    const path = join(tempDir(), 'store.sqlite')
    const db = openDb(path)
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`)
    db.close()
    expect(() => openDb(path)).toThrow(/newer than this app supports/)
  })

  it('reports a corrupted or foreign file at open instead of crashing', () => {
    const path = join(tempDir(), 'store.sqlite')
    writeFileSync(path, Buffer.alloc(8192, 0x5a))
    expect(() => openDb(path)).toThrow(StoreError)
  })

  it('removes what an import killed mid-way left behind, and nothing else', () => {
    const db = memoryDb()
    const kept = writeSource(db, generateRecords(30, 1), 'kept.log')
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid as number
    const orphan = insertSource(db, { name: 'killed.log', path: null, size: 1, headSha256: 'x', format: 'ndjson', timeZone: 'UTC', secretsKept: false })
    db.prepare('UPDATE sources SET owner_pid = ? WHERE id = ?').run(dead, orphan)
    const writer = new EntryWriter(db, orphan, 10)
    for (const r of generateRecords(25, 2)) writer.add(r)
    writer.flush()
    expect(db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 55 })
    expect(removeInterruptedImports(db)).toEqual([orphan])
    expect(db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 30 })
    expect(db.prepare('SELECT count(*) AS n FROM entry_payloads').get()).toEqual({ n: 30 })
    expect(listSources(db).map((s) => s.id)).toEqual([kept])
    expect(db.prepare(`SELECT count(*) AS n FROM entries_fts WHERE entries_fts MATCH 'alpha OR beta OR gamma'`).get()).toEqual({ n: 30 })
  })
})

describe('bulk loading', () => {
  it('parks secondary indexes, and recovery rebuilds them after a crash', async () => {
    const { deferIndexes, hasDeferredIndexes } = await import('../../../src/main/store/bulk-load')
    const { recoverStore } = await import('../../../src/main/store/recovery')
    const db = memoryDb()
    const before = tables(db)
    expect(deferIndexes(db)).toBe(true)
    expect(deferIndexes(db)).toBe(false)
    expect(tables(db)).not.toContain('entries_by_api_user')
    expect(tables(db)).toContain('entries_by_source')
    expect(hasDeferredIndexes(db)).toBe(true)
    writeSource(db, generateRecords(20, 3))
    expect(recoverStore(db)).toEqual({ removedSources: [], restoredIndexes: 6 })
    expect(tables(db)).toEqual(before)
    expect(hasDeferredIndexes(db)).toBe(false)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})

describe('a bulk import', () => {
  it('ends with every index back, text searchable and the same rows as a normal import', async () => {
    const { importFile } = await import('../../../src/main/importers/run-import')
    const { countEntries } = await import('../../../src/main/query/entries-query')
    const { combinedLog } = await import('../helpers/cli')
    const dir = tempDir()
    const log = join(dir, 'a.log')
    writeFileSync(log, combinedLog(3000))
    const normal = memoryDb()
    const bulk = memoryDb()
    const expected = tables(bulk)
    await importFile(normal, { path: log }, {}, { bulk: false })
    const result = await importFile(bulk, { path: log }, {}, { bulk: true })
    expect(result.imported).toBe(3000)
    expect(tables(bulk)).toEqual(expected)
    for (const filter of [{}, { search: 'contacts' }, { apiUser: ['crmsync'] }, { search: '1999' }, { result: ['error' as const] }]) {
      expect(countEntries(bulk, filter)).toBe(countEntries(normal, filter))
    }
    expect(countEntries(bulk, { search: 'contacts' })).toBe(3000)
  })
})
