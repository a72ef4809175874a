// Plain JSON data exchanged between the backend and its clients (renderer, CLI, HTTP).
// Times are ISO-8601 UTC strings; ids are numbers.

export const RESULT_KINDS = ['success', 'error', 'notice'] as const
export type ResultKind = (typeof RESULT_KINDS)[number]

export const SOURCE_FORMATS = ['har', 'csv', 'vicidial', 'ndjson', 'json', 'access-log'] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]

/** Header list in original order; names keep their original case. */
export type HeaderList = Array<[name: string, value: string]>

/** One API call as shown in the grid. */
export interface EntryRow {
  id: number
  sourceId: number
  position: number
  ts: string | null
  apiUser: string | null
  agentUser: string | null
  function: string | null
  result: ResultKind
  statusCode: number | null
  statusText: string | null
  resultReason: string | null
  errorCode: string | null
  method: string | null
  url: string | null
  host: string | null
  path: string | null
  endpoint: string | null
  service: string | null
  tenant: string | null
  clientIp: string | null
  durationMs: number | null
  delayMs: number | null
  correlationId: string | null
  origin: string | null
}

/** One API call with everything the detail panes show. */
export interface EntryDetail extends EntryRow {
  requestHeaders: HeaderList
  requestBody: string | null
  requestBodyEncoding: 'base64' | null
  responseHeaders: HeaderList
  responseBody: string | null
  responseBodyEncoding: 'base64' | null
  /** The original record exactly as read from the file (a line, a JSON object, a CSV row). */
  raw: string
  sourceName: string
}

export const FILTER_FIELDS = [
  'apiUser',
  'agentUser',
  'function',
  'result',
  'statusCode',
  'method',
  'service',
  'tenant',
  'clientIp',
  'sourceId',
  'correlationId',
] as const
export type FilterField = (typeof FILTER_FIELDS)[number]

/** Fields that can be faceted (distinct values with counts). */
export const FACET_FIELDS = [
  'apiUser',
  'agentUser',
  'function',
  'result',
  'statusCode',
  'method',
  'service',
  'tenant',
  'clientIp',
  'sourceId',
] as const
export type FacetField = (typeof FACET_FIELDS)[number]

export const SORT_FIELDS = [
  'id',
  'ts',
  'apiUser',
  'agentUser',
  'function',
  'result',
  'statusCode',
  'statusText',
  'resultReason',
  'errorCode',
  'method',
  'url',
  'host',
  'path',
  'endpoint',
  'service',
  'tenant',
  'clientIp',
  'durationMs',
  'delayMs',
  'correlationId',
  'origin',
  'sourceId',
  'position',
] as const
export type SortField = (typeof SORT_FIELDS)[number]

/**
 * Which entries to look at. Within a field values are ORed; fields are ANDed.
 * `null` in a value list matches entries where the field is empty.
 * statusCode accepts exact codes ("404") and classes ("4xx"); "0" is "no response".
 */
export interface EntryFilter {
  /** inclusive, ISO-8601 */
  from?: string
  /** exclusive, ISO-8601 */
  to?: string
  apiUser?: Array<string | null>
  agentUser?: Array<string | null>
  function?: Array<string | null>
  result?: ResultKind[]
  statusCode?: string[]
  method?: Array<string | null>
  service?: Array<string | null>
  tenant?: Array<string | null>
  clientIp?: Array<string | null>
  sourceId?: number[]
  correlationId?: string[]
  /** Full-text search over URL, error text and bodies. */
  search?: string
}

export interface SortSpec {
  field: SortField
  dir: 'asc' | 'desc'
}

export interface EntryQuery {
  filter: EntryFilter
  sort?: SortSpec
  offset?: number
  limit?: number
}

export interface EntryPage {
  rows: EntryRow[]
  offset: number
}

export interface FacetValue {
  value: string | number | null
  count: number
}

export interface FacetRequest {
  filter: EntryFilter
  fields: FacetField[]
  /** Max values per field, most frequent first. */
  limit?: number
  /** Only values containing this text (case-insensitive). */
  contains?: string
}

export type FacetResult = Partial<Record<FacetField, FacetValue[]>>

export interface HistogramRequest {
  filter: EntryFilter
  /** Desired number of buckets; the engine rounds the width to a friendly size. */
  buckets?: number
}

export interface HistogramBucket {
  /** bucket start, ISO */
  start: string
  success: number
  error: number
  notice: number
}

export interface Histogram {
  bucketMs: number
  from: string | null
  to: string | null
  buckets: HistogramBucket[]
}

export interface ImportError {
  position: number
  message: string
}

export interface SourceInfo {
  id: number
  name: string
  path: string | null
  size: number
  sha256: string
  format: SourceFormat
  /** column → field mapping used (CSV-like formats) */
  mapping: Record<string, string> | null
  /** zone assumed for timestamps that carry none */
  timeZone: string
  importedAt: string
  entryCount: number
  skippedCount: number
  errorCount: number
  /** first few errors with their positions */
  errors: ImportError[]
  firstTs: string | null
  lastTs: string | null
  durationMs: number
  secretsKept: boolean
}

export interface StoreInfo {
  dbPath: string
  entryCount: number
  sourceCount: number
  firstTs: string | null
  lastTs: string | null
  /** true while any loaded source was imported with secrets kept */
  hasSecretsKept: boolean
}

export type ImportFormatChoice = SourceFormat | 'auto'

export interface ImportOptions {
  format?: ImportFormatChoice
  /** column → field overrides for CSV-like formats */
  mapping?: Record<string, string>
  /** zone for timestamps without one (IANA name or ±HH:MM); default UTC */
  timeZone?: string
  /** import again even when the same file (sha256) is already in the store */
  force?: boolean
  /** keep credentials instead of redacting them */
  keepSecrets?: boolean
}

/** A file to import: a path on the backend's machine, or an upload id from the HTTP host. */
export type ImportFileRef = { path: string } | { uploadId: string; name: string }

export interface ImportRequest extends ImportOptions {
  files: ImportFileRef[]
}

export type ImportPhase = 'reading' | 'indexing' | 'done' | 'failed' | 'cancelled'

export interface ImportProgress {
  jobId: string
  fileIndex: number
  fileCount: number
  file: string
  phase: ImportPhase
  bytesRead: number
  bytesTotal: number
  entries: number
  errors: number
  entriesPerSecond: number
}

export interface ImportFileResult {
  file: string
  /** null when the file was rejected or skipped as a duplicate */
  sourceId: number | null
  format: SourceFormat | null
  imported: number
  skipped: number
  errors: ImportError[]
  errorCount: number
  durationMs: number
  /** set when the whole file was rejected (not a log, unreadable, duplicate, cancelled) */
  failure: string | null
  duplicateOf: number | null
}

export interface ImportSummary {
  jobId: string
  files: ImportFileResult[]
  cancelled: boolean
}
