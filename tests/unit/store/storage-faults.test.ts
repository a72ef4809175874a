// Storage faults: a full disk (simulated with PRAGMA max_page_count) fails the import cleanly with
// nothing of it kept and the next import working once there is room; a long reader neither sees
// uncommitted rows nor makes the WAL grow for good; reads during an import see committed data only.
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../src/main/importers/run-import'
import { openDb, type Db } from '../../../src/main/store/db'
import { listSources } from '../../../src/main/store/sources-repo'
import { tempDir } from '../helpers/store'

function ndjson(count: number, prefix: string): string {
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    lines.push(`{"time":"2024-05-01T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z","method":"POST","url":"/${prefix}/${i}","status":${i % 7 === 0 ? 500 : 200},"user":"user-${i % 13}","request":{"body":{"id":${i},"note":"${prefix} ${'x'.repeat(200)}"}}}`)
  }
  return lines.join('\n') + '\n'
}

function logFile(dir: string, name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const walSize = (path: string) => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0)

describe('disk full', () => {
  it('fails the import with a clear message, keeps nothing of it, and the next import works once there is room', async () => {
    const dir = tempDir()
    const dbPath = join(dir, 'store.sqlite')
    const db = openDb(dbPath)
    try {
      const first = await importFile(db, { path: logFile(dir, 'first.ndjson', ndjson(50, 'first')) })
      expect(first.imported).toBe(50)
      const pages = db.pragma('page_count', { simple: true }) as number
      db.pragma(`max_page_count = ${pages + 40}`)

      const big = logFile(dir, 'big.ndjson', ndjson(20_000, 'big'))
      const full = await importFile(db, { path: big })
      expect(full.failure).toBe('the disk is full (or the store reached its size limit): nothing of this file was kept; free some space and import it again')
      expect(full).toMatchObject({ sourceId: null, imported: 0 })
      expect(listSources(db).map((s) => [s.name, s.entryCount])).toEqual([['first.ndjson', 50]])
      expect(count(db, 'sources')).toBe(1)
      expect(count(db, 'entries')).toBe(50)
      expect(count(db, 'entry_payloads')).toBe(50)
      expect(db.prepare(`SELECT count(*) AS n FROM entries_fts WHERE entries_fts MATCH '"big"'`).get()).toEqual({ n: 0 })
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')

      db.pragma('max_page_count = 1073741823')
      const again = await importFile(db, { path: big })
      expect(again).toMatchObject({ failure: null, imported: 20_000 })
      expect(count(db, 'entries')).toBe(20_050)
    } finally {
      db.close()
    }
  }, 60_000)
})

describe('WAL and readers', () => {
  it('a long reader keeps its snapshot while imports commit; afterwards the WAL is truncated', async () => {
    const dir = tempDir()
    const dbPath = join(dir, 'store.sqlite')
    const writer = openDb(dbPath)
    const reader = openDb(dbPath)
    try {
      await importFile(writer, { path: logFile(dir, 'a.ndjson', ndjson(100, 'a')) })
      expect(walSize(dbPath)).toBe(0)

      reader.prepare('BEGIN').run()
      expect(count(reader, 'entries')).toBe(100)
      const during = await importFile(writer, { path: logFile(dir, 'b.ndjson', ndjson(30_000, 'b')) })
      expect(during.imported).toBe(30_000)
      // the reader still sees its snapshot: the import's rows are not there, committed or not
      expect(count(reader, 'entries')).toBe(100)
      // and while it holds it the WAL cannot be reset, so it has grown
      const grown = walSize(dbPath)
      expect(grown).toBeGreaterThan(8 * 1024 * 1024)
      reader.prepare('COMMIT').run()
      expect(count(reader, 'entries')).toBe(30_100)

      await importFile(writer, { path: logFile(dir, 'c.ndjson', ndjson(10, 'c')) })
      expect(walSize(dbPath)).toBe(0)
      expect(writer.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      reader.close()
      writer.close()
    }
  }, 60_000)

  it('reads during an import see only committed batches, never a batch in progress', async () => {
    const dir = tempDir()
    const dbPath = join(dir, 'store.sqlite')
    const writer = openDb(dbPath)
    const reader = openDb(dbPath)
    try {
      const seen: Array<{ added: number; entries: number; payloads: number }> = []
      const snapshot = reader.prepare('SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM entry_payloads) AS payloads')
      let added = 0
      const result = await importFile(writer, { path: logFile(dir, 'd.ndjson', ndjson(12_000, 'd')) }, {}, {
        transform: (entry) => {
          if (added % 500 === 0) seen.push({ added, ...(snapshot.get() as { entries: number; payloads: number }) })
          added++
          return entry
        },
      })
      expect(result.imported).toBe(12_000)
      expect(seen.length).toBe(24)
      for (const { added: before, entries, payloads } of seen) {
        expect(entries).toBeLessThanOrEqual(before)
        // an entry and its payload are written in one transaction: a reader sees both or neither
        expect(payloads, `after ${before} added`).toBe(entries)
      }
      // batches were committed (and seen) while the import was still running
      expect(seen.some((s) => s.entries > 0)).toBe(true)
      expect(new Set(seen.map((s) => s.entries)).size).toBeLessThan(seen.length / 2)
    } finally {
      reader.close()
      writer.close()
    }
  }, 60_000)
})
