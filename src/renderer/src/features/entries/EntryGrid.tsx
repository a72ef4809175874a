// The entry grid: AG Grid's infinite row model paging through api.queryEntries, so only the blocks
// on screen (and a small cache) are ever held. Arrow keys move the selection; Enter opens the detail.
import {
  CellStyleModule,
  ColumnApiModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  ValidationModule,
  type CellFocusedEvent,
  type CellKeyDownEvent,
  type GridApi,
  type GridReadyEvent,
  type RowClassRules,
} from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { EntryRow, SourceInfo } from '../../../../shared/types'
import { useApi } from '../../services'
import { useSettings } from '../../settings'
import type { GridContext } from './cells'
import { COLUMNS, DEFAULT_COL_DEF, loadColumnState, saveColumnState } from './columns'
import { applyEmptyColumns } from './empty-columns'
import type { EntrySource } from './entry-source'
import { GRID_THEME } from './grid-theme'
import { useGridSync } from './use-grid-sync'

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  RowSelectionModule,
  RowStyleModule,
  CellStyleModule,
  ColumnApiModule,
  RowApiModule,
  ScrollApiModule,
  RenderApiModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
])

const ROW_CLASS_RULES: RowClassRules<EntryRow> = {
  'row-error': (p) => p.data?.result === 'error',
  'row-notice': (p) => p.data?.result === 'notice',
}

export interface EntryGridProps {
  source: EntrySource
  sources: readonly SourceInfo[]
  selectedId: number | null
  onSelect: (row: EntryRow) => void
  onOpenDetail: () => void
  onReady: (api: GridApi<EntryRow>) => void
  onError: (error: Error) => void
  /** columns every loaded source leaves empty (hidden unless the user chose otherwise); null: not known yet */
  emptyColumns?: ReadonlySet<string> | null
}

export function EntryGrid(props: EntryGridProps) {
  const { source, sources, selectedId, onSelect, onOpenDetail, onReady, onError, emptyColumns = null } = props
  const api = useApi()
  const { timeMode } = useSettings()
  const [grid, setGrid] = useState<GridApi<EntryRow> | null>(null)
  const sourceRef = useRef(source)
  const handlers = useRef({ onSelect, onOpenDetail, onError })
  useEffect(() => {
    sourceRef.current = source
    handlers.current = { onSelect, onOpenDetail, onError }
  })

  const context = useMemo<GridContext>(
    () => ({ timeMode, sourceNames: new Map(sources.map((s) => [s.id, s.name])) }),
    [timeMode, sources],
  )
  useGridSync(grid, { api, source, sourceRef, context, selectedId, onError: (e) => handlers.current.onError(e) })
  useEffect(() => {
    if (grid && emptyColumns) applyEmptyColumns(grid, emptyColumns)
  }, [grid, emptyColumns])

  const onGridReady = (event: GridReadyEvent<EntryRow>) => {
    const saved = loadColumnState()
    if (saved) event.api.applyColumnState({ state: saved, applyOrder: true })
    setGrid(event.api)
    onReady(event.api)
  }
  // only "finished" events arrive here (not every pixel of a drag), so saving at once is cheap
  const saveLayout = () => grid && saveColumnState(grid.getColumnState())

  const onCellFocused = (event: CellFocusedEvent<EntryRow>) => {
    if (event.rowIndex === null || event.rowPinned) return
    const node = event.api.getDisplayedRowAtIndex(event.rowIndex)
    if (!node?.data) return
    if (!node.isSelected()) node.setSelected(true, true)
    handlers.current.onSelect(node.data)
  }
  const onCellKeyDown = (event: CellKeyDownEvent<EntryRow>) => {
    const key = (event.event as KeyboardEvent | undefined)?.key
    if (key === 'Enter') handlers.current.onOpenDetail()
  }

  return (
    <div className="entry-grid" data-testid="entry-grid">
      <AgGridReact<EntryRow>
        theme={GRID_THEME}
        columnDefs={COLUMNS}
        defaultColDef={DEFAULT_COL_DEF}
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={40}
        maxConcurrentDatasourceRequests={2}
        blockLoadDebounceMillis={60}
        infiniteInitialRowCount={1}
        rowBuffer={15}
        getRowId={(p) => String(p.data.id)}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: false }}
        rowClassRules={ROW_CLASS_RULES}
        context={context}
        onGridReady={onGridReady}
        onCellFocused={onCellFocused}
        onCellKeyDown={onCellKeyDown}
        onColumnMoved={(e) => e.finished && saveLayout()}
        onColumnResized={(e) => e.finished && saveLayout()}
        onColumnVisible={saveLayout}
        onSortChanged={saveLayout}
        suppressCellFocus={false}
        suppressDragLeaveHidesColumns
        suppressColumnVirtualisation
        animateRows={false}
        // the workspace shows its own "No entries match these filters" with a way out
        suppressOverlays={['noRows', 'noMatchingRows']}
        ensureDomOrder
      />
    </div>
  )
}
