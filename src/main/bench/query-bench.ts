// Query latencies over seeded filter combinations, through the same query engine the backend
// serves the UI with (the column index, loaded by its worker first, with SQL for what it does not
// answer): first page, total count, the four filter facets, the timeline histogram, full-text
// search as first page + count. Wall time and the process's CPU time per call.
import type { EntryFilter, FacetField } from '../../shared/types'
import { ColumnIndexService } from '../query/column-index/column-index-service'
import { bundledIndexWorkerPath } from '../query/column-index/load-chunk'
import { createQueryEngine, type QueryEngine } from '../query/query-engine'
import { openDb } from '../store/db'
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
  /** the column index the queries ran on: its load (worker) and memory */
  index?: IndexFigures
  measuredAt: string
}

export interface IndexFigures {
  state: string
  loadWallMs: number
  /** CPU of the whole process (the worker thread included) while loading */
  loadCpuMs: number
  rows: number
  bytes: number
  bytesPerEntry: number
  worker: boolean
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
function warmUp(engine: QueryEngine): void {
  engine.queryEntries({ filter: {}, limit: 100 })
  engine.countEntries({})
  engine.facets({ filter: {}, fields: FOUR })
  engine.histogram({ filter: {}, buckets: HISTOGRAM_BUCKETS })
}

function measureCombo(engine: QueryEngine, filter: EntryFilter, term: string, wall: Samples, cpu: Samples): number {
  const record = (kind: QueryKind, t: { wallMs: number; cpuMs: number }) => {
    wall[kind].push(t.wallMs)
    cpu[kind].push(t.cpuMs)
  }
  record('firstPage', timeSync(() => engine.queryEntries({ filter, limit: 100 })))
  const count = timeSync(() => engine.countEntries(filter))
  record('count', count)
  const facetTime = timeSync(() => engine.facets({ filter, fields: FOUR }))
  record('facets', facetTime)
  record('countPlusFacets', { wallMs: count.wallMs + facetTime.wallMs, cpuMs: count.cpuMs + facetTime.cpuMs })
  record('histogram', timeSync(() => engine.histogram({ filter: withoutTime(filter), buckets: HISTOGRAM_BUCKETS })))
  const searched = { ...filter, search: term }
  record('search', timeSync(() => [engine.queryEntries({ filter: searched, limit: 100 }), engine.countEntries(searched)]))
  return count.value
}

/** Loads the column index as the backend does at open (in its worker when built) and waits for it. */
async function loadIndex(index: ColumnIndexService, worker: boolean): Promise<IndexFigures> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  index.start()
  await index.whenReady()
  const loadWallMs = Math.round(performance.now() - started)
  const used = process.cpuUsage(cpu)
  const stats = index.stats()
  log(`query: column index ${stats.state}: ${stats.rows} entries loaded in ${loadWallMs} ms, ${stats.bytesPerEntry} bytes per entry`)
  const loadCpuMs = Math.round((used.user + used.system) / 1000)
  return { state: stats.state, loadWallMs, loadCpuMs, rows: stats.rows, bytes: stats.bytes, bytesPerEntry: stats.bytesPerEntry, worker }
}

export async function measureQueries(storePath: string, store: string, combos: number, seed: number): Promise<QueryFigures> {
  const sqlite = openDb(storePath)
  const workerPath = bundledIndexWorkerPath()
  const index = new ColumnIndexService(sqlite, { dbPath: storePath, workerPath })
  try {
    const indexFigures = await loadIndex(index, workerPath !== null)
    const engine = createQueryEngine(sqlite, index)
    const entries = engine.countEntries({})
    const filters = makeCombos(readFilterPool(sqlite), combos, deriveSeed(seed, 'filters'))
    const terms = drawSearchTerms(sqlite, combos, deriveSeed(seed, 'search'))
    warmUp(engine)
    const wall = emptySamples()
    const cpu = emptySamples()
    let emptyResults = 0
    filters.forEach((filter, i) => {
      if (measureCombo(engine, filter, terms[i % terms.length] ?? 'error', wall, cpu) === 0) emptyResults++
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
      index: indexFigures,
      measuredAt: new Date().toISOString(),
    }
  } finally {
    index.close()
    sqlite.close()
  }
}
