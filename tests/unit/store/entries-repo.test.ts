import { describe, expect, it } from 'vitest'
import { getEntryDetail } from '../../../src/main/store/entries-repo'
import { EntryWriter } from '../../../src/main/store/entry-writer'
import { RAW_COMPRESS_FROM } from '../../../src/main/store/payload-codec'
import { insertSource } from '../../../src/main/store/sources-repo'
import { memoryDb } from '../helpers/store'

describe('entries repo', () => {
  it('stores long raw records deflated and gives back the exact text', () => {
    const db = memoryDb()
    const source = insertSource(db, { name: 'x', path: null, size: 1, headSha256: 'h', format: 'har', timeZone: 'UTC', secretsKept: false })
    const long = JSON.stringify({ body: 'ü🙂'.repeat(RAW_COMPRESS_FROM), n: 1 })
    const writer = new EntryWriter(db, source)
    writer.add({ position: 1, ts: 0, result: 'success', raw: long, requestHeaders: [['A', '1'], ['A', '2']], responseBody: '{"ok":true}' })
    writer.add({ position: 2, ts: 5, result: 'error', raw: 'short line' })
    writer.flush()
    const types = db.prepare('SELECT typeof(raw) AS t, length(raw) AS n FROM entry_payloads ORDER BY entry_id').all() as Array<{ t: string; n: number }>
    expect(types.map((t) => t.t)).toEqual(['blob', 'text'])
    expect(types[0].n).toBeLessThan(long.length / 4)
    const first = getEntryDetail(db, 1)!
    expect(first.raw).toBe(long)
    expect(first.requestHeaders).toEqual([['A', '1'], ['A', '2']])
    expect(first.responseBody).toBe('{"ok":true}')
    expect(first.ts).toBe('1970-01-01T00:00:00.000Z')
    expect(getEntryDetail(db, 2)!.raw).toBe('short line')
    expect(writer.firstTs).toBe(0)
    expect(writer.lastTs).toBe(5)
  })

  it('keeps numeric-looking raw text as text', () => {
    const db = memoryDb()
    const source = insertSource(db, { name: 'x', path: null, size: 1, headSha256: 'h', format: 'csv', timeZone: 'UTC', secretsKept: false })
    const writer = new EntryWriter(db, source)
    writer.add({ position: 1, ts: null, result: 'success', raw: '00123' })
    writer.flush()
    expect(getEntryDetail(db, 1)!.raw).toBe('00123')
  })
})

describe('batches', () => {
  it('commit the first rows early, then in ever larger batches up to the full size', () => {
    const db = memoryDb()
    const source = insertSource(db, { name: 'x', path: null, size: 1, headSha256: 'h', format: 'ndjson', timeZone: 'UTC', secretsKept: false })
    const writer = new EntryWriter(db, source, 1000)
    const commits: number[] = []
    for (let i = 0; i < 4000; i++) {
      const before = writer.count
      writer.add({ position: i + 1, ts: i, result: 'success', raw: `r${i}` })
      if (writer.count !== before) commits.push(writer.count - before)
    }
    expect(commits).toEqual([200, 400, 800, 1000, 1000])
    // big records: the first batch also stops at its byte budget (200 rows of 4 kB)
    const big = new EntryWriter(db, source)
    let first = 0
    for (let i = 0; first === 0; i++) {
      big.add({ position: i + 1, ts: i, result: 'success', raw: 'x', responseBody: 'y'.repeat(16 * 1024) })
      first = big.count
    }
    expect(first).toBe(50)
  })
})

describe('header lists', () => {
  it('keeps a unique list inline, stores a repeated one once, and reads both back exactly', () => {
    const db = memoryDb()
    const source = insertSource(db, { name: 'x', path: null, size: 1, headSha256: 'h', format: 'har', timeZone: 'UTC', secretsKept: false })
    const writer = new EntryWriter(db, source, 2)
    const agent: Array<[string, string]> = [['User-Agent', 'sync/1.0'], ['Accept', '*/*']]
    for (let i = 0; i < 6; i++) {
      writer.add({ position: i + 1, ts: i, result: 'success', raw: `r${i}`, requestHeaders: agent, responseHeaders: [['X-Request-Id', `req-${i}`]] })
    }
    writer.flush()
    expect(db.prepare('SELECT count(*) AS n FROM header_sets').get()).toEqual({ n: 1 })
    const inline = db.prepare('SELECT count(*) AS n FROM entry_payloads WHERE response_headers IS NOT NULL').get()
    expect(inline).toEqual({ n: 6 })
    for (let id = 1; id <= 6; id++) {
      const detail = getEntryDetail(db, id)!
      expect(detail.requestHeaders).toEqual(agent)
      expect(detail.responseHeaders).toEqual([['X-Request-Id', `req-${id - 1}`]])
    }
  })
})
