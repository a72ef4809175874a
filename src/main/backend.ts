// The backend behind both transports: one store, the import service and the query engine.
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { InspectorApi } from '../shared/api'
import type { ImportFileRef, StoreInfo } from '../shared/types'
import { EventHub } from './event-hub'
import { ImportService } from './import-service'
import type { FileToImport } from './importers/run-import'
import { ColumnIndexService } from './query/column-index/column-index-service'
import { createQueryEngine } from './query/query-engine'
import { compareSources } from './compare/compare-sources'
import { tenantStats } from './tenants/tenant-stats'
import { createViewsApi } from './views/views-api'
import { createExportApi } from './export/export-api'
import { ExportService } from './export/export-service'
import { loadRedactionKey, useRedactionKey } from './redact'
import { openDb, type Db } from './store/db'
import { getEntryDetail } from './store/entries-repo'
import { createTriageApi } from './triage/triage-api'
import { deleteSource, getSource, listSources } from './store/sources-repo'
import { recoverStore } from './store/recovery'
import { createRecoverableBackend, type StoreApi, type StoreBackend } from './store-health'

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NotFoundError'
  }
}

/** Uploaded files held by the HTTP host until an import has read them. */
export interface UploadResolver {
  resolve(uploadId: string): string | null
  release(uploadId: string): void
}

export interface BackendOptions {
  dbPath: string
  /** the sample log offered by the empty state */
  samplePath?: string
  uploads?: UploadResolver
  /** bundled import worker; null runs imports in-process */
  workerPath?: string | null
  nativeBinding?: string
  /** where browser-mode exports wait for download (default: a folder in the OS temp dir) */
  exportDir?: string
  /** open the store read-only (a damaged store being looked at; see store-health.ts) */
  readonly?: boolean
  /** the event hub to publish on (kept across store swaps by store-health.ts) */
  events?: EventHub
  /** the in-memory column index for queries: its bundled worker, or null to load in-process (default: bundled when built) */
  indexWorkerPath?: string | null
  /** false answers every query with SQL (default true) */
  columnIndex?: boolean
}

export interface Backend {
  api: InspectorApi
  events: EventHub
  db: Db
  imports: ImportService
  exports: ExportService
  /** the column index answering queries, null when turned off */
  columnIndex: ColumnIndexService | null
  close(): void
}

/**
 * The backend over one store, wrapped so a damaged store file is reported (getStoreHealth) and can be
 * opened read-only or rebuilt instead of crashing the app (issue 7, store-health.ts).
 */
export function createBackend(options: BackendOptions): Backend {
  return createRecoverableBackend(options, openStoreBackend)
}

function openStoreBackend(options: BackendOptions): StoreBackend {
  const db = openDb(options.dbPath, { nativeBinding: options.nativeBinding, readonly: options.readonly })
  if (!options.readonly) recoverStore(db)
  const events = options.events ?? new EventHub()
  const imports = new ImportService(
    db,
    options.dbPath,
    {
      onProgress: (progress) => events.emit('importProgress', progress),
      onFinished: (summary) => {
        events.emit('importFinished', summary)
        if (summary.files.some((f) => f.sourceId !== null)) events.emit('storeChanged', { reason: 'import' })
      },
    },
    options.workerPath,
    options.nativeBinding,
  )
  // Redaction tags use this store's key everywhere (imports, exports, reports); exports run on their own
  // read connection and are offered for download by the HTTP host in browser mode.
  useRedactionKey(loadRedactionKey(db))
  // Counts, facets, the timeline and time-sorted pages come from an in-memory column index, loaded
  // off the main thread; SQL answers until it is ready and whatever it does not cover.
  const columnIndex = options.columnIndex === false ? null : new ColumnIndexService(db, {
    dbPath: options.dbPath,
    workerPath: options.indexWorkerPath,
    nativeBinding: options.nativeBinding,
  })
  columnIndex?.start()
  const query = createQueryEngine(db, columnIndex)
  const exports = new ExportService({
    db,
    dbPath: options.dbPath,
    nativeBinding: options.nativeBinding,
    downloadDir: options.exportDir ?? join(tmpdir(), `apilog-exports-${process.pid}`),
    events: {
      onProgress: (progress) => events.emit('exportProgress', progress),
      onFinished: (finished) => events.emit('exportFinished', finished),
    },
  })

  function resolveFiles(refs: ImportFileRef[]): { files: FileToImport[]; release: () => void } {
    const uploads: string[] = []
    const files = refs.map((ref): FileToImport => {
      if ('path' in ref) return { path: ref.path, name: basename(ref.path) }
      const path = options.uploads?.resolve(ref.uploadId)
      if (!path) throw new NotFoundError(`upload ${ref.uploadId} not found`)
      uploads.push(ref.uploadId)
      return { path, name: basename(ref.name) }
    })
    return { files, release: () => uploads.forEach((id) => options.uploads?.release(id)) }
  }

  const api: StoreApi = {
    async getStoreInfo(): Promise<StoreInfo> {
      const sources = listSources(db)
      const firstTs = sources.map((s) => s.firstTs).filter((t): t is string => t !== null).sort()[0] ?? null
      const lastTs = sources.map((s) => s.lastTs).filter((t): t is string => t !== null).sort().pop() ?? null
      return {
        dbPath: options.dbPath,
        entryCount: sources.reduce((sum, s) => sum + s.entryCount, 0),
        sourceCount: sources.length,
        firstTs,
        lastTs,
        hasSecretsKept: sources.some((s) => s.secretsKept),
      }
    },
    async listSources() {
      return listSources(db)
    },
    async removeSource({ id }) {
      if (!deleteSource(db, id)) throw new NotFoundError(`source ${id} not found`)
      columnIndex?.invalidate() // its entries are gone: reload rather than wait for the next check
      events.emit('storeChanged', { reason: 'remove' })
    },
    async startImport(request) {
      const { files: refs, ...importOptions } = request
      const { files, release } = resolveFiles(refs)
      return { jobId: imports.start(files, importOptions, release) }
    },
    async cancelImport({ jobId }) {
      if (!imports.cancel(jobId)) throw new NotFoundError(`no running import ${jobId}`)
    },
    async importSample() {
      if (!options.samplePath || !existsSync(options.samplePath)) throw new NotFoundError('the sample log is not bundled with this build')
      return { jobId: imports.start([{ path: options.samplePath }], { force: false }) }
    },
    async queryEntries(request) {
      return query.queryEntries(request)
    },
    async locateEntry({ filter, sort, id }) {
      return { index: query.locateEntry(filter, sort, id) }
    },
    async countEntries({ filter }) {
      return { count: query.countEntries(filter) }
    },
    async getFacets(request) {
      return query.facets(request)
    },
    async getHistogram(request) {
      return query.histogram(request)
    },
    async getEntry({ id }) {
      return getEntryDetail(db, id)
    },
    ...createViewsApi(db, (message) => new NotFoundError(message)),
    async compareSources(request) {
      for (const id of [request.a, request.b]) {
        if (!getSource(db, id)) throw new NotFoundError(`source ${id} not found`)
      }
      return compareSources(db, request)
    },
    async getTenantStats(request) {
      return tenantStats(db, request)
    },
    ...createExportApi(exports, db, (message) => new NotFoundError(message)),
    ...createTriageApi(db),
  }

  return {
    api,
    events,
    db,
    imports,
    exports,
    columnIndex,
    close() {
      imports.cancelAll()
      exports.dispose()
      columnIndex?.close()
      db.close()
    },
  }
}
