// Filter semantics checked against an independent computation in plain JS on generated data.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { countEntries, queryEntries } from '../../../src/main/query/entries-query'
import { facets } from '../../../src/main/query/facets'
import { histogram } from '../../../src/main/query/histogram'
import { openDb, type Db } from '../../../src/main/store/db'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import type { EntryFilter, FacetField } from '../../../src/shared/types'
import {
  AGENT_USERS, API_USERS, BASE_TS, FUNCTIONS, generateRecords, METHODS, RESULTS, SERVICES, STATUSES, TENANTS, writeSource,
} from '../helpers/generated-store'

let db: Db
let records: Array<EntryRecord & { id: number; sourceId: number }>

beforeAll(() => {
  db = openDb(':memory:')
  const a = generateRecords(1500, 7)
  const b = generateRecords(700, 8)
  const idA = writeSource(db, a, 'a.log')
  const idB = writeSource(db, b, 'b.log')
  records = [...a.map((r, i) => ({ ...r, id: i + 1, sourceId: idA })), ...b.map((r, i) => ({ ...r, id: a.length + i + 1, sourceId: idB }))]
})

const FIELD_OF: Record<string, keyof EntryRecord | 'sourceId'> = {
  apiUser: 'apiUser', agentUser: 'agentUser', function: 'function', result: 'result', method: 'method',
  service: 'service', tenant: 'tenant', clientIp: 'clientIp', sourceId: 'sourceId', correlationId: 'correlationId',
}

function statusMatches(code: number | null | undefined, wanted: string[]): boolean {
  return wanted.some((w) => {
    if (/^\dxx$/.test(w)) return code != null && Math.floor(code / 100) === Number(w[0])
    if (w === 'none') return code == null
    return code === Number(w)
  })
}

/** The reference implementation: plain JS over the generated records. */
function matches(r: (typeof records)[number], filter: EntryFilter, exclude?: string): boolean {
  if (filter.from !== undefined && (r.ts === null || r.ts < Date.parse(filter.from))) return false
  if (filter.to !== undefined && (r.ts === null || r.ts >= Date.parse(filter.to))) return false
  for (const [key, field] of Object.entries(FIELD_OF)) {
    const wanted = filter[key as keyof EntryFilter] as unknown[] | undefined
    if (key === exclude || !wanted || wanted.length === 0) continue
    const value = (r as unknown as Record<string, unknown>)[field] ?? null
    if (!wanted.includes(value)) return false
  }
  if (exclude !== 'statusCode' && filter.statusCode?.length && !statusMatches(r.statusCode, filter.statusCode)) return false
  if (filter.search && !(r.url ?? '').includes(filter.search) && !(r.resultReason ?? '').includes(filter.search)) return false
  return true
}

const someOf = <T,>(values: readonly T[]) => fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined })

const filterArb: fc.Arbitrary<EntryFilter> = fc.record(
  {
    from: fc.option(fc.integer({ min: 0, max: 48 }).map((h) => new Date(BASE_TS + h * 3600_000).toISOString()), { nil: undefined }),
    to: fc.option(fc.integer({ min: 0, max: 49 }).map((h) => new Date(BASE_TS + h * 3600_000).toISOString()), { nil: undefined }),
    apiUser: someOf(API_USERS),
    agentUser: someOf(AGENT_USERS),
    function: someOf(FUNCTIONS),
    result: someOf(RESULTS),
    statusCode: someOf(['2xx', '4xx', '5xx', '404', '0', 'none', ...STATUSES.filter((s) => s !== null).map(String)]),
    method: someOf(METHODS),
    service: someOf(SERVICES),
    tenant: someOf(TENANTS),
    sourceId: someOf([1, 2]),
    search: fc.option(fc.constantFrom('alpha', 'beta', 'Password', 'FOUND'), { nil: undefined }),
  },
  { requiredKeys: [] },
)

describe('query semantics (against plain JS)', () => {
  it('count and rows match for random filters', () => {
    fc.assert(
      fc.property(filterArb, (filter) => {
        const expected = records.filter((r) => matches(r, filter)).map((r) => r.id)
        expect(countEntries(db, filter)).toBe(expected.length)
        const page = queryEntries(db, { filter, sort: { field: 'id', dir: 'asc' }, limit: 10_000 })
        expect(page.rows.map((r) => r.id)).toEqual(expected)
      }),
      { numRuns: 150, seed: 20240501 },
    )
  })

  it('facets exclude their own field and count under the others', () => {
    const fields: FacetField[] = ['apiUser', 'agentUser', 'function', 'result', 'statusCode', 'method', 'service', 'tenant', 'sourceId']
    fc.assert(
      fc.property(filterArb, (filter) => {
        const result = facets(db, { filter, fields, limit: 1000 })
        for (const field of fields) {
          const counts = new Map<unknown, number>()
          for (const r of records) {
            if (!matches(r, filter, field)) continue
            const value = field === 'sourceId' ? r.sourceId : ((r as unknown as Record<string, unknown>)[field] ?? null)
            counts.set(value, (counts.get(value) ?? 0) + 1)
          }
          const actual = new Map(result[field]!.map((v) => [v.value, v.count]))
          expect(actual).toEqual(counts)
          const ordered = result[field]!.map((v) => v.count)
          expect(ordered).toEqual([...ordered].sort((x, y) => y - x))
        }
      }),
      { numRuns: 60, seed: 7 },
    )
  })

  it('histogram buckets add up to the matching timed entries, split by result', () => {
    fc.assert(
      fc.property(filterArb, (filter) => {
        const h = histogram(db, { filter, buckets: 50 })
        const timed = records.filter((r) => matches(r, filter) && r.ts !== null)
        for (const kind of RESULTS) {
          const total = h.buckets.reduce((sum, b) => sum + b[kind], 0)
          expect(total).toBe(timed.filter((r) => r.result === kind).length)
        }
        for (const r of timed.slice(0, 50)) {
          const index = Math.floor((r.ts! - Date.parse(h.buckets[0].start)) / h.bucketMs)
          expect(h.buckets[index][r.result]).toBeGreaterThan(0)
        }
      }),
      { numRuns: 60, seed: 99 },
    )
  })

  it('sorts by any column with a stable tie-break and pages without gaps', () => {
    const filter: EntryFilter = { result: ['error'] }
    const all = queryEntries(db, { filter, sort: { field: 'apiUser', dir: 'desc' }, limit: 10_000 }).rows
    const paged = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap(
      (p) => queryEntries(db, { filter, sort: { field: 'apiUser', dir: 'desc' }, offset: p * 100, limit: 100 }).rows,
    )
    expect(paged.map((r) => r.id)).toEqual(all.slice(0, 1000).map((r) => r.id))
    const users = all.map((r) => r.apiUser ?? '')
    expect(users).toEqual([...users].sort().reverse())
  })
})

describe('locateEntry', () => {
  it('gives the index the paged query puts each entry at, for any sort', async () => {
    const { locateEntry } = await import('../../../src/main/query/locate-entry')
    const { SORT_FIELDS } = await import('../../../src/shared/types')
    fc.assert(
      fc.property(filterArb, fc.constantFrom(...SORT_FIELDS), fc.constantFrom('asc' as const, 'desc' as const), fc.nat(), (filter, field, dir, pickAt) => {
        const sort = { field, dir }
        const rows = queryEntries(db, { filter, sort, limit: 10_000 }).rows
        if (rows.length === 0) return
        const target = rows[pickAt % rows.length]
        expect(locateEntry(db, filter, sort, target.id)).toBe(pickAt % rows.length)
        const outside = records.find((r) => !matches(r, filter))
        if (outside) expect(locateEntry(db, filter, sort, outside.id)).toBeNull()
      }),
      { numRuns: 150, seed: 5 },
    )
  })
})
