// Per-tenant volume, errors, latency percentiles and first/last seen, computed in SQL without
// loading rows: a grouping per tenant for the counts, a (tenant, duration) histogram for p50 / p95.
import type { EntryFilter } from '../../shared/types'
import type { TenantStats, TenantStatsRequest, TenantStatsResult } from '../../shared/tenant-types'
import { compileFilter, type SqlFragment } from '../query/compile-filter'
import { toIso } from '../store/columns'
import { GROUP_TABLE, groupEntries, groupKey, type GroupAggregate } from '../query/group-entries'
import type { Db } from '../store/db'
import { compareNullableText } from '../util/nullable-order'

export const DEFAULT_TENANT_LIMIT = 1000
export const MAX_TENANT_LIMIT = 100_000

interface VolumeRow {
  tenant: string | null
  count: number
  errors: number
  lo: number | null
  hi: number | null
}

interface LatencyRow {
  tenant: string | null
  timed: number
  p50: number | null
  p95: number | null
}

const VOLUME: GroupAggregate[] = [
  { name: 'count', expr: '1', fold: 'sum' },
  { name: 'errors', expr: "e.result = 'error'", fold: 'sum' },
  { name: 'lo', expr: 'e.ts', fold: 'min' },
  { name: 'hi', expr: 'e.ts', fold: 'max' },
]

function volumes(db: Db, where: SqlFragment): VolumeRow[] {
  const spec = { keys: ['e.tenant'], aggregates: VOLUME, params: [], where }
  return groupEntries(db, spec, () =>
    db.prepare(`SELECT ${groupKey(0)} AS tenant, count, errors, lo, hi FROM ${GROUP_TABLE}`).all(),
  ) as VolumeRow[]
}

/**
 * p50 / p95 are nearest-rank percentiles: the value at rank r = ceil(p/100 × t) of a tenant's t
 * durations in ascending order (p95 of 1..20 is 19; p50 of one value is that value). Over a
 * (tenant, duration) → count histogram that is the smallest duration whose running count reaches
 * r: running × 100 >= p × t. (Kept apart from the volume grouping: narrow rows upsert faster.)
 */
const READ_PERCENTILES = `
  SELECT ${groupKey(0)} AS tenant, max(timed) AS timed,
    min(CASE WHEN running * 100 >= timed * 50 THEN k1 END) AS p50,
    min(CASE WHEN running * 100 >= timed * 95 THEN k1 END) AS p95
  FROM (
    SELECT k0, k1,
      sum(n) OVER (PARTITION BY k0 ORDER BY k1 ROWS UNBOUNDED PRECEDING) AS running,
      sum(n) OVER (PARTITION BY k0) AS timed
    FROM ${GROUP_TABLE}
  )
  GROUP BY k0`

function latencies(db: Db, where: SqlFragment): Map<string | null, LatencyRow> {
  const spec = {
    keys: ['e.tenant', 'e.duration_ms'],
    aggregates: [{ name: 'n', expr: '1', fold: 'sum' }] satisfies GroupAggregate[],
    params: [],
    where: { sql: `e.duration_ms IS NOT NULL AND (${where.sql})`, params: where.params },
  }
  const rows = groupEntries(db, spec, () => db.prepare(READ_PERCENTILES).all()) as LatencyRow[]
  return new Map(rows.map((row) => [row.tenant, row]))
}

function byVolume(x: TenantStats, y: TenantStats): number {
  if (x.count !== y.count) return y.count - x.count
  return compareNullableText(x.tenant, y.tenant)
}

function toStats(row: VolumeRow, latency: LatencyRow | undefined, filter: EntryFilter): TenantStats {
  return {
    tenant: row.tenant,
    count: row.count,
    errors: row.errors,
    errorRate: row.count > 0 ? row.errors / row.count : 0,
    timedCount: latency?.timed ?? 0,
    p50Ms: latency?.p50 ?? null,
    p95Ms: latency?.p95 ?? null,
    firstTs: toIso(row.lo),
    lastTs: toIso(row.hi),
    filter: { ...filter, tenant: [row.tenant] },
  }
}

/** Stats per tenant under `filter` (its own tenant list included), busiest tenant first. */
export function tenantStats(db: Db, request: TenantStatsRequest): TenantStatsResult {
  const where = compileFilter(request.filter)
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? DEFAULT_TENANT_LIMIT), 1), MAX_TENANT_LIMIT)
  const latency = latencies(db, where)
  const tenants = volumes(db, where)
    .map((row) => toStats(row, latency.get(row.tenant), request.filter))
    .sort(byVolume)
  return { tenants: tenants.slice(0, limit), tenantCount: tenants.length }
}
