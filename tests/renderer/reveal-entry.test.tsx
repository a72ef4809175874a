// @vitest-environment jsdom
// "Show this entry" in the grid: wait for the filter, locate the row, scroll when the row count
// allows it, select once its block has loaded.
import { cleanup, render, waitFor } from '@testing-library/react'
import type { GridApi } from 'ag-grid-community'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { InspectorApi } from '../../src/shared/api'
import type { EntryRow } from '../../src/shared/types'
import { gridSort, scrollToRow, useRevealEntry, type RevealRequest } from '../../src/renderer/src/features/entries/use-reveal-entry'
import { ServicesContext } from '../../src/renderer/src/services'
import { fakeBackend } from './fake-services'

interface FakeNode {
  data: object
  setSelected: ReturnType<typeof vi.fn>
  rowTop?: number | null
  rowHeight?: number
  rowIndex?: number | null
}

function fakeGrid(rowCount: number) {
  const listeners = new Set<() => void>()
  const nodes = new Map<string, FakeNode>()
  const state = { rowCount, range: { top: 0, bottom: 100_000 } }
  const grid = {
    isDestroyed: () => false,
    getDisplayedRowCount: () => state.rowCount,
    ensureIndexVisible: vi.fn(),
    getVerticalPixelRange: () => state.range,
    getRowNode: (id: string) => nodes.get(id),
    addEventListener: (_type: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_type: string, fn: () => void) => listeners.delete(fn),
    getColumnState: () => [
      { colId: 'ts', sort: null },
      { colId: 'durationMs', sort: 'desc', sortIndex: 0 },
    ],
  }
  return {
    api: grid as unknown as GridApi<EntryRow>,
    grid,
    listeners,
    nodes,
    state,
    fire: () => [...listeners].forEach((fn) => fn()),
  }
}

afterEach(cleanup)

describe('scrollToRow', () => {
  it('waits until the row count reaches the index, scrolls once, and selects the row when it is loaded', () => {
    const g = fakeGrid(1)
    scrollToRow(g.api, 250, 1024)
    expect(g.grid.ensureIndexVisible).not.toHaveBeenCalled()
    expect(g.listeners.size).toBe(1)
    g.state.rowCount = 1541
    g.fire()
    expect(g.grid.ensureIndexVisible).toHaveBeenCalledWith(250, 'middle')
    const node = { data: { id: 1024 }, setSelected: vi.fn(), rowTop: 7000, rowHeight: 28, rowIndex: 250 }
    g.nodes.set('1024', node)
    g.fire()
    expect(node.setSelected).toHaveBeenCalledWith(true, true)
    expect(g.grid.ensureIndexVisible).toHaveBeenCalledTimes(1)
    expect(g.listeners.size).toBe(0)
  })

  it('scrolls again when the first scroll fell short of the loaded row (the grid grew after it)', () => {
    const g = fakeGrid(1541)
    g.state.range = { top: 400, bottom: 800 }
    scrollToRow(g.api, 53, 1158)
    expect(g.grid.ensureIndexVisible).toHaveBeenCalledTimes(1)
    const node = { data: { id: 1158 }, setSelected: vi.fn(), rowTop: 53 * 28, rowHeight: 28, rowIndex: 53 }
    g.nodes.set('1158', node)
    g.fire()
    expect(g.grid.ensureIndexVisible).toHaveBeenCalledTimes(2)
    expect(g.grid.ensureIndexVisible).toHaveBeenLastCalledWith(53, 'middle')
    expect(node.setSelected).toHaveBeenCalledWith(true, true)
  })

  it('keeps the row in view over the next frames (the browser may clamp a scroll), then stops', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    try {
      const g = fakeGrid(54)
      const node = { data: { id: 1158 }, setSelected: vi.fn(), rowTop: 53 * 28, rowHeight: 28, rowIndex: 53 }
      g.nodes.set('1158', node)
      scrollToRow(g.api, 53, 1158)
      expect(node.setSelected).toHaveBeenCalledWith(true, true)
      expect(g.grid.ensureIndexVisible).toHaveBeenCalledTimes(1)
      vi.advanceTimersToNextFrame()
      vi.advanceTimersToNextFrame()
      // each frame asks the grid again, with no position: the grid reads the real scroll offset
      // and only scrolls when the row is off screen
      expect(g.grid.ensureIndexVisible).toHaveBeenCalledTimes(3)
      expect(g.grid.ensureIndexVisible).toHaveBeenLastCalledWith(53)
      for (let i = 0; i < 40; i++) vi.advanceTimersToNextFrame()
      expect(g.grid.ensureIndexVisible).toHaveBeenCalledTimes(31)
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('leaves the scroll alone once the rows under it changed', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    try {
      const g = fakeGrid(54)
      const node: FakeNode = { data: { id: 1158 }, setSelected: vi.fn(), rowTop: 53 * 28, rowHeight: 28, rowIndex: 53 }
      g.nodes.set('1158', node)
      const cancel = scrollToRow(g.api, 53, 1158)
      vi.advanceTimersToNextFrame()
      expect(g.grid.ensureIndexVisible).toHaveBeenCalledTimes(2)
      node.rowIndex = null // a new filter: the row is not shown any more
      vi.advanceTimersToNextFrame()
      expect(g.grid.ensureIndexVisible).toHaveBeenCalledTimes(2)
      expect(vi.getTimerCount()).toBe(0)
      cancel()
    } finally {
      vi.useRealTimers()
    }
  })

  it('stops keeping the row in view when cancelled', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    try {
      const g = fakeGrid(54)
      g.nodes.set('1158', { data: { id: 1158 }, setSelected: vi.fn(), rowTop: 53 * 28, rowHeight: 28, rowIndex: 53 })
      const cancel = scrollToRow(g.api, 53, 1158)
      cancel()
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('is done at once when the row is already there; cancelling stops waiting', () => {
    const g = fakeGrid(100)
    const node = { data: { id: 7 }, setSelected: vi.fn(), rowTop: 84, rowHeight: 28, rowIndex: 3 }
    g.nodes.set('7', node)
    scrollToRow(g.api, 3, 7)
    expect(node.setSelected).toHaveBeenCalledWith(true, true)
    expect(g.listeners.size).toBe(0)
    const cancel = scrollToRow(fakeGrid(1).api, 50, 8)
    cancel()
  })

  it('reads the grid\'s sort for the row index', () => {
    expect(gridSort(fakeGrid(1).api)).toEqual({ field: 'durationMs', dir: 'desc' })
  })
})

function Probe(props: {
  grid: GridApi<EntryRow>
  reveal: RevealRequest
  filterKey: string
  onSelect: (id: number, ts: string | null) => void
  onMissing: (m: string) => void
}) {
  useRevealEntry(props.grid, props.reveal, props.filterKey, { onSelect: props.onSelect, onMissing: props.onMissing })
  return null
}

describe('useRevealEntry', () => {
  it('selects at once, and locates the row only once the grid shows the requested filter', async () => {
    const located: unknown[] = []
    const backend = fakeBackend({
      locateEntry: async (req) => {
        located.push(req)
        return { index: req.id === 1024 ? 0 : null }
      },
    } as Partial<InspectorApi>)
    const g = fakeGrid(53)
    const node = { data: { id: 1024 }, setSelected: vi.fn() }
    g.nodes.set('1024', node)
    const filter = { apiUser: ['crmsync'], from: '2024-03-12T14:00:00.000Z', to: '2024-03-12T15:00:00.000Z' }
    const reveal: RevealRequest = { id: 1024, ts: '2024-03-12T14:07:48.000Z', filter, seq: 1 }
    const onSelect = vi.fn()
    const onMissing = vi.fn()
    const ui = (key: string, r = reveal) => (
      <ServicesContext.Provider value={backend.services}>
        <Probe grid={g.api} reveal={r} filterKey={key} onSelect={onSelect} onMissing={onMissing} />
      </ServicesContext.Provider>
    )
    const view = render(ui('{}'))
    expect(onSelect).toHaveBeenCalledWith(1024, '2024-03-12T14:07:48.000Z')
    await new Promise((r) => setTimeout(r, 20))
    expect(located).toEqual([])
    view.rerender(ui(JSON.stringify(filter)))
    await waitFor(() => expect(node.setSelected).toHaveBeenCalledWith(true, true))
    expect(located).toEqual([{ filter, sort: { field: 'durationMs', dir: 'desc' }, id: 1024 }])

    view.rerender(ui(JSON.stringify(filter), { ...reveal, id: 99, seq: 2 }))
    await waitFor(() => expect(onMissing).toHaveBeenCalledWith('Entry 99 is not among the rows shown'))
    expect(onSelect).toHaveBeenCalledTimes(2)
  })
})
