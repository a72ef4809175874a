// Query latencies over seeded filter combinations, through the same query functions the backend
// serves the UI with (first page, total count, the four filter facets, the timeline histogram,
// full-text search as first page + count). Wall time and this thread's CPU time per call.
import type { EntryFilter, FacetField } from '../../shared/types'
import { countEntries, queryEntries } from '../query/entries-query'
import { facets } from '../query/facets'
import { histogram } from '../query/histogram'
import { openDb, type Db } from '../store/db'
import { drawSearchTerms, makeCombos, readFilterPool } from './filter-combos'
import { deriveSeed } from './generate/rng'
import { log } from './progress'
import { summarize, timeSync, type Summary } from './stats'

export const QUERY_KINDS = ['firstPage', 'count', 'facets', 'countPlusFacets', 'histogram', 'search'] as const
export type QueryKind = (typeof QUERY_KINDS)[number]

export const QUERY_LABELS: Record<QueryKind, string> = {
  firstPage: 'first page (100 rows, default sort)',
  count: 'total count',
  facets: 'four facets (API User, Agent User, Function, Result)',
  countPlusFacets: 'count + four facets',
  histogram: 'histogram (100 buckets)',
  search: 'full-text search (first page + count)',
}

export interface QueryFigures {
  store: string
  entries: number
  combos: number
  wall: Record<QueryKind, Summary>
  cpu: Record<QueryKind, Summary>
  /** how many combinations matched nothing */
  emptyResults: number
  filters: EntryFilter[]
  searchTerms: string[]
  measuredAt: string
}

const FOUR: FacetField[] = ['apiUser', 'agentUser', 'function', 'result']
/** The renderer's timeline: the filter without its time range, 100 buckets. */
const HISTOGRAM_BUCKETS = 100

function withoutTime(filter: EntryFilter): EntryFilter {
  const { from: _from, to: _to, ...rest } = filter
  return rest
}

type Samples = Record<QueryKind, number[]>
const emptySamples = (): Samples => Object.fromEntries(QUERY_KINDS.map((k) => [k, []])) as unknown as Samples

/** One pass over the unfiltered store first, as an app that has just shown its first screen. */
function warmUp(db: Db): void {
  queryEntries(db, { filter: {}, limit: 100 })
  countEntries(db, {})
  facets(db, { filter: {}, fields: FOUR })
  histogram(db, { filter: {}, buckets: HISTOGRAM_BUCKETS })
}

function measureCombo(db: Db, filter: EntryFilter, term: string, wall: Samples, cpu: Samples): number {
  const record = (kind: QueryKind, t: { wallMs: number; cpuMs: number }) => {
    wall[kind].push(t.wallMs)
    cpu[kind].push(t.cpuMs)
  }
  record('firstPage', timeSync(() => queryEntries(db, { filter, limit: 100 })))
  const count = timeSync(() => countEntries(db, filter))
  record('count', count)
  const facetTime = timeSync(() => facets(db, { filter, fields: FOUR }))
  record('facets', facetTime)
  record('countPlusFacets', { wallMs: count.wallMs + facetTime.wallMs, cpuMs: count.cpuMs + facetTime.cpuMs })
  record('histogram', timeSync(() => histogram(db, { filter: withoutTime(filter), buckets: HISTOGRAM_BUCKETS })))
  const searched = { ...filter, search: term }
  record('search', timeSync(() => [queryEntries(db, { filter: searched, limit: 100 }), countEntries(db, searched)]))
  return count.value
}

export function measureQueries(storePath: string, store: string, combos: number, seed: number): QueryFigures {
  const db = openDb(storePath)
  try {
    const entries = countEntries(db, {})
    const filters = makeCombos(readFilterPool(db), combos, deriveSeed(seed, 'filters'))
    const terms = drawSearchTerms(db, combos, deriveSeed(seed, 'search'))
    warmUp(db)
    const wall = emptySamples()
    const cpu = emptySamples()
    let emptyResults = 0
    filters.forEach((filter, i) => {
      if (measureCombo(db, filter, terms[i % terms.length] ?? 'error', wall, cpu) === 0) emptyResults++
      if ((i + 1) % 10 === 0) log(`query: ${i + 1}/${filters.length} combinations`)
    })
    const summaries = (samples: Samples) =>
      Object.fromEntries(QUERY_KINDS.map((k) => [k, summarize(samples[k])])) as Record<QueryKind, Summary>
    return {
      store,
      entries,
      combos: filters.length,
      wall: summaries(wall),
      cpu: summaries(cpu),
      emptyResults,
      filters,
      searchTerms: terms,
      measuredAt: new Date().toISOString(),
    }
  } finally {
    db.close()
  }
}
