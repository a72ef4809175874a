// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CompareCell, CompareRequest, CompareResult, CompareRow } from '../../src/shared/compare-types'
import type { TenantStats, TenantStatsRequest } from '../../src/shared/tenant-types'
import type { EntryFilter, SourceInfo } from '../../src/shared/types'
import {
  defaultPair,
  formatDelta,
  formatPoints,
  formatRate,
  pickPair,
} from '../../src/renderer/src/features/compare/compare-model'
import { CompareDialog } from '../../src/renderer/src/features/compare/CompareDialog'
import { makeValueFormatter } from '../../src/renderer/src/features/filters/value-format'
import { nextSort, sortTenants, tenantTableFilter } from '../../src/renderer/src/features/tenants/tenants-model'
import { TenantsDialog } from '../../src/renderer/src/features/tenants/TenantsDialog'
import { fakeBackend, renderWith } from './fake-services'

function source(id: number, name: string, lastTs: string): SourceInfo {
  return {
    id, name, lastTs, secretsKept: false, path: null, size: 1, sha256: String(id), format: 'vicidial', mapping: null,
    timeZone: 'UTC', importedAt: '2024-05-01T00:00:00Z', entryCount: 100 * id, skippedCount: 0, errorCount: 0, errors: [],
    firstTs: lastTs, durationMs: 1,
  }
}

const cell = (countA: number, countB: number, filter: EntryFilter | null): CompareCell => ({
  countA, countB, delta: countB - countA, filter, filterA: filter && { ...filter, sourceId: [1] }, filterB: filter && { ...filter, sourceId: [2] },
})

function compareRow(fn: string | null, success: [number, number], error: [number, number], regression: number): CompareRow {
  const filter = { function: [fn], sourceId: [1, 2] }
  const countA = success[0] + error[0]
  const countB = success[1] + error[1]
  const rate = (e: number, n: number) => (n === 0 ? null : e / n)
  const errorRateA = rate(error[0], countA)
  const errorRateB = rate(error[1], countB)
  return {
    function: fn, countA, countB, delta: countB - countA, errorsA: error[0], errorsB: error[1], errorRateA, errorRateB,
    errorRateDelta: errorRateA === null || errorRateB === null ? null : errorRateB - errorRateA, regression,
    cells: {
      success: cell(success[0], success[1], { ...filter, result: ['success'] }),
      error: cell(error[0], error[1], { ...filter, result: ['error'] }),
      notice: cell(0, 0, null),
    },
    filter,
  }
}

const RESULT: CompareResult = {
  a: { sourceId: 1, name: 'monday.csv', total: 120, errors: 2, errorRate: 2 / 120, firstTs: '2024-03-11T08:00:00Z', lastTs: '2024-03-11T18:00:00Z' },
  b: { sourceId: 2, name: 'tuesday.csv', total: 130, errors: 32, errorRate: 32 / 130, firstTs: '2024-03-12T08:00:00Z', lastTs: '2024-03-12T18:00:00Z' },
  rows: [compareRow('update_lead', [50, 20], [0, 30], 30), compareRow('add_lead', [60, 70], [2, 2], -0.3)],
  functionCount: 3,
  onlyInA: {
    functions: { total: 1, items: [{ value: 'logout', count: 8, filter: { function: ['logout'], sourceId: [1] } }] },
    apiUsers: { total: 0, items: [] },
    agentUsers: { total: 0, items: [] },
  },
  onlyInB: {
    functions: { total: 0, items: [] },
    apiUsers: { total: 3, items: [{ value: 'newbot', count: 8, filter: { apiUser: ['newbot'], sourceId: [2] } }] },
    agentUsers: { total: 0, items: [] },
  },
}

describe('compare model', () => {
  it('formats signed deltas, rates and percentage points', () => {
    expect([formatDelta(3), formatDelta(-2), formatDelta(0), formatDelta(-0.25)]).toEqual(['+3', '−2', '0', '−0.3'])
    expect([formatRate(1 / 3), formatRate(null), formatRate(0)]).toEqual(['33.3%', '–', '0.0%'])
    expect([formatPoints(0.125), formatPoints(-0.03), formatPoints(0.0001), formatPoints(null)]).toEqual(['+12.5 pp', '−3.0 pp', '±0 pp', '–'])
  })

  it('picks A as the older and B as the newer of the two newest sources, unless a valid pair is remembered', () => {
    const sources = [source(1, 'a', '2024-03-12T00:00:00Z'), source(2, 'b', '2024-03-10T00:00:00Z'), source(3, 'c', '2024-03-11T00:00:00Z')]
    expect(defaultPair(sources)).toEqual({ a: 3, b: 1 })
    expect(defaultPair(sources.slice(0, 1))).toBeNull()
    expect(pickPair(sources, { a: 2, b: 3 })).toEqual({ a: 2, b: 3 })
    expect(pickPair(sources, { a: 2, b: 9 })).toEqual({ a: 3, b: 1 })
    expect(pickPair(sources, { a: 2, b: 2 })).toEqual({ a: 3, b: 1 })
  })
})

describe('compare dialog', () => {
  const sources = [source(1, 'monday.csv', '2024-03-11T18:00:00Z'), source(2, 'tuesday.csv', '2024-03-12T18:00:00Z')]
  let requests: CompareRequest[]
  const onFilter = vi.fn()
  const onClose = vi.fn()
  beforeEach(() => {
    localStorage.clear()
    requests = []
    onFilter.mockClear()
    onClose.mockClear()
  })
  afterEach(cleanup)
  const backend = () =>
    fakeBackend({
      compareSources: async (req) => {
        requests.push(req)
        return RESULT
      },
    })

  it('shows both sides, the error-rate change and the matrix with the regression first, colour plus words', async () => {
    renderWith(backend(), <CompareDialog sources={sources} filter={{ sourceId: [1] }} onFilter={onFilter} onClose={onClose} />)
    const change = await screen.findByTestId('error-rate-change')
    expect(change.textContent).toBe('Error rate1.7% → 24.6%+22.9 pp (worse) · errors +30')
    expect(change.className).toContain('tone-worse')
    expect(requests).toEqual([{ a: 1, b: 2 }])
    const table = screen.getByRole('table', { name: 'Function × Result, A against B' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['update_lead', 'add_lead'])
    expect(rows[0].textContent).toContain('0.0% → 60.0% (+60.0 pp, worse)')
    expect(rows[0].className).toContain('is-regression')
    expect(rows[1].className).not.toContain('is-regression')
    const errorCell = within(table).getByRole('button', { name: 'update_lead, Error: 0 in A, 30 in B (+30, worse)' })
    expect(errorCell.textContent).toBe('0 → 30 (+30)')
    expect(within(table).getByRole('button', { name: 'update_lead, Success: 50 in A, 20 in B (−30)' })).toBeTruthy()
    expect(screen.getByRole('note').textContent).toBe('Showing the 2 functions with the biggest changes of 3.')
  })

  it('clicking a cell or an "only in" value filters the grid and closes', async () => {
    const user = userEvent.setup()
    renderWith(backend(), <CompareDialog sources={sources} filter={{}} onFilter={onFilter} onClose={onClose} />)
    await user.click(await screen.findByRole('button', { name: /^update_lead, Error:/ }))
    expect(onFilter).toHaveBeenLastCalledWith({ function: ['update_lead'], sourceId: [1, 2], result: ['error'] })
    expect(onClose).toHaveBeenCalledTimes(1)
    const onlyB = screen.getByRole('region', { name: 'Only in B — tuesday.csv' })
    expect(within(onlyB).getByRole('list', { name: 'API Users' }).textContent).toContain('and 2 more not listed')
    await user.click(within(onlyB).getByRole('button', { name: /newbot/ }))
    expect(onFilter).toHaveBeenLastCalledWith({ apiUser: ['newbot'], sourceId: [2] })
    const onlyA = screen.getByRole('region', { name: 'Only in A — monday.csv' })
    await user.click(within(onlyA).getByRole('button', { name: /logout/ }))
    expect(onFilter).toHaveBeenLastCalledWith({ function: ['logout'], sourceId: [1] })
  })

  it('narrows both sides by the current filters (not their source) when asked, and swaps A and B', async () => {
    const user = userEvent.setup()
    renderWith(backend(), <CompareDialog sources={sources} filter={{ apiUser: ['crmsync'], sourceId: [1] }} onFilter={onFilter} onClose={onClose} />)
    await screen.findByTestId('error-rate-change')
    await user.click(screen.getByRole('checkbox', { name: 'Only entries matching the current filters' }))
    await waitFor(() => expect(requests.at(-1)).toEqual({ a: 1, b: 2, filter: { apiUser: ['crmsync'] } }))
    await user.click(screen.getByRole('button', { name: 'Swap' }))
    await waitFor(() => expect(requests.at(-1)).toEqual({ a: 2, b: 1, filter: { apiUser: ['crmsync'] } }))
    expect((screen.getByRole('combobox', { name: 'A — works' }) as HTMLSelectElement).value).toBe('2')
  })

  it('needs two sources', () => {
    renderWith(backend(), <CompareDialog sources={sources.slice(0, 1)} filter={{}} onFilter={onFilter} onClose={onClose} />)
    expect(screen.getByRole('dialog').textContent).toContain('Import a second log to compare')
    expect(requests).toEqual([])
  })
})

const tenant = (name: string | null, count: number, errors: number, p95: number | null, lastTs: string): TenantStats => ({
  tenant: name, count, errors, errorRate: errors / count, timedCount: p95 === null ? 0 : count, p50Ms: p95 === null ? null : p95 / 2,
  p95Ms: p95, firstTs: '2024-05-01T10:00:00Z', lastTs, filter: { result: ['error'], tenant: [name] },
})
const TENANTS = [
  tenant('acme', 40, 2, 120, '2024-05-01T12:00:00Z'),
  tenant(null, 30, 15, null, '2024-05-01T11:00:00Z'),
  tenant('globex', 10, 9, 3000, '2024-05-01T13:00:00Z'),
]

describe('tenants model', () => {
  it('leaves the tenant filter out of the table request', () => {
    expect(tenantTableFilter({ tenant: ['acme'], result: ['error'] })).toEqual({ result: ['error'] })
  })

  it('sorts with empty values last and flips the direction on the same column', () => {
    const names = (rows: TenantStats[]) => rows.map((r) => r.tenant)
    expect(names(sortTenants(TENANTS, { column: 'errorRate', dir: 'desc' }))).toEqual(['globex', null, 'acme'])
    expect(names(sortTenants(TENANTS, { column: 'p95Ms', dir: 'asc' }))).toEqual(['acme', 'globex', null])
    expect(names(sortTenants(TENANTS, { column: 'p95Ms', dir: 'desc' }))).toEqual(['globex', 'acme', null])
    expect(names(sortTenants(TENANTS, { column: 'tenant', dir: 'asc' }))).toEqual(['acme', 'globex', null])
    expect(nextSort({ column: 'count', dir: 'desc' }, 'count')).toEqual({ column: 'count', dir: 'asc' })
    expect(nextSort({ column: 'count', dir: 'desc' }, 'tenant')).toEqual({ column: 'tenant', dir: 'asc' })
    expect(nextSort({ column: 'count', dir: 'desc' }, 'p95Ms')).toEqual({ column: 'p95Ms', dir: 'desc' })
  })
})

describe('tenants dialog', () => {
  afterEach(cleanup)

  it('lists tenants under the filter without its tenant part; a header sorts; a row filters the grid', async () => {
    const requests: TenantStatsRequest[] = []
    const onFilter = vi.fn()
    const onClose = vi.fn()
    const backend = fakeBackend({
      getTenantStats: async (req) => {
        requests.push(req)
        return { tenants: TENANTS, tenantCount: 5 }
      },
    })
    const user = userEvent.setup()
    renderWith(
      backend,
      <TenantsDialog filter={{ result: ['error'], tenant: ['acme'] }} format={makeValueFormatter([])} onFilter={onFilter} onClose={onClose} />,
    )
    const table = await screen.findByRole('table', { name: 'Entries per tenant' })
    expect(requests).toEqual([{ filter: { result: ['error'] } }])
    expect(screen.getByRole('status').textContent).toBe('5 tenants (one of them: entries without a tenant) — the 3 busiest are listed')
    expect(screen.getByRole('dialog').textContent).toContain('Under the current filters (Result: Error), the tenant filter left out.')
    const bodyRows = () => within(table).getAllByRole('row').slice(1)
    expect(bodyRows()[0].textContent).toBe('acme4025.0%60 ms120 ms2024-05-01 10:00:00 UTC2024-05-01 12:00:00 UTC')
    expect(bodyRows()[1].textContent).toContain('(no tenant)')
    expect(bodyRows()[1].textContent).toContain('––')

    const header = within(table).getByRole('columnheader', { name: /Last seen/ })
    await user.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('descending')
    expect(bodyRows().map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['globex', 'acme', '(no tenant)'])

    await user.click(within(table).getByRole('button', { name: 'Show only tenant globex' }))
    expect(onFilter).toHaveBeenCalledWith({ result: ['error'], tenant: ['globex'] })
    expect(onClose).toHaveBeenCalled()
  })
})
