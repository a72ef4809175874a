// The column index gives exactly what the SQL path gives (the reference): counts, pages by time and
// id, facets (order, limit, contains, NULLs), histograms and positions, for random filters.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ColumnIndexService } from '../../../src/main/query/column-index/column-index-service'
import { IndexedQueries } from '../../../src/main/query/column-index/indexed-queries'
import { countEntries, queryEntries } from '../../../src/main/query/entries-query'
import { facets } from '../../../src/main/query/facets'
import { histogram } from '../../../src/main/query/histogram'
import { locateEntry } from '../../../src/main/query/locate-entry'
import { createQueryEngine } from '../../../src/main/query/query-engine'
import { openDb, type Db } from '../../../src/main/store/db'
import { FACET_FIELDS, type EntryFilter, type FacetField, type SortSpec } from '../../../src/shared/types'
import { writeSource } from '../helpers/generated-store'
import {
  TRICKY_AGENTS, TRICKY_BASE_TS, TRICKY_FUNCTIONS, TRICKY_METHODS, TRICKY_RESULTS, TRICKY_SERVICES, TRICKY_SPAN_MS,
  TRICKY_TENANTS, TRICKY_USERS, TRICKY_WORDS, trickyRecords,
} from '../helpers/tricky-store'

let db: Db
let index: ColumnIndexService
let indexed: IndexedQueries

beforeAll(async () => {
  db = openDb(':memory:')
  writeSource(db, trickyRecords(1800, 11), 'a.log')
  writeSource(db, trickyRecords(900, 12), 'b.log')
  writeSource(db, trickyRecords(300, 13), 'c.log')
  index = new ColumnIndexService(db, { dbPath: ':memory:' })
  index.start()
  await index.whenReady()
  indexed = new IndexedQueries(db, index)
})

afterAll(() => {
  index.close()
  db.close()
})

/** Present in about a third of the filters, so that most filters still match something. */
const sometimes = <T,>(arb: fc.Arbitrary<T>) => fc.tuple(fc.integer({ min: 0, max: 99 }), arb).map(([r, v]) => (r < 35 ? v : undefined))
const someOf = <T,>(values: readonly T[]) => sometimes(fc.subarray([...values], { minLength: 1 }))
const hour = fc.integer({ min: -2, max: 50 }).map((h) => new Date(TRICKY_BASE_TS + h * 3600_000).toISOString())
const anyTime = fc.integer({ min: -1000, max: TRICKY_SPAN_MS + 1000 }).map((ms) => String(TRICKY_BASE_TS + ms))

export const filterArb: fc.Arbitrary<EntryFilter> = fc.record(
  {
    from: sometimes(fc.oneof(hour, anyTime)),
    to: sometimes(fc.oneof(hour, anyTime)),
    apiUser: someOf([...TRICKY_USERS, 'nobody']),
    agentUser: someOf(TRICKY_AGENTS),
    function: someOf(TRICKY_FUNCTIONS),
    result: someOf(TRICKY_RESULTS),
    statusCode: someOf(['2xx', '4xx', '5xx', '1xx', '404', '0', 'none', 'NONE', ' 500 ', '999', '4XX']),
    method: someOf(TRICKY_METHODS),
    service: someOf(TRICKY_SERVICES),
    tenant: someOf(TRICKY_TENANTS),
    clientIp: someOf(['10.0.0.1', '10.0.1.7', '10.0.2.119', null]),
    sourceId: someOf([1, 2, 3, 4]),
    search: sometimes(fc.constantFrom(...TRICKY_WORDS, 'pass', 'lead found', '  ', '!!', 'items 12')),
  },
  { requiredKeys: [] },
)

const sortArb: fc.Arbitrary<SortSpec | undefined> = fc.option(
  fc.record({ field: fc.constantFrom('ts' as const, 'id' as const), dir: fc.constantFrom('asc' as const, 'desc' as const) }),
  { nil: undefined },
)

describe('column index against SQL', () => {
  it('builds in-process from source and reports its memory', () => {
    const stats = index.stats()
    expect(stats).toMatchObject({ state: 'ready', rows: 3000, message: null })
    expect(stats.bytesPerEntry).toBeGreaterThan(20)
  })

  it('counts like SQL', () => {
    fc.assert(
      fc.property(filterArb, (filter) => {
        expect(indexed.countEntries(filter)).toBe(countEntries(db, filter))
      }),
      { numRuns: 300, seed: 101 },
    )
  })

  it('pages by time and by id like SQL', () => {
    fc.assert(
      fc.property(filterArb, sortArb, fc.nat(400), fc.integer({ min: 0, max: 150 }), (filter, sort, offset, limit) => {
        const query = { filter, sort, offset, limit }
        expect(indexed.queryEntries(query)).toStrictEqual(queryEntries(db, query))
      }),
      { numRuns: 300, seed: 102 },
    )
  })

  it('gives facets like SQL: counts, order, limit, contains and NULLs', () => {
    const contains = fc.option(fc.constantFrom('a', 'A', 'LI', 'é', 'É', '%', '_', '\\', '0', '10.0.1', ' lead ', '😀', 'xyz', 'ul', 'émile'), { nil: undefined })
    fc.assert(
      fc.property(filterArb, fc.subarray([...FACET_FIELDS], { minLength: 1 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), contains, (filter, fields, limit, text) => {
        const request = { filter, fields: fields as FacetField[], limit, contains: text }
        expect(indexed.facets(request)).toStrictEqual(facets(db, request))
      }),
      { numRuns: 250, seed: 103 },
    )
  })

  it('gives histograms like SQL', () => {
    fc.assert(
      fc.property(filterArb, fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }), (filter, buckets) => {
        const request = { filter, buckets }
        expect(indexed.histogram(request)).toStrictEqual(histogram(db, request))
      }),
      { numRuns: 250, seed: 104 },
    )
  })

  it('locates entries like SQL', () => {
    fc.assert(
      fc.property(filterArb, sortArb, fc.integer({ min: 0, max: 3002 }), fc.boolean(), (filter, sort, n, inside) => {
        // half the time an entry that matches, else any id (most of them do not match)
        const rows = inside ? queryEntries(db, { filter, sort, limit: 10_000 }).rows : []
        const id = rows.length > 0 ? rows[n % rows.length].id : n
        expect(indexed.locateEntry(filter, sort, id)).toBe(locateEntry(db, filter, sort, id))
        if (rows.length > 0) expect(indexed.locateEntry(filter, sort, id)).toBe(n % rows.length)
      }),
      { numRuns: 400, seed: 105 },
    )
  })

  it('throws the same errors as SQL', () => {
    for (const filter of [{ from: 'yesterday' }, { to: '' }, { statusCode: ['4x'] }] as EntryFilter[]) {
      expect(() => indexed.countEntries(filter)).toThrow(/not a valid time|not a status code/)
      expect(() => indexed.countEntries(filter)).toThrow(expectErrorOf(() => countEntries(db, filter)))
    }
  })

  it('fails (or not) exactly as SQL does when a facet leaves out its own bad filter', () => {
    const engine = createQueryEngine(db, index)
    const own = { filter: { statusCode: ['bogus'] }, fields: ['statusCode' as const] }
    expect(engine.facets(own)).toStrictEqual(facets(db, own))
    const other = { filter: { statusCode: ['bogus'] }, fields: ['statusCode' as const, 'apiUser' as const] }
    expect(() => engine.facets(other)).toThrow(expectErrorOf(() => facets(db, other)))
    const both = { filter: { from: 'soon' }, sort: { field: 'nope' as never, dir: 'asc' as const } }
    expect(() => engine.queryEntries(both)).toThrow(expectErrorOf(() => queryEntries(db, both)))
    expect(() => engine.locateEntry(both.filter, both.sort, 1)).toThrow(expectErrorOf(() => locateEntry(db, both.filter, both.sort, 1)))
  })

  it('leaves correlation ids and other sorts to SQL', () => {
    expect(indexed.countEntries({ correlationId: ['req-1'] })).toBeUndefined()
    expect(indexed.countEntries({ correlationId: [] })).toBe(3000)
    expect(indexed.queryEntries({ filter: {}, sort: { field: 'apiUser', dir: 'asc' } })).toBeUndefined()
  })
})

describe('column index facet order on ties', () => {
  it('orders equal counts by UTF-8 bytes, as SQLite BINARY does (emoji after U+FFFC, é after z)', () => {
    const tieDb = openDb(':memory:')
    const records = trickyRecords(TRICKY_USERS.length * 3, 5).map((r, i) => ({ ...r, apiUser: TRICKY_USERS[i % TRICKY_USERS.length] }))
    writeSource(tieDb, records, 'ties.log')
    const tieIndex = new ColumnIndexService(tieDb, { dbPath: ':memory:' })
    const request = { filter: {}, fields: ['apiUser' as const], limit: 100 }
    const expected = facets(tieDb, request)
    expect(expected.apiUser!.map((v) => v.value)).toEqual([null, '', '50%_off', 'ALICE', 'Alice', 'a\\b', 'alice', 'bob', 'z', 'ÉMILE', 'Émile', 'émile', 'ﬀ', '\uFFFC', '😀'])
    expect(new IndexedQueries(tieDb, tieIndex).facets(request)).toStrictEqual(expected)
    tieIndex.close()
    tieDb.close()
  })
})

function expectErrorOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected an error')
}

describe('the random filters', () => {
  it('mostly match something, so the comparisons above have rows to compare', () => {
    const counts = fc.sample(filterArb, { numRuns: 300, seed: 101 }).map((filter) => countEntries(db, filter))
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(200)
    expect(counts.filter((n) => n > 100).length).toBeGreaterThan(60)
  })
})
