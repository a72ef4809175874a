// Pure logic behind the saved-views sidebar: what a view says in words, and the view the user is
// about to save from the current filter, time range choice and grid layout.
import type { EntryFilter, SortSpec } from '../../../../shared/types'
import {
  VIEW_LIMITS,
  viewPartsOf,
  type SavedView,
  type SavedViewSpec,
  type ViewColumn,
  type ViewTimeRange,
} from '../../../../shared/view-types'
import { formatDateTime, formatDuration, type TimeMode } from '../../lib/time-format'
import { summarizeFilter, type ValueFormatter } from '../filters/filter-model'

/** How the time range of a new view is kept. */
export type TimeChoice = 'all' | 'absolute' | 'relative'

const MINUTE = 60_000

/** "Whole log", "Last 60 min of the log", "2024-05-01 10:00:00 UTC → 2024-05-01 11:00:00 UTC". */
export function describeViewTime(range: ViewTimeRange, mode: TimeMode): string {
  if (range.kind === 'all') return 'Whole log'
  if (range.kind === 'relative') return `Last ${formatMinutes(range.lastMinutes)} of the log`
  if (range.from && range.to) return `${formatDateTime(range.from, mode)} → ${formatDateTime(range.to, mode)}`
  if (range.from) return `From ${formatDateTime(range.from, mode)}`
  return `Before ${formatDateTime(range.to as string, mode)}`
}

/** "45 min", "2 h", "1 h 30 min", "3 days" for a whole number of minutes. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  if (minutes % (24 * 60) === 0) return minutes === 1440 ? '24 h' : `${minutes / 1440} days`
  if (minutes % 60 === 0) return `${minutes / 60} h`
  return formatDuration(minutes * MINUTE)
}

/** The filter part of a view in one line ("all entries" when it filters nothing). */
export function describeViewFilter(view: SavedViewSpec, format: ValueFormatter, mode: TimeMode): string {
  const parts = summarizeFilter(view.filter as EntryFilter, format, mode)
  const search = view.search.trim() !== '' ? `search “${view.search.trim()}”` : ''
  return [parts, search].filter(Boolean).join(' · ') || 'All entries'
}

/** The minutes a relative range starts with: the current range's length, else an hour. */
export function defaultLastMinutes(filter: EntryFilter): number {
  if (!filter.from || !filter.to) return 60
  const minutes = Math.round((Date.parse(filter.to) - Date.parse(filter.from)) / MINUTE)
  return Math.min(VIEW_LIMITS.maxLastMinutes, Math.max(1, Number.isFinite(minutes) ? minutes : 60))
}

export function hasTimeRange(filter: EntryFilter): boolean {
  return filter.from !== undefined || filter.to !== undefined
}

export interface NewView {
  name: string
  filter: EntryFilter
  time: TimeChoice
  lastMinutes: number
  columns: ViewColumn[]
  sort: SortSpec | null
}

/** The view to save: the filter's values and search, the chosen kind of time range, and the layout. */
export function buildViewSpec(draft: NewView): SavedViewSpec {
  const parts = viewPartsOf(draft.filter)
  const timeRange: ViewTimeRange =
    draft.time === 'relative'
      ? { kind: 'relative', lastMinutes: Math.round(draft.lastMinutes) }
      : draft.time === 'absolute' && parts.timeRange.kind === 'absolute'
        ? parts.timeRange
        : { kind: 'all' }
  return { name: draft.name.trim(), ...parts, timeRange, columns: draft.columns, sort: draft.sort }
}

// C0/C1 controls, bidi controls, zero-width and line separators (the backend's rule)
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/

/** Why a name cannot be used (mirrors the backend's rule), or null. */
export function viewNameProblem(name: string): string | null {
  const trimmed = name.normalize('NFC').trim()
  if (trimmed === '') return 'Give the view a name.'
  if (trimmed.length > VIEW_LIMITS.nameChars) return `A name has at most ${VIEW_LIMITS.nameChars} characters.`
  if (INVISIBLE.test(trimmed)) return 'A name cannot hold control or invisible characters.'
  return null
}

export function findView(views: readonly SavedView[], name: string): SavedView | undefined {
  const key = name.trim().toLowerCase()
  return views.find((v) => v.name.toLowerCase() === key)
}

/** "Used 5 min ago", "Used 2024-05-01 10:00:00 UTC" (older than a day), "Never used". */
export function describeLastUsed(lastUsedAt: string | null, mode: TimeMode, now = Date.now()): string {
  if (!lastUsedAt) return 'Never used'
  const ago = now - Date.parse(lastUsedAt)
  if (!Number.isFinite(ago)) return 'Never used'
  if (ago < MINUTE) return 'Used just now'
  if (ago < 60 * MINUTE) return `Used ${Math.floor(ago / MINUTE)} min ago`
  if (ago < 24 * 60 * MINUTE) return `Used ${Math.floor(ago / (60 * MINUTE))} h ago`
  return `Used ${formatDateTime(lastUsedAt, mode)}`
}
