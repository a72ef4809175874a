// A view's column layout and sort, read from and applied to the entry grid. The grid keeps its layout
// in AG Grid column state (remembered in localStorage by entries/columns.ts); when the grid is not
// mounted yet, the layout is written there and the grid picks it up when it starts.
import type { ColumnState, GridApi } from 'ag-grid-community'
import { SORT_FIELDS, type EntryRow, type SortField, type SortSpec } from '../../../../shared/types'
import { VIEW_LIMITS, type ViewColumn } from '../../../../shared/view-types'
import { COLUMNS, DEFAULT_SORT, loadColumnState, resetColumnState, saveColumnState } from '../entries/columns'
import { autoHiddenColumns } from '../entries/empty-columns'

export interface GridLayout {
  /** display order; empty: the app's default layout */
  columns: ViewColumn[]
  /** null: the default order */
  sort: SortSpec | null
}

const KNOWN = new Set<string>(COLUMNS.map((c) => c.colId))
const isSortField = (id: string): id is SortField => (SORT_FIELDS as readonly string[]).includes(id)
const clampWidth = (w: number) => Math.min(VIEW_LIMITS.maxWidth, Math.max(VIEW_LIMITS.minWidth, Math.round(w)))

/**
 * The default layout as column state: the columns' own order, widths, visibility and sort (columns
 * hidden because every loaded source leaves them empty count as hidden by default).
 */
export function defaultColumnState(): ColumnState[] {
  const empty = autoHiddenColumns()
  return COLUMNS.map((c) => ({
    colId: c.colId,
    width: c.width,
    hide: c.hide === true || empty.has(c.colId),
    sort: c.sort === 'asc' || c.sort === 'desc' ? c.sort : null,
  }))
}

/** Column state → the layout a view stores (known columns only, whole-pixel widths). */
export function layoutFromColumnState(state: readonly ColumnState[]): GridLayout {
  const columns: ViewColumn[] = state
    .filter((c) => KNOWN.has(c.colId))
    .map((c) => ({
      id: c.colId,
      ...(typeof c.width === 'number' ? { width: clampWidth(c.width) } : {}),
      ...(c.hide ? { hidden: true } : {}),
    }))
  const sorted = state
    .filter((c) => (c.sort === 'asc' || c.sort === 'desc') && isSortField(c.colId))
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))[0]
  const sort: SortSpec | null = sorted ? { field: sorted.colId as SortField, dir: sorted.sort as 'asc' | 'desc' } : null
  return { columns, sort }
}

/** True when the layout is the app's default (order, widths, visibility and sort by time ascending). */
export function isDefaultLayout(layout: GridLayout): boolean {
  const base = layoutFromColumnState(defaultColumnState())
  const sortIsDefault = layout.sort === null || (layout.sort.field === DEFAULT_SORT.field && layout.sort.dir === DEFAULT_SORT.dir)
  return sortIsDefault && JSON.stringify(layout.columns) === JSON.stringify(base.columns)
}

/**
 * The layout on screen (or the remembered one when the grid is not mounted). The default layout is
 * stored as a view says it: no columns and no sort ("the app's default layout").
 */
export function readGridLayout(grid: GridApi<EntryRow> | null): GridLayout {
  const state = grid && !grid.isDestroyed() ? grid.getColumnState() : (loadColumnState() ?? defaultColumnState())
  const layout = layoutFromColumnState(state)
  return isDefaultLayout(layout) ? { columns: [], sort: null } : layout
}

/** A view's layout as full column state; unknown column ids (from a newer app) are dropped. */
export function columnStateFor(layout: GridLayout): ColumnState[] {
  const base = layout.columns.filter((c) => KNOWN.has(c.id))
  const state: ColumnState[] =
    base.length === 0
      ? defaultColumnState().map((c) => ({ ...c, sort: null }))
      : base.map((c) => ({ colId: c.id, width: c.width, hide: c.hidden === true, sort: null }))
  // columns the view does not list keep their default look, after the listed ones
  const listed = new Set(state.map((c) => c.colId))
  for (const c of defaultColumnState()) if (!listed.has(c.colId)) state.push({ ...c, sort: null })
  const sort: SortSpec = layout.sort && KNOWN.has(layout.sort.field) ? layout.sort : DEFAULT_SORT
  return state.map((c) => (c.colId === sort.field ? { ...c, sort: sort.dir, sortIndex: 0 } : { ...c, sortIndex: null }))
}

/** Shows the layout in the grid and remembers it; without a grid, remembers it for the next one. */
export function applyGridLayout(grid: GridApi<EntryRow> | null, layout: GridLayout): void {
  const state = columnStateFor(layout)
  if (!grid || grid.isDestroyed()) {
    resetColumnState()
    saveColumnState(state)
    return
  }
  grid.applyColumnState({ state, applyOrder: true, defaultState: { sort: null } })
  saveColumnState(grid.getColumnState())
}
