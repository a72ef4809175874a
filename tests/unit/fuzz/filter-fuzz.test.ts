// Property-based fuzzing of the filter / query layer: random arguments through the dispatch schemas
// (anything at all, and well-typed filters with hostile strings) and straight into compileFilter.
// The only acceptable failure is a typed bad-argument (or not-found for a missing source): never
// an internal error, which is what an SQL error, a stack overflow or a crash would come back as.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../../src/main/backend'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { compileFilter, QueryError } from '../../../src/main/query/compile-filter'
import { FACET_FIELDS, FILTER_FIELDS, RESULT_KINDS, SORT_FIELDS, type EntryFilter } from '../../../src/shared/types'
import { generateRecords, writeSource } from '../helpers/generated-store'
import { fuzzRuns, fuzzSeeds } from './seeds'

let backend: Backend
beforeAll(() => {
  backend = createBackend({ dbPath: ':memory:', workerPath: null })
  writeSource(backend.db, generateRecords(300, 11), 'a.log')
  writeSource(backend.db, generateRecords(200, 12), 'b.log')
})

/** Text that means something to SQL, FTS5, JSON, dates or the status parser. */
const TRICKY = [
  "'", '"', '""', "'; DROP TABLE entries; --", ' OR 1=1', '%', '_', '\\', '*', '"*', 'NEAR(a b)', 'a AND', 'OR', 'NOT',
  '-x', '^x', 'col:x', '{a b}', '(', ')', '\u0000', '\uFFFD', '\uD800', '\u202E', '', ' ', '4xx', '6xx', '0', '000',
  '-1', '1e309', 'none', 'NaN', '2024-05-01T10:00:00Z', '2024-13-45', '99999999999999999999', '0000000000', 'yesterday',
  'null', '[]', '{}', 'x'.repeat(10_000),
]

const text = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 8 }))
const list = fc.array(fc.option(text, { nil: null }), { maxLength: 30 })

/** Filters of the right shape: any failure must come from the values (a QueryError). */
const typedFilter: fc.Arbitrary<EntryFilter> = fc.record(
  {
    from: text,
    to: text,
    apiUser: list,
    agentUser: list,
    function: list,
    method: list,
    service: list,
    tenant: list,
    clientIp: list,
    result: fc.array(fc.constantFrom(...RESULT_KINDS), { maxLength: 4 }),
    statusCode: fc.array(text, { maxLength: 10 }),
    sourceId: fc.array(fc.oneof(fc.integer(), fc.constantFrom(1, 2, 0, -1, Number.MAX_SAFE_INTEGER)), { maxLength: 10 }),
    correlationId: fc.array(text, { maxLength: 10 }),
    search: text,
  },
  { requiredKeys: [] },
)

/** Anything at all where a filter belongs, including wrong types, extra keys and nesting. */
const anyFilter = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom(...FILTER_FIELDS, 'from', 'to', 'search', '__proto__', 'constructor', 'x'), fc.anything({ maxDepth: 3 })),
  typedFilter,
)

const sort = fc.option(fc.record({ field: fc.oneof(fc.constantFrom(...SORT_FIELDS), text), dir: fc.oneof(fc.constantFrom('asc', 'desc'), text) }), { nil: undefined })
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 10_000, 10_001, 2 ** 53))

/** Calls a method with an argument built around a filter. */
const call = fc.oneof(
  fc.record({ filter: anyFilter, sort, offset: fc.option(number, { nil: undefined }), limit: fc.option(number, { nil: undefined }) }).map((arg) => ['queryEntries', arg] as const),
  anyFilter.map((filter) => ['countEntries', { filter }] as const),
  fc.record({ filter: anyFilter, fields: fc.array(fc.oneof(fc.constantFrom(...FACET_FIELDS), text), { maxLength: 4 }), contains: fc.option(text, { nil: undefined }) }).map((arg) => ['getFacets', arg] as const),
  fc.record({ filter: anyFilter, buckets: fc.option(number, { nil: undefined }) }).map((arg) => ['getHistogram', arg] as const),
  fc.record({ filter: anyFilter }).map((arg) => ['getTenantStats', arg] as const),
  fc.record({ a: fc.constantFrom(1, 2, 3), b: fc.constantFrom(1, 2), filter: anyFilter }).map((arg) => ['compareSources', arg] as const),
  fc.record({ from: text, to: text }, { requiredKeys: [] }).map((arg) => ['getFindings', arg] as const),
  fc.anything({ maxDepth: 3 }).map((arg) => ['queryEntries', arg] as const),
)

describe('filter and query fuzzing', () => {
  it('dispatch answers every argument with a value or a bad-argument / not-found error', async () => {
    for (const seed of fuzzSeeds()) {
      await fc.assert(
        fc.asyncProperty(call, async ([method, arg]) => {
          const reply = await dispatch(backend.api, method, arg)
          if (!reply.ok) expect(['bad-argument', 'not-found'], `${method}: ${reply.error.message}`).toContain(reply.error.code)
        }),
        { seed, numRuns: fuzzRuns(300) },
      )
    }
  }, 120_000)

  it('compileFilter yields SQL SQLite accepts, or a QueryError', () => {
    for (const seed of fuzzSeeds()) {
      fc.assert(
        fc.property(typedFilter, fc.constantFrom<Array<(typeof FILTER_FIELDS)[number] | undefined>>(undefined, ...FILTER_FIELDS), (filter, exclude) => {
          let where
          try {
            where = compileFilter(filter, exclude)
          } catch (error) {
            expect(error).toBeInstanceOf(QueryError)
            return
          }
          const row = backend.db.prepare(`SELECT count(*) AS n FROM entries e WHERE ${where.sql}`).get(...where.params) as { n: number }
          expect(row.n).toBeGreaterThanOrEqual(0)
        }),
        { seed, numRuns: fuzzRuns(500) },
      )
    }
  })

  it('a filter with 10 000 values in every list field is answered, and long lists mean the same as short ones', async () => {
    const values = (prefix: string) => Array.from({ length: 10_000 }, (_, i) => `${prefix}${i}`)
    const filter: EntryFilter = { apiUser: values('u'), agentUser: values('a'), function: values('f'), method: values('m'), service: values('s'), tenant: values('t'), clientIp: values('c'), correlationId: values('r') }
    for (const method of ['countEntries', 'queryEntries', 'getHistogram', 'getTenantStats'] as const) {
      const reply = await dispatch(backend.api, method, { filter })
      expect(reply.ok, `${method}: ${JSON.stringify(reply).slice(0, 200)}`).toBe(true)
    }
    const users = (backend.db.prepare('SELECT DISTINCT api_user AS u FROM entries WHERE api_user IS NOT NULL ORDER BY u').all() as Array<{ u: string }>).map((r) => r.u)
    expect(users.length).toBeGreaterThan(1)
    const padded = [...values('nobody-'), ...users.slice(0, 2), null]
    const long = await backend.api.countEntries({ filter: { apiUser: padded } })
    const short = await backend.api.countEntries({ filter: { apiUser: [...users.slice(0, 2), null] } })
    expect(long.count).toBe(short.count)
    expect(long.count).toBeGreaterThan(0)
  })
})
