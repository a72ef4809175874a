// Keeps the grid in step with React state: the datasource (new filter → start over at the top; the
// same filter over a changed store → reload blocks in place), cell refreshes when the time zone or
// source names change, and the selected row.
import type { GridApi } from 'ag-grid-community'
import { useEffect, useRef, type RefObject } from 'react'
import type { InspectorApi } from '../../../../shared/api'
import type { EntryRow } from '../../../../shared/types'
import type { GridContext } from './cells'
import { createDatasource, type EntrySource } from './entry-source'

export interface GridSyncOptions {
  api: InspectorApi
  source: EntrySource
  /** the current source, read by the datasource when a block loads */
  sourceRef: RefObject<EntrySource>
  context: GridContext
  selectedId: number | null
  onError: (error: Error) => void
}

export function useGridSync(grid: GridApi<EntryRow> | null, options: GridSyncOptions): void {
  const { api, source, sourceRef, context, selectedId } = options
  const onError = useRef(options.onError)
  useEffect(() => {
    onError.current = options.onError
  })

  const shown = useRef<{ grid: GridApi<EntryRow> | null; filterKey: string | null }>({ grid: null, filterKey: null })
  useEffect(() => {
    if (!grid) return
    if (shown.current.grid === grid && shown.current.filterKey === source.filterKey) {
      grid.refreshInfiniteCache()
      return
    }
    shown.current = { grid, filterKey: source.filterKey }
    grid.setGridOption('datasource', createDatasource(api, () => sourceRef.current, (e) => onError.current(e)))
  }, [api, grid, source.key, source.filterKey, sourceRef])

  useEffect(() => {
    grid?.refreshCells({ force: true })
  }, [grid, context])

  useEffect(() => {
    if (!grid) return
    if (selectedId === null) grid.deselectAll()
    else grid.getRowNode(String(selectedId))?.setSelected(true, true)
  }, [grid, selectedId])
}
