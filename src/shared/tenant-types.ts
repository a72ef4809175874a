// Per-tenant table: volume, errors, latency percentiles and first/last seen per tenant/consumer.
import type { EntryFilter } from './types'

export interface TenantStatsRequest {
  filter: EntryFilter
  /** most tenants returned, busiest first; default 1000 */
  limit?: number
}

export interface TenantStats {
  /** null: entries without a tenant */
  tenant: string | null
  count: number
  errors: number
  /** errors / count */
  errorRate: number
  /** entries with a duration (the percentiles are over these) */
  timedCount: number
  /** nearest-rank percentiles of durationMs; null when no entry has a duration */
  p50Ms: number | null
  p95Ms: number | null
  firstTs: string | null
  lastTs: string | null
  /** the request's filter narrowed to this tenant */
  filter: EntryFilter
}

export interface TenantStatsResult {
  tenants: TenantStats[]
  /** distinct tenants in all (tenants may be fewer, see TenantStatsRequest.limit) */
  tenantCount: number
}
