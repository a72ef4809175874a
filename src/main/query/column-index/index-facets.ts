// Facet counts from the columns in one pass for all requested fields: a row counts for every field
// when it passes the whole filter, and for field F alone when F's own filter is the only test it
// fails (facets ignore their own field's selection). Ordered count desc, value asc as SQL does.
import { RESULT_KINDS, type FacetField, type FacetRequest, type FacetResult, type FacetValue } from '../../../shared/types'
import { facetContains, facetLimit } from '../facets'
import { asciiLower, compareBinary } from './binary-order'
import { STATUS_NULL } from './column-chunk'
import type { ColumnStore } from './column-store'
import type { LookupCondition } from './filter-plan'
import { selectRows, type IndexQuery } from './selection'
import { topValues, type ValueCounts } from './top-values'

/** rank of each result code in BINARY order: error < notice < success */
const RESULT_RANKS = Uint32Array.from(RESULT_KINDS.map((kind) => [...RESULT_KINDS].sort(compareBinary).indexOf(kind)))

interface FacetColumn {
  column: Uint8Array | Uint16Array | Uint32Array
  size: number
  valueOf(code: number): string | number | null
  rankOf(code: number): number
}

function facetColumn(store: ColumnStore, field: FacetField): FacetColumn {
  if (field === 'result') {
    return { column: store.result, size: RESULT_KINDS.length, valueOf: (c) => RESULT_KINDS[c], rankOf: (c) => RESULT_RANKS[c] }
  }
  if (field === 'statusCode') {
    const isNull = (c: number) => c === STATUS_NULL
    return { column: store.status, size: STATUS_NULL + 1, valueOf: (c) => (isNull(c) ? null : c), rankOf: (c) => (isNull(c) ? -1 : c) }
  }
  const dict = store.dicts[field]
  const ranks = dict.ranks()
  return { column: store.codes[field], size: dict.size + 1, valueOf: (c) => dict.values[c], rankOf: (c) => ranks[c] }
}

interface Missed {
  /** per selected row: how many of the field filters it fails */
  fails: Uint8Array
  /** and which one (when it fails exactly one) */
  which: Uint8Array
}

function missedFilters(rows: Uint32Array, conditions: LookupCondition[]): Missed {
  const fails = new Uint8Array(rows.length)
  const which = new Uint8Array(rows.length)
  for (let slot = 0; slot < conditions.length; slot++) markMisses(rows, conditions[slot], slot, fails, which)
  return { fails, which }
}

function markMisses(rows: Uint32Array, { column, table }: LookupCondition, slot: number, fails: Uint8Array, which: Uint8Array): void {
  for (let j = 0, n = rows.length; j < n; j++) {
    if (table[column[rows[j]]] === 0) {
      fails[j]++
      which[j] = slot
    }
  }
}

/** Counts per code of the rows that count for the field whose own filter is `slot` (-1: none). */
function countColumn({ column, size }: FacetColumn, rows: Uint32Array, missed: Missed | null, slot: number): Uint32Array {
  const counts = new Uint32Array(size)
  const n = rows.length
  if (!missed) {
    for (let j = 0; j < n; j++) counts[column[rows[j]]]++
    return counts
  }
  const { fails, which } = missed
  for (let j = 0; j < n; j++) {
    const f = fails[j]
    if (f === 0 || (f === 1 && which[j] === slot)) counts[column[rows[j]]]++
  }
  return counts
}

function containsFilter(request: FacetRequest, facet: FacetColumn): ((code: number) => boolean) | null {
  const contains = facetContains(request)
  if (contains === null) return null
  const needle = asciiLower(contains)
  return (code) => {
    const value = facet.valueOf(code)
    return value !== null && asciiLower(String(value)).includes(needle)
  }
}

/** Whether the columns give these facets exactly (not for text that SQLite stores differently). */
export function canIndexFacets(store: ColumnStore, request: FacetRequest): boolean {
  if (request.contains?.includes('\u0000')) return false
  return request.fields.every((f) => f === 'result' || f === 'statusCode' || (Object.hasOwn(store.dicts, f) && !store.dicts[f].odd))
}

type Counter = (field: FacetField, facet: FacetColumn) => Uint32Array

/** Counts over every entry (no filter: the first screen), kept until the store changes. */
const unfiltered = new WeakMap<ColumnStore, { version: number; counts: Map<FacetField, Uint32Array> }>()

function countEverything(store: ColumnStore): Counter {
  let cached = unfiltered.get(store)
  if (cached?.version !== store.version) unfiltered.set(store, (cached = { version: store.version, counts: new Map() }))
  const { counts } = cached
  return (field, { column, size }) => {
    let found = counts.get(field)
    if (!found) {
      found = new Uint32Array(size)
      for (let i = 0; i < store.rows; i++) found[column[i]]++
      counts.set(field, found)
    }
    return found
  }
}

/** Counts under the filter, each field's own filter left out (the rows stay valid until the next selection). */
function countFiltered(q: IndexQuery, fields: Set<FacetField>): Counter {
  const own = q.plan.conditions.filter((c) => fields.has(c.field as FacetField))
  const rows = selectRows(q, 'any', q.plan.conditions.filter((c) => !own.includes(c)))
  const missed = own.length > 0 ? missedFilters(rows, own) : null
  return (field, facet) => countColumn(facet, rows, missed, own.findIndex((c) => c.field === field))
}

const isUnfiltered = ({ plan, hits }: IndexQuery) => !plan.time && !hits && !plan.empty && plan.conditions.length === 0

export function indexFacets(q: IndexQuery, request: FacetRequest): FacetResult {
  const count = isUnfiltered(q) ? countEverything(q.store) : countFiltered(q, new Set(request.fields))
  const limit = facetLimit(request)
  const result: FacetResult = {}
  for (const field of request.fields) {
    const facet = facetColumn(q.store, field)
    const counts = count(field, facet)
    const values: ValueCounts = { counts, rankOf: facet.rankOf, keep: containsFilter(request, facet) }
    result[field] = topValues(values, limit).map((code): FacetValue => ({ value: facet.valueOf(code), count: counts[code] }))
  }
  return result
}
