// The query API answered from the column index. Each method returns undefined when the index cannot
// answer (still loading, a correlation id filter, a sort by another column, a page row gone
// meanwhile): the caller then runs the SQL query, which stays the reference behaviour.
import type {
  EntryFilter, EntryPage, EntryQuery, FacetRequest, FacetResult, Histogram, HistogramRequest, SortSpec,
} from '../../../shared/types'
import type { Db } from '../../store/db'
import { QueryError } from '../compile-filter'
import { pageWindow } from '../entries-query'
import type { ColumnIndexService } from './column-index-service'
import { planFilter } from './filter-plan'
import { canIndexFacets, indexFacets } from './index-facets'
import { indexHistogram } from './index-histogram'
import { fetchRows, isIndexedSort, locateRow, pageIds } from './index-pages'
import { countRows, type IndexQuery } from './selection'

/** Longest facet `contains` answered here (SQLite's LIKE has its own pattern length limit). */
const MAX_CONTAINS = 10_000

export class IndexedQueries {
  constructor(
    private readonly db: Db,
    private readonly index: ColumnIndexService,
  ) {}

  queryEntries(query: EntryQuery): EntryPage | undefined {
    const sort = query.sort ?? { field: 'ts', dir: 'asc' }
    if (!isIndexedSort(sort)) return undefined // SQL sorts by the other columns (and rejects unknown ones)
    const q = this.prepare(query.filter)
    if (!q) return undefined
    const { limit, offset } = pageWindow(query)
    const rows = fetchRows(this.db, pageIds(q, sort, offset, limit))
    return rows ? { rows, offset } : undefined
  }

  countEntries(filter: EntryFilter): number | undefined {
    const q = this.prepare(filter)
    return q ? countRows(q) : undefined
  }

  facets(request: FacetRequest): FacetResult | undefined {
    if ((request.contains?.length ?? 0) > MAX_CONTAINS) return undefined
    let q: IndexQuery | null
    try {
      q = this.prepare(request.filter)
    } catch (error) {
      // a bad status value is ignored when faceting statusCode itself: SQL knows which facet throws
      if (error instanceof QueryError) return undefined
      throw error
    }
    return q && canIndexFacets(q.store, request) ? indexFacets(q, request) : undefined
  }

  histogram(request: HistogramRequest): Histogram | undefined {
    const q = this.prepare(request.filter)
    return q ? indexHistogram(q, request) : undefined
  }

  locateEntry(filter: EntryFilter, sort: SortSpec | undefined, id: number): number | null | undefined {
    const spec = sort ?? { field: 'ts', dir: 'asc' }
    if (!isIndexedSort(spec)) return undefined
    const q = this.prepare(filter)
    return q ? locateRow(q, spec, id) : undefined
  }

  /** The index, the filter's plan and its full-text hits; null when the index cannot answer. */
  private prepare(filter: EntryFilter): IndexQuery | null {
    const store = this.index.current()
    if (!store) return null
    const plan = planFilter(store, filter)
    if (!plan) return null
    if (plan.search === null || plan.empty) return { store, plan, hits: null }
    try {
      return { store, plan, hits: this.index.search.get(this.db, store, plan.search) }
    } catch {
      return null // SQL runs the same MATCH and reports its error
    }
  }
}
