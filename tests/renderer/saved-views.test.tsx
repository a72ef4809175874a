// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as SaveFile from '../../src/renderer/src/lib/save-file'
import type { EntryFilter } from '../../src/shared/types'
import type { AppliedView, SavedView, SavedViewSpec } from '../../src/shared/view-types'
import { ApiError } from '../../src/shared/transport'
import { COLUMN_STATE_KEY } from '../../src/renderer/src/features/entries/columns'
import { makeValueFormatter } from '../../src/renderer/src/features/filters/value-format'
import {
  columnStateFor,
  defaultColumnState,
  isDefaultLayout,
  layoutFromColumnState,
  readGridLayout,
} from '../../src/renderer/src/features/views/grid-layout'
import { DISMISSED_RESTORE_KEY, useSavedViews } from '../../src/renderer/src/features/views/use-saved-views'
import {
  buildViewSpec,
  describeLastUsed,
  describeViewTime,
  formatMinutes,
  viewNameProblem,
} from '../../src/renderer/src/features/views/view-model'
import { ViewsSidebar } from '../../src/renderer/src/features/views/ViewsSidebar'
import { useServices } from '../../src/renderer/src/services'
import { fakeBackend, renderWith, type FakeBackend } from './fake-services'

vi.mock('../../src/renderer/src/lib/save-file', async (actual) => ({
  ...(await actual<typeof SaveFile>()),
  saveTextFile: vi.fn(),
  startDownload: vi.fn(),
}))
const { saveTextFile } = await import('../../src/renderer/src/lib/save-file')

const format = makeValueFormatter([])

function savedView(spec: Partial<SavedView> & { name: string }, id = 1): SavedView {
  return {
    id,
    filter: {},
    timeRange: { kind: 'all' },
    search: '',
    columns: [],
    sort: null,
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    lastUsedAt: null,
    ...spec,
  }
}

describe('view model', () => {
  it('describes time ranges in words', () => {
    expect(describeViewTime({ kind: 'all' }, 'utc')).toBe('Whole log')
    expect(describeViewTime({ kind: 'relative', lastMinutes: 90 }, 'utc')).toBe('Last 1 h 30 min of the log')
    expect(describeViewTime({ kind: 'relative', lastMinutes: 2880 }, 'utc')).toBe('Last 2 days of the log')
    expect(describeViewTime({ kind: 'absolute', from: '2024-05-01T10:00:00Z' }, 'utc')).toBe('From 2024-05-01 10:00:00 UTC')
    expect(formatMinutes(45)).toBe('45 min')
    expect(formatMinutes(1440)).toBe('24 h')
  })

  it('builds the view to save from the filter and the chosen kind of range', () => {
    const filter: EntryFilter = {
      apiUser: ['crmsync'],
      result: ['error'],
      sourceId: [3],
      tenant: [],
      from: '2024-05-01T10:00:00.000Z',
      to: '2024-05-01T11:00:00.000Z',
      search: '  timeout ',
    }
    const layout = { columns: [{ id: 'ts', width: 200 }], sort: { field: 'function' as const, dir: 'desc' as const } }
    const base = { name: '  auth failures ', filter, lastMinutes: 30, ...layout }
    expect(buildViewSpec({ ...base, time: 'absolute' })).toEqual({
      name: 'auth failures',
      filter: { apiUser: ['crmsync'], result: ['error'] },
      timeRange: { kind: 'absolute', from: '2024-05-01T10:00:00.000Z', to: '2024-05-01T11:00:00.000Z' },
      search: 'timeout',
      ...layout,
    })
    expect(buildViewSpec({ ...base, time: 'relative' }).timeRange).toEqual({ kind: 'relative', lastMinutes: 30 })
    expect(buildViewSpec({ ...base, time: 'all' }).timeRange).toEqual({ kind: 'all' })
    // "these times" without a range falls back to the whole log
    expect(buildViewSpec({ ...base, filter: { result: ['error'] }, time: 'absolute' }).timeRange).toEqual({ kind: 'all' })
  })

  it('checks names like the backend and says when a view was last used', () => {
    expect(viewNameProblem('  ')).toBe('Give the view a name.')
    expect(viewNameProblem('x'.repeat(101))).toBe('A name has at most 100 characters.')
    expect(viewNameProblem('evil\u202Egnp')).toBe('A name cannot hold control or invisible characters.')
    expect(viewNameProblem('ok name')).toBeNull()
    const now = Date.parse('2024-05-01T12:00:00Z')
    expect(describeLastUsed(null, 'utc', now)).toBe('Never used')
    expect(describeLastUsed('2024-05-01T11:55:00Z', 'utc', now)).toBe('Used 5 min ago')
    expect(describeLastUsed('2024-05-01T09:00:00Z', 'utc', now)).toBe('Used 3 h ago')
    expect(describeLastUsed('2024-04-01T09:00:00Z', 'utc', now)).toBe('Used 2024-04-01 09:00:00 UTC')
  })
})

describe('grid layout of a view', () => {
  it('reads the order, widths, hidden columns and sort from column state', () => {
    const layout = layoutFromColumnState([
      { colId: 'function', width: 150.6, hide: false, sort: 'desc', sortIndex: 0 },
      { colId: 'ts', width: 212, hide: false, sort: null },
      { colId: 'method', width: 82, hide: true, sort: null },
      { colId: 'not-a-column', width: 10, hide: false },
    ])
    expect(layout).toEqual({
      columns: [{ id: 'function', width: 151 }, { id: 'ts', width: 212 }, { id: 'method', width: 82, hidden: true }],
      sort: { field: 'function', dir: 'desc' },
    })
  })

  it('turns a view layout into full column state: listed columns first, the rest after, one sort', () => {
    const state = columnStateFor({ columns: [{ id: 'function', width: 300 }, { id: 'method', hidden: true }, { id: 'gone' }], sort: null })
    expect(state.slice(0, 3).map((c) => [c.colId, c.width, c.hide, c.sort])).toEqual([
      ['function', 300, false, null],
      ['method', undefined, true, null],
      ['ts', 212, false, 'asc'],
    ])
    expect(state.filter((c) => c.sort)).toHaveLength(1)
    expect(state.map((c) => c.colId)).not.toContain('gone')
    const byDefault = columnStateFor({ columns: [], sort: { field: 'durationMs', dir: 'desc' } })
    expect(byDefault[0].colId).toBe('ts')
    expect(byDefault.filter((c) => c.sort).map((c) => [c.colId, c.sort])).toEqual([['durationMs', 'desc']])
  })
})

function Harness({ hasSources = true, initial = {} }: { hasSources?: boolean; initial?: EntryFilter }) {
  const { api } = useServices()
  const [filter, setFilter] = useState<EntryFilter>(initial)
  const notify = (kind: string, text: string) => notices.push(`${kind}: ${text}`)
  const views = useSavedViews({ api, notify, filter, setFilter, grid: () => null, hasSources })
  return (
    <>
      <output data-testid="filter">{JSON.stringify(filter)}</output>
      <ViewsSidebar views={views} filter={filter} format={format} grid={() => null} onClose={() => undefined} />
      <button type="button" onClick={views.clear}>
        clear view
      </button>
    </>
  )
}

let notices: string[] = []

describe('saved views sidebar', () => {
  let backend: FakeBackend
  let stored: SavedView[]
  const applied = (name: string, filter: EntryFilter): AppliedView => ({
    view: { ...(stored.find((v) => v.name === name) as SavedView), lastUsedAt: '2024-05-01T12:00:00.000Z' },
    filter,
  })

  beforeEach(() => {
    localStorage.clear()
    notices = []
    stored = [
      savedView({ name: 'crmsync failures', filter: { apiUser: ['crmsync'], result: ['error'] }, timeRange: { kind: 'relative', lastMinutes: 60 } }, 1),
      savedView({ name: 'slow calls', search: 'timeout', columns: [{ id: 'durationMs', width: 120 }], sort: { field: 'durationMs', dir: 'desc' } }, 2),
    ]
    backend = fakeBackend({
      listViews: async () => stored,
      getLastUsedView: async () => null,
      applyView: async ({ name }) => applied(name, { apiUser: ['crmsync'], result: ['error'], from: '2024-03-12T22:50:04.001Z', to: '2024-03-12T23:50:04.001Z' }),
      saveView: async ({ view }) => {
        const saved = savedView(view, 3)
        stored = [...stored, saved]
        return saved
      },
      deleteView: async ({ name }) => {
        stored = stored.filter((v) => v.name !== name)
      },
      exportView: async ({ name }) => ({ fileName: `${name}.apilog-view.json`, content: '{"format":"api-log-inspector.view"}' }),
      importView: async ({ content, overwrite }) => {
        const name = (JSON.parse(content) as { view: { name: string } }).view.name
        if (content.includes('tampered')) {
          throw new ApiError('importView', 'bad-argument', 'saved-view file was changed after it was exported: its checksum does not match its content')
        }
        if (!overwrite && stored.some((v) => v.name === name)) {
          throw new ApiError('importView', 'bad-argument', `a view named "${name}" already exists (import with overwrite to replace it)`)
        }
        return savedView({ name }, 9)
      },
    })
  })
  afterEach(cleanup)

  it('lists each view with what it filters, its time range and when it was used', async () => {
    renderWith(backend, <Harness />)
    const list = await screen.findByRole('list', { name: 'Views' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0].textContent).toContain('API User: crmsync · Result: Error')
    expect(items[0].textContent).toContain('Last 1 h of the log')
    expect(items[0].textContent).toContain('Never used')
    expect(items[1].textContent).toContain('search “timeout”')
    expect(items[1].textContent).toContain('Whole log · own columns and sort')
  })

  it('applies a view to the current sources, sets the filter and layout, and marks it applied', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Harness initial={{ sourceId: [2] }} />)
    await user.click(await screen.findByRole('button', { name: 'Apply view crmsync failures' }))
    await waitFor(() => expect(screen.getByTestId('filter').textContent).toContain('"from":"2024-03-12T22:50:04.001Z"'))
    expect(JSON.parse(localStorage.getItem(COLUMN_STATE_KEY) ?? '[]')[0]).toMatchObject({ colId: 'ts', sort: 'asc' })
    const item = screen.getAllByRole('listitem')[0]
    expect(item.getAttribute('aria-current')).toBe('true')
    expect(item.textContent).toContain('applied')
  })

  it('passes the current source filter to applyView', async () => {
    const applyView = vi.fn(async ({ name }: { name: string }) => applied(name, { result: ['error'], sourceId: [2] }))
    backend = fakeBackend({ listViews: async () => stored, getLastUsedView: async () => null, applyView })
    const user = userEvent.setup()
    renderWith(backend, <Harness initial={{ sourceId: [2] }} />)
    await user.click(await screen.findByRole('button', { name: 'Apply view slow calls' }))
    await waitFor(() => expect(applyView).toHaveBeenCalledWith({ name: 'slow calls', sourceIds: [2] }))
    // the view's own layout lands in the remembered column state: Duration first, sorted descending
    const state = JSON.parse(localStorage.getItem(COLUMN_STATE_KEY) ?? '[]') as Array<{ colId: string; sort: string | null }>
    expect(state[0]).toMatchObject({ colId: 'durationMs', width: 120, sort: 'desc' })
  })

  it('saves the current filter with a relative time range', async () => {
    const saveView = vi.fn(async ({ view }: { view: SavedViewSpec }) => savedView(view, 5))
    backend = fakeBackend({ listViews: async () => stored, getLastUsedView: async () => null, saveView })
    const user = userEvent.setup()
    renderWith(backend, <Harness initial={{ agentUser: ['1004'], from: '2024-05-01T10:00:00Z', to: '2024-05-01T10:30:00Z' }} />)
    await user.click(await screen.findByRole('button', { name: 'Save current view…' }))
    const dialog = screen.getByRole('dialog', { name: 'Save view' })
    // "These times" is preselected when a range is set
    expect(within(dialog).getByRole('radio', { name: /^These times: 2024-05-01 10:00:00 UTC/ })).toHaveProperty('checked', true)
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('Give the view a name.')
    expect(saveView).not.toHaveBeenCalled()
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'agent 1004')
    await user.click(within(dialog).getByRole('radio', { name: /^Relative to the end of the log/ }))
    const minutes = within(dialog).getByRole('spinbutton', { name: 'Minutes before the end of the log' })
    expect((minutes as HTMLInputElement).value).toBe('30')
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }))
    await waitFor(() => expect(saveView).toHaveBeenCalledTimes(1))
    expect(saveView.mock.calls[0][0].view).toMatchObject({
      name: 'agent 1004',
      filter: { agentUser: ['1004'] },
      timeRange: { kind: 'relative', lastMinutes: 30 },
      search: '',
    })
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save view' })).toBeNull())
    expect(notices).toContain('info: Saved view “agent 1004”')
  })

  it('says that saving under an existing name replaces it', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Harness />)
    await user.click(await screen.findByRole('button', { name: 'Save current view…' }))
    const dialog = screen.getByRole('dialog', { name: 'Save view' })
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'SLOW CALLS')
    expect(dialog.textContent).toContain('A view named “slow calls” exists: saving replaces it.')
    expect(within(dialog).getByRole('button', { name: 'Replace view' })).toBeTruthy()
  })

  it('deletes after confirmation and exports a view file', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Harness />)
    await user.click(await screen.findByRole('button', { name: 'More actions for slow calls' }))
    await user.click(screen.getByRole('button', { name: 'Export to a file' }))
    await waitFor(() =>
      expect(saveTextFile).toHaveBeenCalledWith('slow calls.apilog-view.json', '{"format":"api-log-inspector.view"}', 'application/json'),
    )
    await user.click(screen.getByRole('button', { name: 'More actions for slow calls' }))
    await user.click(screen.getByRole('button', { name: 'Delete…' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Delete view?' })
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1))
  })

  it('shows why a view file is refused, and asks before replacing a view of the same name', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Harness />)
    const input = (await screen.findByTestId('view-file-input')) as HTMLInputElement
    const file = (name: string, text: string) => new File([text], name, { type: 'application/json' })
    await user.upload(input, file('x.apilog-view.json', '{"view":{"name":"x","tampered":1}}'))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not import x.apilog-view.json: saved-view file was changed after it was exported: its checksum does not match its content',
    )
    await user.upload(input, file('slow.apilog-view.json', '{"view":{"name":"slow calls"}}'))
    const confirm = await screen.findByRole('alertdialog', { name: 'Replace view?' })
    expect(confirm.textContent).toContain('A view named “slow calls” already exists. Replace it with the one in slow.apilog-view.json?')
    await user.click(within(confirm).getByRole('button', { name: 'Replace' }))
    await waitFor(() => expect(notices).toContain('info: Imported view “slow calls”'))
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('the last used view at start', () => {
  let lastUsed: SavedView | null
  let applyCalls: string[]
  beforeEach(() => {
    localStorage.clear()
    lastUsed = savedView({ name: 'auth', lastUsedAt: '2024-05-01T11:00:00.000Z' })
    applyCalls = []
  })
  afterEach(cleanup)

  const backendFor = () =>
    fakeBackend({
      listViews: async () => (lastUsed ? [lastUsed] : []),
      getLastUsedView: async () => lastUsed,
      applyView: async ({ name }) => {
        applyCalls.push(name)
        return { view: { ...(lastUsed as SavedView), lastUsedAt: '2024-05-01T12:00:00.000Z' }, filter: { result: ['error'] } }
      },
    })

  it('comes back when the store has sources, and not when it is empty', async () => {
    renderWith(backendFor(), <Harness hasSources={false} />)
    await screen.findByRole('list', { name: 'Views' })
    expect(applyCalls).toEqual([])
    cleanup()
    renderWith(backendFor(), <Harness />)
    await waitFor(() => expect(screen.getByTestId('filter').textContent).toBe('{"result":["error"]}'))
    expect(applyCalls).toEqual(['auth'])
  })

  it('stays away once the user cleared it, until another view is used', async () => {
    const user = userEvent.setup()
    renderWith(backendFor(), <Harness />)
    await waitFor(() => expect(screen.getByTestId('filter').textContent).toBe('{"result":["error"]}'))
    await user.click(screen.getByRole('button', { name: 'clear view' }))
    expect(screen.getByTestId('filter').textContent).toBe('{}')
    expect(JSON.parse(localStorage.getItem(DISMISSED_RESTORE_KEY) ?? 'null')).toEqual({ name: 'auth', lastUsedAt: '2024-05-01T12:00:00.000Z' })
    cleanup()
    lastUsed = { ...(lastUsed as SavedView), lastUsedAt: '2024-05-01T12:00:00.000Z' }
    applyCalls = []
    renderWith(backendFor(), <Harness />)
    await screen.findByRole('list', { name: 'Views' })
    await act(async () => await new Promise((r) => setTimeout(r, 20)))
    expect(applyCalls).toEqual([])
    cleanup()
    lastUsed = { ...(lastUsed as SavedView), lastUsedAt: '2024-05-02T09:00:00.000Z' }
    renderWith(backendFor(), <Harness />)
    await waitFor(() => expect(applyCalls).toEqual(['auth']))
  })
})

describe('default layout', () => {
  it('is saved as no columns and no sort', () => {
    localStorage.clear()
    expect(readGridLayout(null)).toEqual({ columns: [], sort: null })
    expect(isDefaultLayout(layoutFromColumnState(defaultColumnState()))).toBe(true)
    localStorage.setItem(COLUMN_STATE_KEY, JSON.stringify(defaultColumnState().map((c) => (c.colId === 'method' ? { ...c, hide: true } : c))))
    expect(readGridLayout(null).columns.find((c) => c.id === 'method')).toEqual({ id: 'method', width: 82, hidden: true })
  })
})
