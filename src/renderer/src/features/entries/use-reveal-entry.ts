// "Show this entry": once the grid holds the requested filter, find the entry's row (the backend
// knows its index under the filter and the grid's sort), scroll it into view and select it. The
// detail pane opens at once; the row is selected when its block has loaded.
import { EventApiModule, ModuleRegistry, type GridApi } from 'ag-grid-community'
import { useEffect, useRef } from 'react'
import type { EntryFilter, EntryRow, SortSpec } from '../../../../shared/types'
import { useApi } from '../../services'
import { toSortSpec } from './columns'

// grid.addEventListener('modelUpdated', …) below: the event API is a module of its own
ModuleRegistry.registerModules([EventApiModule])

export interface RevealRequest {
  id: number
  ts: string | null
  /** the filter the grid is switched to (the entry must match it) */
  filter: EntryFilter
  /** bumps per request, so showing the same entry twice scrolls again */
  seq: number
}

export interface RevealHandlers {
  /** select the entry (opens the detail pane) */
  onSelect: (id: number, ts: string | null) => void
  onMissing: (message: string) => void
}

export function gridSort(grid: GridApi<EntryRow>): SortSpec {
  const sorted = grid
    .getColumnState()
    .filter((c) => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
  return toSortSpec(sorted.map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' })))
}

function isRowOnScreen(grid: GridApi<EntryRow>, top: number | null, height: number | null | undefined): boolean {
  if (top === null) return false
  const { top: from, bottom: to } = grid.getVerticalPixelRange()
  return top >= from && top + (height ?? 0) <= to
}

/**
 * Frames after selecting during which the row is kept in view: a scroll can fall short when the
 * browser clamps it (the grid's viewport not yet grown to the new row count), and the grid's own
 * position cache can miss that. ensureIndexVisible without a position reads the real scroll offset
 * and does nothing when the row is already on screen.
 */
const SETTLE_FRAMES = 30

/** Scrolls to `index` and selects the row once it is loaded; returns a cancel function. */
export function scrollToRow(grid: GridApi<EntryRow>, index: number, id: number): () => void {
  let scrolled = false
  let frame = 0
  const settle = (left: number) => {
    frame = 0
    if (grid.isDestroyed() || left === 0) return
    const node = grid.getRowNode(String(id))
    if (!node || node.rowIndex !== index) return // the rows changed meanwhile: nothing to keep in view
    if (grid.getDisplayedRowCount() > index) grid.ensureIndexVisible(index)
    frame = requestAnimationFrame(() => settle(left - 1))
  }
  const attempt = () => {
    if (grid.isDestroyed() || grid.getDisplayedRowCount() <= index) return false
    if (!scrolled) grid.ensureIndexVisible(index, 'middle')
    scrolled = true
    const node = grid.getRowNode(String(id))
    if (!node?.data) return false
    // the first scroll can fall short when it happens before the grid has grown to its new row
    // count (the browser clamps it); once the row is loaded, make sure it is on screen
    if (!isRowOnScreen(grid, node.rowTop, node.rowHeight)) grid.ensureIndexVisible(index, 'middle')
    node.setSelected(true, true)
    frame = requestAnimationFrame(() => settle(SETTLE_FRAMES))
    return true
  }
  const listener = () => {
    if (attempt()) grid.removeEventListener('modelUpdated', listener)
  }
  if (!attempt()) grid.addEventListener('modelUpdated', listener)
  return () => {
    if (frame) cancelAnimationFrame(frame)
    if (!grid.isDestroyed()) grid.removeEventListener('modelUpdated', listener)
  }
}

export function useRevealEntry(
  grid: GridApi<EntryRow> | null,
  reveal: RevealRequest | null,
  filterKey: string,
  handlers: RevealHandlers,
): void {
  const api = useApi()
  const handlersRef = useRef(handlers)
  const selected = useRef(0)
  const located = useRef(0)
  useEffect(() => {
    handlersRef.current = handlers
  })

  useEffect(() => {
    if (!reveal || selected.current === reveal.seq) return
    selected.current = reveal.seq
    handlersRef.current.onSelect(reveal.id, reveal.ts)
  }, [reveal])

  useEffect(() => {
    if (!reveal || !grid || located.current === reveal.seq || filterKey !== JSON.stringify(reveal.filter)) return
    located.current = reveal.seq
    let cancel = () => undefined as void
    let live = true
    let answered = false
    api.locateEntry({ filter: reveal.filter, sort: gridSort(grid), id: reveal.id }).then(
      ({ index }) => {
        if (!live) return
        answered = true
        if (index === null) handlersRef.current.onMissing(`Entry ${reveal.id} is not among the rows shown`)
        else cancel = scrollToRow(grid, index, reveal.id)
      },
      (error: unknown) => live && handlersRef.current.onMissing(`Could not find entry ${reveal.id}: ${String(error)}`),
    )
    return () => {
      live = false
      cancel()
      // unanswered (the effect re-ran before the reply): the next run asks again
      if (!answered) located.current = 0
    }
  }, [api, grid, reveal, filterKey])
}
