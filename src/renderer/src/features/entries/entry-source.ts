// One "result set" of the grid: the filter, the store revision it was read at, and its exact count
// (computed once and shared by the status line and the grid's row count).
import type { IDatasource, IGetRowsParams } from 'ag-grid-community'
import type { InspectorApi } from '../../../../shared/api'
import type { EntryFilter } from '../../../../shared/types'
import { toSortSpec } from './columns'

export interface EntrySource {
  /** changes when the filter changes (the grid then starts over at the top) */
  filterKey: string
  /** changes when the filter or the store changes */
  key: string
  filter: EntryFilter
  count: Promise<number>
}

export function createEntrySource(api: InspectorApi, filter: EntryFilter, revision: number): EntrySource {
  const filterKey = JSON.stringify(filter)
  const count = api.countEntries({ filter }).then((r) => r.count)
  count.catch(() => undefined) // reported by whoever awaits it
  return { filterKey, key: `${filterKey}#${revision}`, filter, count }
}

/**
 * The infinite row model's datasource. It reads the current source through `current()`, so a store
 * refresh (rows arriving during an import) reloads blocks in place instead of jumping to the top.
 */
export function createDatasource(
  api: InspectorApi,
  current: () => EntrySource,
  onError: (error: Error) => void,
): IDatasource {
  return {
    getRows: (params: IGetRowsParams) => {
      const source = current()
      const limit = params.endRow - params.startRow
      const query = { filter: source.filter, sort: toSortSpec(params.sortModel), offset: params.startRow, limit }
      Promise.all([api.queryEntries(query), source.count.catch(() => -1)]).then(
        ([page, total]) => {
          const end = params.startRow + page.rows.length
          const lastRow = page.rows.length < limit ? end : total >= end ? total : -1
          params.successCallback(page.rows, lastRow)
        },
        (error: unknown) => {
          params.failCallback()
          onError(error instanceof Error ? error : new Error(String(error)))
        },
      )
    },
  }
}
