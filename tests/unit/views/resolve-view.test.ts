import { describe, expect, it } from 'vitest'
import { countEntries, queryEntries } from '../../../src/main/query/entries-query'
import { narrowFilter } from '../../../src/main/views/narrow-filter'
import { resolveViewFilter, storeSpan } from '../../../src/main/views/resolve-view'
import { applyView } from '../../../src/main/views/views-api'
import { saveView } from '../../../src/main/views/views-repo'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { generateRecords, writeSource } from '../helpers/generated-store'
import { memoryDb } from '../helpers/store'
import { spec } from './view-spec'

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0)

function record(position: number, ts: number | null, extra: Partial<EntryRecord> = {}): EntryRecord {
  return { position, ts, result: 'success', raw: `r${position}`, ...extra }
}

describe('resolveViewFilter', () => {
  const span = { firstTs: '2024-05-01T00:00:00.000Z', lastTs: '2024-05-01T12:00:00.000Z' }

  it('counts a relative range back from the newest entry, ending just after it', () => {
    const filter = resolveViewFilter(spec('v', { timeRange: { kind: 'relative', lastMinutes: 90 } }), span)
    expect(filter).toEqual({
      result: ['error'],
      tenant: ['acme'],
      from: '2024-05-01T10:30:00.001Z',
      to: '2024-05-01T12:00:00.001Z',
      search: 'timeout',
    })
  })

  it('keeps absolute ranges, and the whole log has no range', () => {
    const absolute = { kind: 'absolute' as const, from: '2024-04-30T22:00:00+02:00' }
    expect(resolveViewFilter(spec('v', { timeRange: absolute, search: '  ' }), span)).toEqual({
      result: ['error'],
      tenant: ['acme'],
      from: '2024-04-30T22:00:00+02:00',
    })
    expect(resolveViewFilter(spec('v', { timeRange: { kind: 'all' }, filter: {} }), span)).toEqual({ search: 'timeout' })
  })

  it('treats a log without timestamps as having no end to count back from', () => {
    const view = spec('v', { timeRange: { kind: 'relative', lastMinutes: 5 }, filter: {}, search: '' })
    expect(resolveViewFilter(view, { firstTs: null, lastTs: null })).toEqual({})
  })

  it('finds exactly the entries of the last N minutes of the log in a real store', () => {
    const db = memoryDb()
    // entries every minute from T0 - 10 min to T0; a relative range of 3 minutes holds the newest 3
    const records = Array.from({ length: 11 }, (_, i) => record(i + 1, T0 - (10 - i) * 60_000))
    writeSource(db, [...records, record(12, null)], 'minutes.log')
    const span = storeSpan(db)
    expect(span).toEqual({ firstTs: new Date(T0 - 600_000).toISOString(), lastTs: new Date(T0).toISOString() })
    const filter = resolveViewFilter(spec('v', { filter: {}, search: '', timeRange: { kind: 'relative', lastMinutes: 3 } }), span)
    // T0 - 3 min is outside: from is T0 - 3 min + 1 ms
    expect(countEntries(db, filter)).toBe(3)
  })

  it('resolves against the chosen sources only when a view is applied to them', () => {
    const db = memoryDb()
    const early = writeSource(db, [record(1, T0 - 3_600_000), record(2, T0 - 3_590_000)], 'early.log')
    writeSource(db, [record(1, T0), record(2, T0 - 1000)], 'late.log')
    saveView(db, spec('last 5', { filter: {}, search: '', timeRange: { kind: 'relative', lastMinutes: 5 } }))
    expect(countEntries(db, applyView(db, 'last 5')!.filter)).toBe(2)
    const scoped = applyView(db, 'LAST 5', [early])!
    expect(scoped.filter).toEqual({
      sourceId: [early],
      from: new Date(T0 - 3_590_000 + 1 - 300_000).toISOString(),
      to: new Date(T0 - 3_590_000 + 1).toISOString(),
    })
    expect(countEntries(db, scoped.filter)).toBe(2)
    expect(scoped.view.lastUsedAt).not.toBeNull()
    expect(applyView(db, 'missing')).toBeNull()
  })
})

describe('narrowFilter (a view narrowed by explicit options)', () => {
  it('keeps values both sides allow and ANDs fields', () => {
    expect(narrowFilter({ apiUser: ['a', 'b', null], result: ['error'] }, { apiUser: ['b', null], tenant: ['acme'] })).toEqual({
      apiUser: ['b', null],
      result: ['error'],
      tenant: ['acme'],
    })
  })

  it('returns null when a field has no value both sides allow', () => {
    expect(narrowFilter({ apiUser: ['a'] }, { apiUser: ['b'] })).toBeNull()
    expect(narrowFilter({ result: ['error'] }, { result: ['success'] })).toBeNull()
    expect(narrowFilter({ from: '2024-05-02T00:00:00Z' }, { to: '2024-05-01T00:00:00Z' })).toBeNull()
  })

  it('meets status codes and classes', () => {
    expect(narrowFilter({ statusCode: ['4xx', '500'] }, { statusCode: ['404', '5xx', '200'] })).toEqual({ statusCode: ['404', '500'] })
    expect(narrowFilter({ statusCode: ['4XX'] }, { statusCode: ['4xx'] })).toEqual({ statusCode: ['4xx'] })
    expect(narrowFilter({ statusCode: ['none'] }, { statusCode: ['NONE', '0'] })).toEqual({ statusCode: ['none'] })
    expect(narrowFilter({ statusCode: ['4xx'] }, { statusCode: ['5xx'] })).toBeNull()
  })

  it('takes the later start and the earlier end, and ANDs the search words', () => {
    const base = { from: '2024-05-01T00:00:00Z', to: '2024-05-03T00:00:00Z', search: 'timeout' }
    expect(narrowFilter(base, { from: '2024-05-02T00:00:00Z', search: ' gateway ' })).toEqual({
      from: '2024-05-02T00:00:00Z',
      to: '2024-05-03T00:00:00Z',
      search: 'timeout gateway',
    })
  })

  it('matches exactly the entries both filters match on generated data', () => {
    const db = memoryDb()
    writeSource(db, generateRecords(3000, 7))
    const cases: Array<[object, object]> = [
      [{ apiUser: ['leadimport', 'crmsync', null] }, { apiUser: ['crmsync', 'dialer', null], result: ['error'] }],
      [{ statusCode: ['4xx', '503'] }, { statusCode: ['404', '5xx'] }],
      [{ tenant: ['acme'], from: '2024-05-01T06:00:00Z' }, { to: '2024-05-01T18:00:00Z', method: ['GET'] }],
    ]
    for (const [a, b] of cases) {
      const both = narrowFilter(a, b)!
      // independently: the ids matching a, intersected in JS with the ids matching b
      const matchA = new Set(idsOf(db, a))
      const expected = idsOf(db, b).filter((id) => matchA.has(id))
      expect(idsOf(db, both), JSON.stringify([a, b])).toEqual(expected)
      expect(expected.length).toBeGreaterThan(0)
    }
  })
})

function idsOf(db: ReturnType<typeof memoryDb>, filter: object): number[] {
  return queryEntries(db, { filter, sort: { field: 'id', dir: 'asc' }, limit: 10_000 }).rows.map((r) => r.id)
}
