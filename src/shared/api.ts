// The one contract between the UI (or any client) and the backend. Each method takes at most one
// JSON argument and returns a Promise of JSON. Both transports (Electron IPC, loopback HTTP) carry it.
import type {
  EntryDetail,
  EntryFilter,
  EntryPage,
  EntryQuery,
  FacetRequest,
  FacetResult,
  Histogram,
  HistogramRequest,
  ImportProgress,
  ImportRequest,
  ImportSummary,
  SortSpec,
  SourceInfo,
  StoreInfo,
} from './types'
import type { CompareRequest, CompareResult } from './compare-types'
import type { StoreHealth } from './store-types'
import type { TenantStatsRequest, TenantStatsResult } from './tenant-types'
import type { ExportFinished, ExportProgress, ExportRequest, RedactionPreviewItem } from './export-types'
import type { Finding, FindingsRequest, TriageReport, TriageReportRequest, TriageRequest, TriageResult } from './triage-types'
import type {
  AppliedView,
  ApplyViewRequest,
  ExportedView,
  ImportViewRequest,
  SavedView,
  SaveViewRequest,
} from './view-types'

export interface InspectorApi {
  getStoreInfo(): Promise<StoreInfo>
  listSources(): Promise<SourceInfo[]>
  removeSource(req: { id: number }): Promise<void>
  startImport(req: ImportRequest): Promise<{ jobId: string }>
  cancelImport(req: { jobId: string }): Promise<void>
  /** Imports the small sample log bundled with the app. */
  importSample(): Promise<{ jobId: string }>
  queryEntries(query: EntryQuery): Promise<EntryPage>
  countEntries(req: { filter: EntryFilter }): Promise<{ count: number }>
  /** Row index of an entry in the filtered, sorted list (null when it does not match). */
  locateEntry(req: { filter: EntryFilter; sort?: SortSpec; id: number }): Promise<{ index: number | null }>
  getFacets(req: FacetRequest): Promise<FacetResult>
  getHistogram(req: HistogramRequest): Promise<Histogram>
  getEntry(req: { id: number }): Promise<EntryDetail | null>
  /** Saved views, by name (case-insensitive). */
  listViews(): Promise<SavedView[]>
  /** Creates the view or replaces the one with the same name (unless createOnly). */
  saveView(req: SaveViewRequest): Promise<SavedView>
  renameView(req: { name: string; newName: string }): Promise<SavedView>
  /** Copies a view as newName, or as "name (copy)", "name (copy 2)", … */
  duplicateView(req: { name: string; newName?: string }): Promise<SavedView>
  deleteView(req: { name: string }): Promise<void>
  markViewUsed(req: { name: string }): Promise<SavedView>
  /** The view applied most recently (to reopen at start), or null. */
  getLastUsedView(): Promise<SavedView | null>
  /** Resolves a view against the store (relative ranges from the newest entry) and marks it used. */
  applyView(req: ApplyViewRequest): Promise<AppliedView>
  exportView(req: { name: string }): Promise<ExportedView>
  /** Reads an exported view file; an invalid or tampered file is a bad-argument error saying why. */
  importView(req: ImportViewRequest): Promise<SavedView>
  /** Function × Result matrix of source A against source B, biggest regressions first. */
  compareSources(req: CompareRequest): Promise<CompareResult>
  /** Volume, errors, p50 / p95 latency and first / last seen per tenant. */
  getTenantStats(req: TenantStatsRequest): Promise<TenantStatsResult>
  /** Exports every entry matching the filter (redacted) to `path`, or to a download in a browser. */
  startExport(req: ExportRequest): Promise<{ exportId: string }>
  cancelExport(req: { exportId: string }): Promise<void>
  /** What redaction masks in this entry (empty when the entry holds no credentials). */
  previewRedaction(req: { id: number }): Promise<RedactionPreviewItem[]>
  /** Walks the triage flowchart for one caller and returns the verdict with its evidence. */
  runTriage(req: TriageRequest): Promise<TriageResult>
  /** Automatic findings (error spikes, slowdowns, repeated failures, …) over the store or a range. */
  getFindings(req: FindingsRequest): Promise<Finding[]>
  /** A triage as a Markdown or self-contained HTML file (credentials redacted). */
  renderTriageReport(req: TriageReportRequest): Promise<TriageReport>
  /** Whether the store file is sound, damaged (offer read-only or rebuild) or open read-only. */
  getStoreHealth(): Promise<StoreHealth>
  /** Reopens the store read-only, to look at and export what a damaged store still holds. */
  openStoreReadOnly(): Promise<StoreHealth>
  /** Moves the store file aside (kept: see backupPath) and starts an empty store in its place. */
  rebuildStore(): Promise<StoreHealth>
}

export type ApiMethod = keyof InspectorApi

// A record, not an array: the compiler complains when a method is missing or extra.
export const API_METHODS = {
  getStoreInfo: 1,
  listSources: 1,
  removeSource: 1,
  startImport: 1,
  cancelImport: 1,
  importSample: 1,
  queryEntries: 1,
  countEntries: 1,
  locateEntry: 1,
  getFacets: 1,
  getHistogram: 1,
  getEntry: 1,
  listViews: 1,
  saveView: 1,
  renameView: 1,
  duplicateView: 1,
  deleteView: 1,
  markViewUsed: 1,
  getLastUsedView: 1,
  applyView: 1,
  exportView: 1,
  importView: 1,
  compareSources: 1,
  getTenantStats: 1,
  startExport: 1,
  cancelExport: 1,
  previewRedaction: 1,
  runTriage: 1,
  getFindings: 1,
  renderTriageReport: 1,
  getStoreHealth: 1,
  openStoreReadOnly: 1,
  rebuildStore: 1,
} as const satisfies Record<ApiMethod, 1>

/** Events pushed from the backend (IPC `webContents.send`, or Server-Sent Events over HTTP). */
export interface InspectorEvents {
  importProgress: ImportProgress
  importFinished: ImportSummary
  /** sources were added or removed: cached counts and facets are stale */
  storeChanged: { reason: 'import' | 'remove' | 'other' }
  /** desktop menu items the UI carries out (File ▸ Export…, View ▸ Toggle Dark Mode, …) */
  menuCommand: { command: MenuCommand }
  exportProgress: ExportProgress
  exportFinished: ExportFinished
}
export type MenuCommand = 'import' | 'export' | 'toggleTheme' | 'shortcuts' | 'about' | 'triage'
export type InspectorEventName = keyof InspectorEvents
export const EVENT_NAMES = {
  importProgress: 1,
  importFinished: 1,
  storeChanged: 1,
  menuCommand: 1,
  exportProgress: 1,
  exportFinished: 1,
} as const satisfies Record<InspectorEventName, 1>

export type Subscribe = <K extends InspectorEventName>(
  event: K,
  handler: (payload: InspectorEvents[K]) => void,
) => () => void

/** What the preload exposes as `window.inspector` (and what the HTTP client provides in a browser). */
export interface InspectorBridge {
  api: InspectorApi
  on: Subscribe
  /** Desktop only: the file-system path of a dropped or picked File; null in a browser. */
  pathForFile(file: File): string | null
  /** Desktop only: asks where to save a file (a native save dialog); null when cancelled or in a browser. */
  chooseSavePath(suggestedName: string): Promise<string | null>
}

export const API_CHANNEL = 'inspector:api'
export const EVENT_CHANNEL = 'inspector:event'
export const SAVE_DIALOG_CHANNEL = 'inspector:save-dialog'
