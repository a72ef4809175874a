// The queries the grid, the filter panels and the timeline run: answered from the in-memory column
// index when it can (column-index/), else by the SQL functions, which define the behaviour.
import type {
  EntryFilter, EntryPage, EntryQuery, FacetRequest, FacetResult, Histogram, HistogramRequest, SortSpec,
} from '../../shared/types'
import type { Db } from '../store/db'
import type { ColumnIndexService } from './column-index/column-index-service'
import { IndexedQueries } from './column-index/indexed-queries'
import { countEntries, queryEntries } from './entries-query'
import { facets } from './facets'
import { histogram } from './histogram'
import { locateEntry } from './locate-entry'

export interface QueryEngine {
  queryEntries(query: EntryQuery): EntryPage
  countEntries(filter: EntryFilter): number
  facets(request: FacetRequest): FacetResult
  histogram(request: HistogramRequest): Histogram
  locateEntry(filter: EntryFilter, sort: SortSpec | undefined, id: number): number | null
}

/** SQL only (no index), or the index first with SQL for what it cannot answer. */
export function createQueryEngine(db: Db, index: ColumnIndexService | null): QueryEngine {
  const indexed = index ? new IndexedQueries(db, index) : null
  return {
    queryEntries: (query) => indexed?.queryEntries(query) ?? queryEntries(db, query),
    countEntries: (filter) => indexed?.countEntries(filter) ?? countEntries(db, filter),
    facets: (request) => indexed?.facets(request) ?? facets(db, request),
    histogram: (request) => indexed?.histogram(request) ?? histogram(db, request),
    locateEntry: (filter, sort, id) => {
      const index = indexed?.locateEntry(filter, sort, id)
      return index !== undefined ? index : locateEntry(db, filter, sort, id)
    },
  }
}
