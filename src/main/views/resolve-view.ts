// A saved view turned into the concrete EntryFilter for a store: relative ranges count back from
// the newest entry of the log (the same rule as the UI's "Last 15 min" presets).
import type { EntryFilter } from '../../shared/types'
import type { SavedViewSpec } from '../../shared/view-types'
import { toIso } from '../store/columns'
import type { Db } from '../store/db'

export interface StoreSpan {
  firstTs: string | null
  lastTs: string | null
}

const MINUTE = 60_000

/** Oldest and newest entry time of the complete sources (all, or only those given). */
export function storeSpan(db: Db, sourceIds?: readonly number[]): StoreSpan {
  const only = sourceIds && sourceIds.length > 0 ? `AND id IN (${sourceIds.map(() => '?').join(', ')})` : ''
  const row = db
    .prepare(`SELECT min(first_ts) AS lo, max(last_ts) AS hi FROM sources WHERE status = 'complete' ${only}`)
    .get(...(sourceIds ?? [])) as { lo: number | null; hi: number | null }
  return { firstTs: toIso(row.lo), lastTs: toIso(row.hi) }
}

function timeBounds(view: SavedViewSpec, span: StoreSpan): Pick<EntryFilter, 'from' | 'to'> {
  const range = view.timeRange
  if (range.kind === 'absolute') {
    const bounds: Pick<EntryFilter, 'from' | 'to'> = {}
    if (range.from !== undefined) bounds.from = range.from
    if (range.to !== undefined) bounds.to = range.to
    return bounds
  }
  // A log without timestamps has no end to count back from: the range is then the whole log.
  if (range.kind === 'all' || span.lastTs === null) return {}
  const end = Date.parse(span.lastTs) + 1
  return { from: new Date(end - range.lastMinutes * MINUTE).toISOString(), to: new Date(end).toISOString() }
}

/**
 * The EntryFilter a view stands for: its filter, its time range (relative ranges end one
 * millisecond after `span.lastTs`, since `to` is exclusive) and its search text.
 */
export function resolveViewFilter(view: SavedViewSpec, span: StoreSpan): EntryFilter {
  const filter: EntryFilter = {}
  for (const [field, values] of Object.entries(view.filter)) {
    if (Array.isArray(values) && values.length > 0) (filter as Record<string, unknown>)[field] = [...values]
  }
  Object.assign(filter, timeBounds(view, span))
  if (view.search.trim() !== '') filter.search = view.search.trim()
  return filter
}
