// Plain JSON data for exports and the redaction preview (issue 5), exchanged like types.ts.
import type { EntryFilter, SortSpec } from './types'

export const EXPORT_FORMATS = ['csv', 'ndjson', 'har'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportRequest {
  filter: EntryFilter
  sort?: SortSpec
  format: ExportFormat
  /** desktop: the file chosen in a save dialog; omitted in a browser (a download link is offered) */
  path?: string
  /** CSV only: start with a UTF-8 byte-order mark so Excel reads the file as UTF-8 */
  bom?: boolean
}

export interface ExportProgress {
  exportId: string
  rows: number
  /** rows matching the filter when the export started */
  total: number
}

export interface ExportFinished {
  exportId: string
  /** rows written */
  rows: number
  /** where the file was written (desktop / CLI); null in a browser or when the export failed */
  path: string | null
  /** browser mode: GET this (with the session token) to download the file; null otherwise */
  downloadUrl: string | null
  /** why the export stopped ("export cancelled", a write error); null when it completed */
  failure: string | null
  /** anything the file does not carry as-is (placeholders in HAR, …); also written into the file */
  notes: string[]
}

/** One credential the redaction would mask in an entry, for the "what will be masked" preview. */
export interface RedactionPreviewItem {
  /** "url", "raw", "requestBody", "requestHeaders.Authorization", … */
  field: string
  /** the secret shortened to a few characters and its length: "eyJh… (43 chars)" */
  before: string
  /** its replacement: «redacted:7f3a9c» */
  after: string
}
