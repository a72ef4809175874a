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
  /** the count once it has arrived */
  settledCount: number | null
}

export function createEntrySource(api: InspectorApi, filter: EntryFilter, revision: number): EntrySource {
  const filterKey = JSON.stringify(filter)
  const count = api.countEntries({ filter }).then((r) => r.count)
  const source: EntrySource = { filterKey, key: `${filterKey}#${revision}`, filter, count, settledCount: null }
  count.then(
    (n) => void (source.settledCount = n),
    () => undefined, // reported by whoever awaits it
  )
  return source
}

/**
 * The infinite row model's datasource. It reads the current source through `current()`, so a store
 * refresh (rows arriving during an import) reloads blocks in place instead of jumping to the top.
 * Rows are shown as soon as they arrive: when the exact count is not known yet (a cold store can take
 * far longer to count than to page), the grid scrolls on as far as rows exist, and `onCount` gives it
 * the row count once it arrives.
 */
export function createDatasource(
  api: InspectorApi,
  current: () => EntrySource,
  onError: (error: Error) => void,
  onCount: (count: number) => void,
): IDatasource {
  return {
    getRows: (params: IGetRowsParams) => {
      const source = current()
      const limit = params.endRow - params.startRow
      const query = { filter: source.filter, sort: toSortSpec(params.sortModel), offset: params.startRow, limit }
      api.queryEntries(query).then(
        (page) => {
          const end = params.startRow + page.rows.length
          if (page.rows.length < limit) return params.successCallback(page.rows, end)
          const total = source.settledCount
          params.successCallback(page.rows, total !== null && total >= end ? total : -1)
          if (total !== null) return
          source.count.then(
            (count) => {
              if (current() === source && count >= end) onCount(count)
            },
            () => undefined, // the status line reports it
          )
        },
        (error: unknown) => {
          params.failCallback()
          onError(error instanceof Error ? error : new Error(String(error)))
        },
      )
    },
  }
}
