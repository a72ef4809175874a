// Sorting the per-tenant table, and the filter it is computed under.
import type { TenantStats } from '../../../../shared/tenant-types'
import type { EntryFilter } from '../../../../shared/types'
import { setValues } from '../filters/filter-model'

export type TenantColumn = 'tenant' | 'count' | 'errors' | 'errorRate' | 'p50Ms' | 'p95Ms' | 'firstTs' | 'lastTs'
export interface TenantSort {
  column: TenantColumn
  dir: 'asc' | 'desc'
}

/** Busiest first, as the backend sends them. */
export const DEFAULT_TENANT_SORT: TenantSort = { column: 'count', dir: 'desc' }

/** The current filter without its tenant values: the table lists every tenant the rest lets through. */
export function tenantTableFilter(filter: EntryFilter): EntryFilter {
  return setValues(filter, 'tenant', [])
}

type Key = string | number | null

function keyOf(row: TenantStats, column: TenantColumn): Key {
  if (column === 'tenant') return row.tenant === null ? null : row.tenant.toLowerCase()
  return row[column]
}

/** Sorted copy; empty values (no tenant, no latency) always last, ties by volume then name. */
export function sortTenants(rows: readonly TenantStats[], sort: TenantSort): TenantStats[] {
  const sign = sort.dir === 'asc' ? 1 : -1
  return [...rows].sort((x, y) => {
    const a = keyOf(x, sort.column)
    const b = keyOf(y, sort.column)
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1
    } else if (a !== b) {
      return (a < b ? -1 : 1) * sign
    }
    return y.count - x.count || (x.tenant ?? '\uffff').localeCompare(y.tenant ?? '\uffff')
  })
}

/** Clicking a header: a new column starts in its natural direction, the same column flips. */
export function nextSort(current: TenantSort, column: TenantColumn): TenantSort {
  if (current.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  return { column, dir: column === 'tenant' || column === 'firstTs' ? 'asc' : 'desc' }
}
