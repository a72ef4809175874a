// Saved views: a named filter, time range, search text, column layout and sort that an analyst
// comes back to. Plain JSON exchanged between the backend and its clients (renderer, CLI, HTTP).
import type { EntryFilter, SortSpec } from './types'

/**
 * The filter part of a view. Time range and search are kept apart; source ids are left out
 * because a view applies to any source (ids differ from one store to the next).
 */
export type ViewFilter = Omit<EntryFilter, 'from' | 'to' | 'search' | 'sourceId'>

/** The view filter's fields, in display order. */
export const VIEW_FILTER_FIELDS = [
  'apiUser',
  'agentUser',
  'function',
  'result',
  'statusCode',
  'method',
  'service',
  'tenant',
  'clientIp',
  'correlationId',
] as const satisfies ReadonlyArray<keyof ViewFilter>

/**
 * The whole log; an absolute range (ISO-8601, `from` inclusive, `to` exclusive, either may be
 * left open); or the last N minutes before the newest entry of the log (logs are old, so the
 * range is relative to the log, not to the wall clock).
 */
export type ViewTimeRange =
  | { kind: 'all' }
  | { kind: 'absolute'; from?: string; to?: string }
  | { kind: 'relative'; lastMinutes: number }

/** One grid column in display order. `width` is in CSS pixels; absent means the default width. */
export interface ViewColumn {
  id: string
  width?: number
  hidden?: boolean
}

/** What a view holds; what `saveView` takes and what a view file carries. */
export interface SavedViewSpec {
  /** unique ignoring case; 1-100 characters, no control characters */
  name: string
  filter: ViewFilter
  timeRange: ViewTimeRange
  /** full-text search ('' for none) */
  search: string
  /** empty: the app's default layout */
  columns: ViewColumn[]
  /** null: the default order */
  sort: SortSpec | null
}

export interface SavedView extends SavedViewSpec {
  id: number
  createdAt: string
  updatedAt: string
  lastUsedAt: string | null
}

/** A view resolved against the store: the concrete filter to hand to queryEntries and friends. */
export interface AppliedView {
  view: SavedView
  filter: EntryFilter
}

export interface SaveViewRequest {
  view: SavedViewSpec
  /** refuse (bad-argument) instead of replacing a view of the same name */
  createOnly?: boolean
}

export interface ApplyViewRequest {
  name: string
  /** limit the view to these sources; relative ranges then count back from their newest entry */
  sourceIds?: number[]
}

export interface ExportedView {
  /** suggested file name, safe on every platform */
  fileName: string
  /** the file's text (JSON) */
  content: string
}

export interface ImportViewRequest {
  content: string
  /** replace a view of the same name instead of refusing */
  overwrite?: boolean
}

export const VIEW_FILE_FORMAT = 'api-log-inspector.view'
export const VIEW_FILE_VERSION = 1
export const VIEW_FILE_EXTENSION = '.apilog-view.json'

/** The exported file: `checksum` is "sha256:" + hex of the view's canonical JSON (sorted keys). */
export interface ViewFile {
  format: typeof VIEW_FILE_FORMAT
  version: typeof VIEW_FILE_VERSION
  view: SavedViewSpec
  checksum: string
}

export const VIEW_LIMITS = {
  nameChars: 100,
  textChars: 2000,
  listItems: 1000,
  columns: 200,
  columnIdChars: 64,
  minWidth: 10,
  maxWidth: 5000,
  /** ten years */
  maxLastMinutes: 5_256_000,
  /** a view file larger than this is refused before it is parsed */
  fileChars: 256 * 1024,
} as const

/** The view parts of a grid filter: what the UI saves when the user picks "Save view". */
export function viewPartsOf(filter: EntryFilter): Pick<SavedViewSpec, 'filter' | 'timeRange' | 'search'> {
  const { from, to, search, sourceId: _sourceId, ...rest } = filter
  const timeRange: ViewTimeRange =
    from === undefined && to === undefined
      ? { kind: 'all' }
      : { kind: 'absolute', ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }
  const viewFilter = Object.fromEntries(
    Object.entries(rest).filter(([, values]) => Array.isArray(values) && values.length > 0),
  ) as ViewFilter
  return { filter: viewFilter, timeRange, search: search?.trim() ?? '' }
}
