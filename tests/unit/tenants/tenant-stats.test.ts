import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { countEntries, queryEntries } from '../../../src/main/query/entries-query'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { tenantStats } from '../../../src/main/tenants/tenant-stats'
import type { EntryFilter, EntryRow } from '../../../src/shared/types'
import { generateRecords, rng, writeSource } from '../helpers/generated-store'
import { memoryDb } from '../helpers/store'

/** Nearest-rank percentile computed the plain way: sort, take element ceil(p% × n) (1-based). */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.ceil((p * sorted.length) / 100) - 1]
}

function expectedStats(rows: EntryRow[]) {
  const groups = new Map<string | null, EntryRow[]>()
  for (const row of rows) groups.set(row.tenant, [...(groups.get(row.tenant) ?? []), row])
  return [...groups].map(([tenant, list]) => {
    const durations = list.map((r) => r.durationMs).filter((d): d is number => d !== null)
    const times = list.map((r) => r.ts).filter((t): t is string => t !== null).sort()
    const errors = list.filter((r) => r.result === 'error').length
    return {
      tenant,
      count: list.length,
      errors,
      errorRate: errors / list.length,
      timedCount: durations.length,
      p50Ms: percentile(durations, 50),
      p95Ms: percentile(durations, 95),
      firstTs: times[0] ?? null,
      lastTs: times[times.length - 1] ?? null,
    }
  })
}

const allRows = (db: ReturnType<typeof memoryDb>, filter: EntryFilter = {}) =>
  queryEntries(db, { filter, limit: 10_000 }).rows

describe('tenantStats', () => {
  it('matches a plain JS computation per tenant on generated data, with and without filters', () => {
    const db = memoryDb()
    const records = generateRecords(4000, 11)
    const random = rng(5)
    // a quarter of the durations missing, and fractional ones, so ranks and nulls both matter
    for (const r of records) r.durationMs = random() < 0.25 ? null : Math.round(random() * 100_000) / 100
    writeSource(db, records)
    for (const filter of [{}, { result: ['error' as const] }, { apiUser: ['dialer', null], statusCode: ['5xx'] }]) {
      const result = tenantStats(db, { filter })
      const expected = expectedStats(allRows(db, filter))
      expect(result.tenantCount).toBe(expected.length)
      for (const stats of result.tenants) {
        const { filter: tenantFilter, ...numbers } = stats
        expect(numbers, `${JSON.stringify(filter)} ${stats.tenant}`).toEqual(expected.find((e) => e.tenant === stats.tenant))
        expect(tenantFilter).toEqual({ ...filter, tenant: [stats.tenant] })
        expect(countEntries(db, tenantFilter)).toBe(stats.count)
      }
    }
  })

  it('uses the nearest rank: p95 of 1..20 ms is 19, p50 is 10; a single value is both', () => {
    const db = memoryDb()
    const records: EntryRecord[] = []
    const add = (tenant: string | null, durationMs: number | null, result: 'success' | 'error' = 'success') =>
      records.push({ position: records.length + 1, ts: Date.UTC(2024, 0, 1) + records.length * 60_000, tenant, durationMs, result, raw: 'x' })
    for (let ms = 20; ms >= 1; ms--) add('acme', ms, ms % 5 === 0 ? 'error' : 'success')
    add('solo', 42)
    add('solo', null)
    add(null, null, 'error')
    writeSource(db, records)
    const { tenants, tenantCount } = tenantStats(db, { filter: {} })
    expect(tenantCount).toBe(3)
    expect(tenants.map(({ filter: _f, ...t }) => t)).toEqual([
      {
        tenant: 'acme',
        count: 20,
        errors: 4,
        errorRate: 0.2,
        timedCount: 20,
        p50Ms: 10,
        p95Ms: 19,
        firstTs: '2024-01-01T00:00:00.000Z',
        lastTs: '2024-01-01T00:19:00.000Z',
      },
      { tenant: 'solo', count: 2, errors: 0, errorRate: 0, timedCount: 1, p50Ms: 42, p95Ms: 42, firstTs: '2024-01-01T00:20:00.000Z', lastTs: '2024-01-01T00:21:00.000Z' },
      { tenant: null, count: 1, errors: 1, errorRate: 1, timedCount: 0, p50Ms: null, p95Ms: null, firstTs: '2024-01-01T00:22:00.000Z', lastTs: '2024-01-01T00:22:00.000Z' },
    ])
  })

  it('returns the busiest tenants first up to the limit, with the total count', () => {
    const db = memoryDb()
    const records: EntryRecord[] = []
    for (const [tenant, n] of [['b', 3], ['a', 3], ['c', 5], ['d', 1]] as const) {
      for (let i = 0; i < n; i++) records.push({ position: records.length + 1, ts: null, tenant, result: 'success', raw: 'x' })
    }
    writeSource(db, records)
    expect(tenantStats(db, { filter: {} }).tenants.map((t) => t.tenant)).toEqual(['c', 'a', 'b', 'd'])
    const limited = tenantStats(db, { filter: {}, limit: 2 })
    expect([limited.tenants.map((t) => t.tenant), limited.tenantCount]).toEqual([['c', 'a'], 4])
    expect(tenantStats(db, { filter: { tenant: ['zzz'] } })).toEqual({ tenants: [], tenantCount: 0 })
  })

  it('keeps look-alike tenants apart: "" and none, "007" and "7", text that looks like a number', () => {
    const db = memoryDb()
    const tenants = ['', null, '007', '7', '1e3', '', '007', 'X\u0000Y']
    writeSource(db, tenants.map((tenant, i): EntryRecord => ({ position: i + 1, ts: null, tenant, durationMs: i, result: 'success', raw: 'x' })))
    const result = tenantStats(db, { filter: {} })
    // busiest first, then by name, no tenant last
    expect(result.tenants.map((t) => [t.tenant, t.count, t.p50Ms])).toEqual([
      ['', 2, 0],
      ['007', 2, 2],
      ['1e3', 1, 4],
      ['7', 1, 3],
      ['X\u0000Y', 1, 7],
      [null, 1, 1],
    ])
    for (const t of result.tenants) expect(countEntries(db, t.filter)).toBe(t.count)
  })

  it('is served over the API with argument checks', async () => {
    const backend = createBackend({ dbPath: ':memory:', workerPath: null })
    try {
      writeSource(backend.db, generateRecords(200, 2))
      const reply = await dispatch(backend.api, 'getTenantStats', { filter: { tenant: ['acme'] } })
      expect(reply.ok && (reply.value as { tenants: Array<{ tenant: string }> }).tenants.map((t) => t.tenant)).toEqual(['acme'])
      const bad = await dispatch(backend.api, 'getTenantStats', { filter: {}, limit: 0 })
      expect(bad.ok).toBe(false)
    } finally {
      backend.close()
    }
  })
})
