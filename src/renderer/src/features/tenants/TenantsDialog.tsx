// Per tenant / consumer under the current filters (leaving out the tenant filter itself): volume, errors,
// error rate, p50 / p95 latency, first and last seen. Sortable; a row filters the grid to that tenant.
import { useState } from 'react'
import type { TenantStats } from '../../../../shared/tenant-types'
import type { EntryFilter } from '../../../../shared/types'
import { Dialog } from '../../components/Dialog'
import { VisibleText } from '../../components/VisibleText'
import { useAsync } from '../../hooks/use-async'
import { formatCount, plural } from '../../lib/format'
import { formatDateTime, formatDuration } from '../../lib/time-format'
import { toVisibleText } from '../../lib/visible-text'
import { useApi } from '../../services'
import { useSettings } from '../../settings'
import { summarizeFilter, type ValueFormatter } from '../filters/filter-model'
import { formatRate } from '../compare/compare-model'
import { DEFAULT_TENANT_SORT, nextSort, sortTenants, tenantTableFilter, type TenantColumn, type TenantSort } from './tenants-model'

export interface TenantsDialogProps {
  filter: EntryFilter
  format: ValueFormatter
  onFilter: (filter: EntryFilter) => void
  onClose: () => void
}

const COLUMNS: ReadonlyArray<{ key: TenantColumn; label: string; numeric?: boolean }> = [
  { key: 'tenant', label: 'Tenant' },
  { key: 'count', label: 'Entries', numeric: true },
  { key: 'errors', label: 'Errors', numeric: true },
  { key: 'errorRate', label: 'Error rate', numeric: true },
  { key: 'p50Ms', label: 'p50', numeric: true },
  { key: 'p95Ms', label: 'p95', numeric: true },
  { key: 'firstTs', label: 'First seen' },
  { key: 'lastTs', label: 'Last seen' },
]

export function TenantsDialog({ filter, format, onFilter, onClose }: TenantsDialogProps) {
  const api = useApi()
  const { timeMode } = useSettings()
  const [sort, setSort] = useState<TenantSort>(DEFAULT_TENANT_SORT)
  const base = tenantTableFilter(filter)
  const stats = useAsync(() => api.getTenantStats({ filter: base }), JSON.stringify(base))
  const summary = summarizeFilter(base, format, timeMode)
  const apply = (row: TenantStats) => {
    onFilter(row.filter)
    onClose()
  }
  const value = stats.value
  return (
    <Dialog title="Tenants" onClose={onClose} className="dialog-wide dialog-tenants">
      <p className="muted tenants-context">
        {summary ? `Under the current filters (${summary}), the tenant filter left out.` : 'All entries in the store.'}
        {filter.tenant?.length ? ' The grid shows only the tenants picked in the Tenant filter.' : ''}
      </p>
      {stats.error ? (
        <p className="error-text" role="alert">Could not load the tenants: {stats.error.message}</p>
      ) : !value ? (
        <p className="muted" aria-busy="true">Counting per tenant…</p>
      ) : value.tenants.length === 0 ? (
        <p className="muted">No entries match.</p>
      ) : (
        <>
          <p className="tenants-count" role="status">
            {value.tenants.every((t) => t.tenant === null)
              ? 'No entry here names a tenant (gateway logs such as Kong, AWS API Gateway or Cloudflare do).'
              : `${plural(value.tenantCount, 'tenant')}${value.tenants.some((t) => t.tenant === null) ? ' (one of them: entries without a tenant)' : ''}`}
            {value.tenants.length < value.tenantCount && ` — the ${formatCount(value.tenants.length)} busiest are listed`}
          </p>
          <div className="tenants-table-wrap" aria-busy={stats.loading}>
            <table className="tenants-table" aria-label="Entries per tenant">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th
                      key={c.key}
                      scope="col"
                      className={c.numeric ? 'num' : undefined}
                      aria-sort={sort.column === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    >
                      <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, c.key))}>
                        {c.label}
                        <span className="sort-mark" aria-hidden="true">
                          {sort.column === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                        </span>
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sortTenants(value.tenants, sort).map((row) => (
                  <TenantRow key={row.tenant ?? '\u0000none'} row={row} onPick={() => apply(row)} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Dialog>
  )
}

function TenantRow({ row, onPick }: { row: TenantStats; onPick: () => void }) {
  const { timeMode } = useSettings()
  const name = row.tenant ?? '(no tenant)'
  const timed = `over the ${plural(row.timedCount, 'entry', 'entries')} with a duration`
  return (
    <tr className={row.errors > 0 ? 'tenant-row has-errors' : 'tenant-row'} onClick={onPick}>
      <th scope="row">
        <button
          type="button"
          className="link-button"
          aria-label={`Show only tenant ${toVisibleText(name)}`}
          onClick={(e) => {
            e.stopPropagation()
            onPick()
          }}
        >
          {row.tenant === null ? <span className="empty-value">(no tenant)</span> : <VisibleText text={row.tenant} />}
        </button>
      </th>
      <td className="num">{formatCount(row.count)}</td>
      <td className={row.errors > 0 ? 'num error-text' : 'num'}>{formatCount(row.errors)}</td>
      <td className="num">{formatRate(row.errorRate)}</td>
      <td className="num" title={timed}>{row.p50Ms === null ? '–' : formatDuration(row.p50Ms)}</td>
      <td className="num" title={timed}>{row.p95Ms === null ? '–' : formatDuration(row.p95Ms)}</td>
      <td className="nowrap">{row.firstTs ? formatDateTime(row.firstTs, timeMode) : '–'}</td>
      <td className="nowrap">{row.lastTs ? formatDateTime(row.lastTs, timeMode) : '–'}</td>
    </tr>
  )
}
