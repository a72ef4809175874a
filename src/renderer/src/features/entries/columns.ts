// Grid columns. Column ids are the backend's sort fields, so sorting maps straight to EntryQuery.sort.
import type { ColDef, ColumnState, SortModelItem } from 'ag-grid-community'
import { SORT_FIELDS, type EntryRow, type SortField, type SortSpec } from '../../../../shared/types'
import { readStored, removeStored, writeStored } from '../../lib/storage'
import { DurationCell, ResultCell, SourceCell, StatusCell, TextCell, TimeCell, UrlCell } from './cells'

export const COLUMN_STATE_KEY = 'inspector.grid.columns.v1'

type EntryColDef = ColDef<EntryRow> & { colId: SortField; headerName: string }

const text = (colId: SortField, headerName: string, width: number, hide = false): EntryColDef => ({
  colId,
  field: colId as keyof EntryRow,
  headerName,
  width,
  hide,
  cellRenderer: TextCell,
})

export const COLUMNS: EntryColDef[] = [
  { colId: 'ts', field: 'ts', headerName: 'Time', width: 212, cellRenderer: TimeCell, sort: 'asc' },
  text('apiUser', 'API User', 120),
  text('agentUser', 'Agent User', 110),
  text('function', 'Function', 140),
  { colId: 'result', field: 'result', headerName: 'Result', width: 100, cellRenderer: ResultCell },
  { colId: 'statusCode', field: 'statusCode', headerName: 'Status', width: 110, cellRenderer: StatusCell },
  // a successful call's reason is a message, not an error: shown muted so the errors stand out
  { ...text('resultReason', 'Error / Reason', 260), cellClassRules: { 'cell-muted': (p) => p.data?.result === 'success' } },
  text('method', 'Method', 82),
  { colId: 'url', field: 'url', headerName: 'URL / Endpoint', width: 320, cellRenderer: UrlCell },
  {
    colId: 'durationMs',
    field: 'durationMs',
    headerName: 'Duration',
    width: 96,
    cellRenderer: DurationCell,
    type: 'rightAligned',
  },
  text('service', 'Service', 120, true),
  text('tenant', 'Tenant', 110, true),
  text('clientIp', 'Client IP', 120, true),
  text('correlationId', 'Correlation ID', 180, true),
  { colId: 'sourceId', field: 'sourceId', headerName: 'Source', width: 180, cellRenderer: SourceCell, hide: true },
]

export const DEFAULT_COL_DEF: ColDef<EntryRow> = {
  sortable: true,
  resizable: true,
  suppressHeaderMenuButton: true,
  minWidth: 60,
}

export const DEFAULT_SORT: SortSpec = { field: 'ts', dir: 'asc' }

export function toSortSpec(model: SortModelItem[]): SortSpec {
  const first = model[0]
  if (!first || !(SORT_FIELDS as readonly string[]).includes(first.colId)) return DEFAULT_SORT
  return { field: first.colId as SortField, dir: first.sort === 'desc' ? 'desc' : 'asc' }
}

function isColumnState(value: unknown): value is ColumnState[] {
  return (
    Array.isArray(value) &&
    value.every((c) => typeof c === 'object' && c !== null && typeof (c as ColumnState).colId === 'string')
  )
}

/** The saved layout, keeping only known columns and the properties the grid should restore. */
export function loadColumnState(): ColumnState[] | null {
  const known = new Set<string>(COLUMNS.map((c) => c.colId))
  const saved = readStored<ColumnState[] | null>(COLUMN_STATE_KEY, null, (v): v is ColumnState[] | null => isColumnState(v))
  if (!saved) return null
  return saved
    .filter((c) => known.has(c.colId))
    .map(({ colId, width, hide, sort, sortIndex }) => ({
      colId,
      width: typeof width === 'number' && width >= 40 && width <= 2000 ? width : undefined,
      hide: hide === true,
      sort: sort === 'asc' || sort === 'desc' ? sort : null,
      sortIndex: typeof sortIndex === 'number' ? sortIndex : null,
    }))
}

export function saveColumnState(state: ColumnState[]): void {
  writeStored(
    COLUMN_STATE_KEY,
    state.map(({ colId, width, hide, sort, sortIndex }) => ({ colId, width, hide, sort, sortIndex })),
  )
}

export function resetColumnState(): void {
  removeStored(COLUMN_STATE_KEY)
}
