// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EntryFilter } from '../../src/shared/types'
import { FilterBar } from '../../src/renderer/src/features/filters/FilterBar'
import {
  aroundRange,
  clearAll,
  filterChips,
  presetRange,
  removeChip,
  summarizeFilter,
  toggleValue,
} from '../../src/renderer/src/features/filters/filter-model'
import { makeValueFormatter } from '../../src/renderer/src/features/filters/value-format'
import { fakeBackend, renderWith, type FakeBackend } from './fake-services'

const format = makeValueFormatter([])
const LAST = '2024-05-01T16:00:00.000Z'

describe('filter model', () => {
  it('turns every active value into a chip, in field order, with readable labels', () => {
    const filter: EntryFilter = {
      result: ['error'],
      apiUser: ['6666', null],
      statusCode: ['4xx', 'none'],
      search: '  lead not found ',
      from: '2024-05-01T10:00:00.000Z',
      to: '2024-05-01T11:00:00.000Z',
    }
    expect(filterChips(filter, format, 'utc').map((c) => c.label)).toEqual([
      'Time: 2024-05-01 10:00:00 UTC → 2024-05-01 11:00:00 UTC',
      'API User: 6666',
      'API User: (none)',
      'Result: Error',
      'Status: 4xx',
      'Status: (no status)',
      'Search: “lead not found”',
    ])
  })

  it('removes one chip and leaves the others; removing the last value drops the field', () => {
    const filter: EntryFilter = { apiUser: ['a', 'b'], result: ['error'] }
    const chips = filterChips(filter, format, 'utc')
    const withoutA = removeChip(filter, chips[0])
    expect(withoutA).toEqual({ apiUser: ['b'], result: ['error'] })
    const withoutResult = removeChip(withoutA, filterChips(withoutA, format, 'utc')[1])
    expect(withoutResult).toEqual({ apiUser: ['b'] })
    expect('result' in withoutResult).toBe(false)
  })

  it('toggles values on and off, null included', () => {
    let filter: EntryFilter = {}
    filter = toggleValue(filter, 'agentUser', null)
    filter = toggleValue(filter, 'agentUser', '1001')
    expect(filter.agentUser).toEqual([null, '1001'])
    filter = toggleValue(filter, 'agentUser', null)
    expect(filter.agentUser).toEqual(['1001'])
    expect(clearAll()).toEqual({})
  })

  it('computes presets from the newest entry of the log, not the clock', () => {
    expect(presetRange('15m', LAST)).toEqual({ from: '2024-05-01T15:45:00.001Z', to: '2024-05-01T16:00:00.001Z' })
    expect(presetRange('1h', LAST)).toEqual({ from: '2024-05-01T15:00:00.001Z', to: '2024-05-01T16:00:00.001Z' })
    expect(presetRange('24h', LAST).from).toBe('2024-04-30T16:00:00.001Z')
    expect(presetRange('all', LAST)).toEqual({})
    expect(presetRange('1h', null)).toEqual({})
    expect(aroundRange('2024-05-01T12:00:00.000Z', 5)).toEqual({
      from: '2024-05-01T11:55:00.000Z',
      to: '2024-05-01T12:05:00.001Z',
    })
  })

  it('summarizes the filter on one line', () => {
    expect(summarizeFilter({ apiUser: ['6666', 'zapier'], result: ['error', 'notice'] }, format, 'utc')).toBe(
      'API User: 6666, zapier · Result: Error, Notice',
    )
    expect(summarizeFilter({}, format, 'utc')).toBe('')
  })
})

function Harness({ initial = {}, onFilter }: { initial?: EntryFilter; onFilter: (f: EntryFilter) => void }) {
  const [filter, setFilter] = useState<EntryFilter>(initial)
  return (
    <FilterBar
      filter={filter}
      onChange={(next) => {
        setFilter(next)
        onFilter(next)
      }}
      format={format}
      lastTs={LAST}
      pointTs={null}
      revision={0}
    />
  )
}

describe('FilterBar', () => {
  let backend: FakeBackend
  let latest: EntryFilter
  beforeEach(() => {
    localStorage.clear()
    latest = {}
    backend = fakeBackend({}, {
      apiUser: [
        { value: '6666', count: 1204 },
        { value: 'zapier', count: 31 },
        { value: null, count: 2 },
      ],
      result: [
        { value: 'success', count: 900 },
        { value: 'error', count: 300 },
      ],
    })
  })
  afterEach(cleanup)

  it('has the four filters labelled exactly, plus time range, more filters and search', () => {
    renderWith(backend, <Harness onFilter={(f) => (latest = f)} />)
    for (const name of ['API User', 'Agent User', 'Function', 'Result']) {
      expect(screen.getByRole('button', { name })).toBeTruthy()
    }
    expect(screen.getByRole('textbox', { name: /^From/ })).toBeTruthy()
    expect(screen.getByRole('textbox', { name: /^To/ })).toBeTruthy()
    expect(screen.getByRole('searchbox', { name: 'Search' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: /More filters/ }))
    for (const name of ['Status', 'Method', 'Service', 'Tenant', 'Client IP', 'Source file']) {
      expect(screen.getByRole('button', { name })).toBeTruthy()
    }
  })

  it('keeps extra filters in use visible while "More filters" is collapsed', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Harness initial={{ method: ['POST'], statusCode: ['5xx'] }} onFilter={(f) => (latest = f)} />)
    expect(screen.getByRole('button', { name: 'Method' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Status' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Tenant' })).toBeNull()
    await user.click(screen.getByRole('button', { name: /More filters/ }))
    expect(screen.getByRole('button', { name: 'Tenant' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Remove filter Method: POST' }))
    expect(latest).toEqual({ statusCode: ['5xx'] })
  })

  it('lists values with counts, filters by a checked value, and shows it as a removable chip', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Harness onFilter={(f) => (latest = f)} />)
    await user.click(screen.getByRole('button', { name: 'API User' }))
    const panel = screen.getByRole('dialog', { name: 'API User values' })
    const box = await within(panel).findByRole('checkbox', { name: '6666' })
    expect(within(panel).getByText('1,204')).toBeTruthy()
    expect(within(panel).getByRole('checkbox', { name: '(none)' })).toBeTruthy()
    await user.click(box)
    expect(latest).toEqual({ apiUser: ['6666'] })
    const request = backend.calls.find((c) => c.method === 'getFacets')?.arg
    expect(request).toEqual({ filter: {}, fields: ['apiUser'], limit: 200 })
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Remove filter API User: 6666' }))
    expect(latest).toEqual({})
  })

  it('searches values by typing (contains)', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Harness onFilter={(f) => (latest = f)} />)
    await user.click(screen.getByRole('button', { name: 'API User' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search API User values' }), 'zap')
    await waitFor(() => expect(backend.calls.some((c) => (c.arg as { contains?: string })?.contains === 'zap')).toBe(true))
    const panel = screen.getByRole('dialog', { name: 'API User values' })
    await waitFor(() => expect(within(panel).queryByRole('checkbox', { name: '6666' })).toBeNull())
    expect(within(panel).getByRole('checkbox', { name: 'zapier' })).toBeTruthy()
  })

  it('"Clear all" removes every filter', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Harness initial={{ result: ['error'], apiUser: ['6666'], search: 'x' }} onFilter={(f) => (latest = f)} />)
    expect(screen.getAllByRole('button', { name: /^Remove filter/ })).toHaveLength(3)
    await user.click(screen.getByRole('button', { name: 'Clear all' }))
    expect(latest).toEqual({})
    expect(screen.queryByRole('button', { name: 'Clear all' })).toBeNull()
  })

  it('applies the "Last 1 h of the log" preset and a typed From time in UTC', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Harness onFilter={(f) => (latest = f)} />)
    await user.click(screen.getByRole('button', { name: 'Time range presets' }))
    await user.click(screen.getByRole('button', { name: /Last 1 h/ }))
    expect(latest).toEqual({ from: '2024-05-01T15:00:00.001Z', to: '2024-05-01T16:00:00.001Z' })
    expect(screen.getByRole('button', { name: /Remove filter Time: 2024-05-01 15:00:00.001 UTC/ })).toBeTruthy()

    const from = screen.getByRole('textbox', { name: /^From/ })
    await user.clear(from)
    await user.type(from, '2024-05-01 14:30{Enter}')
    expect(latest.from).toBe('2024-05-01T14:30:00.000Z')
    await user.clear(from)
    await user.type(from, 'yesterday{Enter}')
    expect(from.getAttribute('aria-invalid')).toBe('true')
    expect(latest.from).toBe('2024-05-01T14:30:00.000Z')
  })

  it('debounces the search box and applies it at once on Enter', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Harness onFilter={(f) => (latest = f)} />)
    const search = screen.getByRole('searchbox', { name: 'Search' })
    await user.type(search, 'LEAD NOT')
    expect(latest.search).toBeUndefined()
    await waitFor(() => expect(latest.search).toBe('LEAD NOT'), { timeout: 2000 })
    await user.type(search, ' FOUND{Enter}')
    expect(latest.search).toBe('LEAD NOT FOUND')
    await act(async () => {
      fireEvent.keyDown(search, { key: 'Escape' })
    })
    expect(latest.search).toBeUndefined()
  })
})
