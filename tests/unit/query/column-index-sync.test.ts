// The column index follows the store without rescanning: entries another connection commits (an
// import worker, a CLI) are appended, a source still importing is included, removed sources and
// reused ids start it over; text SQLite stores differently from how it reads back goes to SQL.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../../src/main/backend'
import { ColumnIndexService } from '../../../src/main/query/column-index/column-index-service'
import { IndexedQueries } from '../../../src/main/query/column-index/indexed-queries'
import { countEntries, queryEntries } from '../../../src/main/query/entries-query'
import { facets } from '../../../src/main/query/facets'
import { histogram } from '../../../src/main/query/histogram'
import { createQueryEngine } from '../../../src/main/query/query-engine'
import { openDb, type Db } from '../../../src/main/store/db'
import { EntryWriter, indexSourceText } from '../../../src/main/store/entry-writer'
import { deleteSource, insertSource } from '../../../src/main/store/sources-repo'
import { FACET_FIELDS, type EntryFilter } from '../../../src/shared/types'
import { writeSource } from '../helpers/generated-store'
import { tempDir } from '../helpers/store'
import { trickyRecords } from '../helpers/tricky-store'

const opened: Array<{ close(): void }> = []
afterEach(() => {
  while (opened.length) opened.pop()?.close()
})

function open(path: string): Db {
  const db = openDb(path)
  opened.push(db)
  return db
}

function indexOver(db: Db, path: string): { index: ColumnIndexService; indexed: IndexedQueries } {
  const index = new ColumnIndexService(db, { dbPath: path, workerPath: null })
  opened.unshift(index) // closed before the connections
  return { index, indexed: new IndexedQueries(db, index) }
}

const FILTERS: EntryFilter[] = [
  {},
  { result: ['error'] },
  { apiUser: ['alice', null], statusCode: ['4xx'] },
  { search: 'alpha' },
  { from: '2024-05-01T06:00:00Z' },
]

/** Every answer of the index equals SQL's on the same connection. */
function expectSameAsSql(db: Db, indexed: IndexedQueries): void {
  for (const filter of FILTERS) {
    expect(indexed.countEntries(filter)).toBe(countEntries(db, filter))
    for (const sort of [{ field: 'ts', dir: 'asc' }, { field: 'ts', dir: 'desc' }, { field: 'id', dir: 'desc' }] as const) {
      const query = { filter, sort, offset: 5, limit: 40 }
      expect(indexed.queryEntries(query)).toStrictEqual(queryEntries(db, query))
    }
    const request = { filter, fields: [...FACET_FIELDS], limit: 8 }
    expect(indexed.facets(request)).toStrictEqual(facets(db, request))
    expect(indexed.histogram({ filter, buckets: 40 })).toStrictEqual(histogram(db, { filter, buckets: 40 }))
  }
}

/** Writes records of a source that stays 'importing' (as an import worker does batch by batch). */
function startSource(db: Db, name: string): { sourceId: number; writer: EntryWriter } {
  const sourceId = insertSource(db, { name, path: null, size: 1, headSha256: name, format: 'ndjson', timeZone: 'UTC', secretsKept: false })
  return { sourceId, writer: new EntryWriter(db, sourceId, 250) }
}

describe('column index sync', () => {
  it('appends what another connection commits, including a source still importing', () => {
    const path = join(tempDir(), 'store.sqlite')
    const ours = open(path)
    const theirs = open(path)
    writeSource(ours, trickyRecords(1200, 1), 'first.log')
    const { index, indexed } = indexOver(ours, path)
    const first = index.current()
    expect(first?.rows).toBe(1200)
    expectSameAsSql(ours, indexed)

    const importing = startSource(theirs, 'second.log')
    // earlier times than the indexed ones too, so the (ts, id) order has to merge, not just extend
    for (const record of trickyRecords(900, 2).map((r) => ({ ...r, ts: r.ts === null ? null : r.ts - 3600_000 }))) importing.writer.add(record)
    importing.writer.flush()
    expect(index.current()).toBe(first) // appended in place, not rebuilt
    expect(first?.rows).toBe(2100)
    expectSameAsSql(ours, indexed)

    for (const record of trickyRecords(300, 3)) importing.writer.add(record)
    importing.writer.flush()
    expect(indexed.countEntries({ sourceId: [importing.sourceId] })).toBe(1200)
    expect(index.current()).toBe(first)
    expectSameAsSql(ours, indexed)
  })

  it('starts over when another connection removes a source', () => {
    const path = join(tempDir(), 'store.sqlite')
    const ours = open(path)
    const theirs = open(path)
    const a = writeSource(ours, trickyRecords(800, 4), 'a.log')
    writeSource(ours, trickyRecords(700, 5), 'b.log')
    const { index, indexed } = indexOver(ours, path)
    const before = index.current()
    expect(indexed.countEntries({})).toBe(1500)
    deleteSource(theirs, a)
    expect(indexed.countEntries({})).toBe(700)
    expect(index.current()).not.toBe(before)
    expectSameAsSql(ours, indexed)
  })

  it('starts over when a cancelled import is followed by one that reuses its ids', () => {
    const path = join(tempDir(), 'store.sqlite')
    const ours = open(path)
    const theirs = open(path)
    writeSource(ours, trickyRecords(500, 6), 'a.log')
    const { index, indexed } = indexOver(ours, path)
    const cancelled = startSource(theirs, 'cancelled.log')
    for (const record of trickyRecords(600, 7)) cancelled.writer.add(record)
    cancelled.writer.flush()
    expect(indexed.countEntries({})).toBe(1100)
    deleteSource(theirs, cancelled.sourceId) // what a cancelled import does
    const next = startSource(theirs, 'next.log')
    expect(next.sourceId).toBe(cancelled.sourceId)
    for (const record of trickyRecords(900, 8)) next.writer.add(record)
    next.writer.flush()
    expectSameAsSql(ours, indexed)
    expect(index.current()?.rows).toBe(1400)
  })

  it('starts over when the newest entry was replaced under its id, even in the same millisecond', () => {
    const path = join(tempDir(), 'store.sqlite')
    const ours = open(path)
    const theirs = open(path)
    writeSource(ours, trickyRecords(300, 6), 'a.log')
    const { index, indexed } = indexOver(ours, path)
    const cancelled = startSource(theirs, 'cancelled.log')
    for (const record of trickyRecords(400, 7)) cancelled.writer.add(record)
    cancelled.writer.flush()
    expect(indexed.countEntries({})).toBe(700)
    const importedAt = theirs.prepare('SELECT imported_at FROM sources WHERE id = ?').pluck().get(cancelled.sourceId)
    deleteSource(theirs, cancelled.sourceId)
    const next = startSource(theirs, 'next.log')
    theirs.prepare('UPDATE sources SET imported_at = ? WHERE id = ?').run(importedAt, next.sourceId)
    for (const record of trickyRecords(500, 8)) next.writer.add(record)
    next.writer.flush()
    expectSameAsSql(ours, indexed)
    expect(index.current()?.rows).toBe(800)
  })

  it('forgets cached full-text hits when the text is indexed after the entries (bulk loads)', () => {
    const path = join(tempDir(), 'store.sqlite')
    const ours = open(path)
    const theirs = open(path)
    writeSource(ours, trickyRecords(400, 9), 'a.log')
    const { index, indexed } = indexOver(ours, path)
    const bulk = startSource(theirs, 'bulk.log')
    const writer = new EntryWriter(theirs, bulk.sourceId, 250, 16 * 1024 * 1024, true)
    for (const record of trickyRecords(400, 10)) writer.add(record)
    writer.flush()
    const before = indexed.countEntries({ search: 'gamma' })
    const store = index.current()
    indexSourceText(theirs, bulk.sourceId)
    expect(indexed.countEntries({ search: 'gamma' })).toBe(countEntries(ours, { search: 'gamma' }))
    expect(indexed.countEntries({ search: 'gamma' })).toBeGreaterThan(before!)
    expect(index.current()).toBe(store)
  })

  it('leaves text that reads back differently from how it is stored to SQL', () => {
    const db = open(':memory:')
    // a lone surrogate (from a JSON escape) is stored as invalid UTF-8 and reads back as U+FFFD
    const users = ['\uD800', '\uFFFD\uFFFD\uFFFD', 'a\u0000b', 'ok', null]
    writeSource(db, trickyRecords(300, 11).map((r, i) => ({ ...r, apiUser: users[i % users.length] })), 'odd.log')
    const { index, indexed } = indexOver(db, ':memory:')
    const engine = createQueryEngine(db, index)
    expect(indexed.countEntries({ apiUser: ['\uD800'] })).toBeUndefined()
    expect(indexed.facets({ filter: {}, fields: ['apiUser'] })).toBeUndefined()
    expect(indexed.countEntries({ result: ['error'] })).toBe(countEntries(db, { result: ['error'] }))
    for (const filter of [{ apiUser: ['\uD800'] }, { apiUser: ['\uFFFD\uFFFD\uFFFD'] }, { apiUser: ['a\u0000b'] }]) {
      expect(engine.countEntries(filter)).toBe(countEntries(db, filter))
      expect(engine.countEntries(filter)).toBe(60)
    }
    const request = { filter: {}, fields: ['apiUser' as const, 'result' as const], contains: 'b' }
    expect(engine.facets(request)).toStrictEqual(facets(db, request))
    expect(engine.facets({ filter: {}, fields: ['result'], contains: 'r\u0000' })).toStrictEqual(facets(db, { filter: {}, fields: ['result'], contains: 'r\u0000' }))
  })
})

describe('column index in the backend', () => {
  function ndjson(path: string, lines: number): void {
    const users = ['crm-web', 'dialer', 'etl-job']
    const text = Array.from({ length: lines }, (_, i) =>
      JSON.stringify({
        timestamp: new Date(Date.UTC(2024, 4, 1) + ((i * 7919) % lines) * 1000).toISOString(),
        method: i % 3 === 0 ? 'POST' : 'GET',
        url: `https://api.example.com/v1/items/${i}?q=${i % 2 ? 'alpha' : 'beta'}`,
        response: { status: [200, 404, 500][i % 3] },
        consumer_id: users[i % users.length],
      }),
    ).join('\n')
    writeFileSync(path, text + '\n')
  }

  function sameAsSql(backend: Backend): Promise<void[]> {
    const { api, db } = backend
    return Promise.all(
      ([{}, { result: ['error'] }, { apiUser: ['dialer'], search: 'alpha' }] as EntryFilter[]).map(async (filter) => {
        expect((await api.countEntries({ filter })).count).toBe(countEntries(db, filter))
        expect(await api.queryEntries({ filter, limit: 30, offset: 10 })).toStrictEqual(queryEntries(db, { filter, limit: 30, offset: 10 }))
        expect(await api.getFacets({ filter, fields: ['apiUser', 'statusCode'] })).toStrictEqual(facets(db, { filter, fields: ['apiUser', 'statusCode'] }))
      }),
    )
  }

  it('answers from the index while an import appends, and after a source is removed', async () => {
    const dir = tempDir()
    const file = join(dir, 'calls.ndjson')
    ndjson(file, 30_000)
    const backend = createBackend({ dbPath: join(dir, 'store.sqlite'), workerPath: null, indexWorkerPath: null })
    opened.push(backend)
    const finished = new Promise((resolve) => backend.events.on('importFinished', resolve))
    await backend.api.startImport({ files: [{ path: file }] })
    const seen = new Set<number>()
    let done = false
    void finished.then(() => (done = true))
    while (!done) {
      await sameAsSql(backend)
      const { count } = await backend.api.countEntries({ filter: {} })
      // answered by the index, current with the rows written so far
      if (backend.columnIndex?.stats().rows === count && count > 0 && count < 30_000) seen.add(count)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await sameAsSql(backend)
    expect(seen.size).toBeGreaterThan(2) // the index followed the import part-way, more than once
    expect(backend.columnIndex?.stats()).toMatchObject({ state: 'ready', rows: 30_000 })
    const [source] = await backend.api.listSources()
    await backend.api.removeSource({ id: source.id })
    expect((await backend.api.countEntries({ filter: {} })).count).toBe(0)
    await sameAsSql(backend)
  })
})
