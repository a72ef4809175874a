// Runs exports for the backend: each on its own read-only connection (a consistent snapshot that
// never blocks the connection serving the UI), with progress and finish events, cancel, and — in a
// browser, where there is no save dialog — a temp file offered for download by the HTTP host.
import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ExportFinished, ExportProgress, ExportRequest } from '../../shared/export-types'
import { loadRedactionKey } from '../redact'
import { openDb, type Db } from '../store/db'
import { checkExportTarget, exportToFile } from './export-file'
import { prepareExportRows } from './export-rows'
import { EXPORT_FORMAT_SPECS } from './formats'

export interface ExportServiceEvents {
  onProgress(progress: ExportProgress): void
  onFinished(finished: ExportFinished): void
}

export interface ExportServiceOptions {
  db: Db
  dbPath: string
  nativeBinding?: string
  /** where browser-mode exports wait to be downloaded */
  downloadDir: string
  events: ExportServiceEvents
}

/** A finished browser-mode export the HTTP host may serve. */
export interface ExportDownload {
  path: string
  fileName: string
  contentType: string
}

/** How many finished downloads are kept (older files are deleted). */
const KEPT_DOWNLOADS = 20

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
}

export class ExportService {
  private readonly running = new Map<string, AbortController>()
  private readonly downloads = new Map<string, ExportDownload>()
  private disposed = false

  constructor(private readonly options: ExportServiceOptions) {}

  /** Validates the request (bad filter, sort or path throw here), then exports in the background. */
  start(request: ExportRequest): string {
    prepareExportRows(this.options.db, request.filter, request.sort)
    const target = request.path === undefined ? null : checkExportTarget(request.path)
    const key = loadRedactionKey(this.options.db)
    const exportId = randomUUID()
    const controller = new AbortController()
    this.running.set(exportId, controller)
    void this.run(exportId, request, target, key, controller.signal).finally(() => this.running.delete(exportId))
    return exportId
  }

  cancel(exportId: string): boolean {
    const controller = this.running.get(exportId)
    controller?.abort()
    return controller !== undefined
  }

  download(exportId: string): ExportDownload | null {
    return this.downloads.get(exportId) ?? null
  }

  /** Stops running exports and deletes download files (the backend is closing). */
  dispose(): void {
    this.disposed = true
    for (const controller of this.running.values()) controller.abort()
    for (const download of this.downloads.values()) rmSync(download.path, { force: true })
    this.downloads.clear()
  }

  private openReader(): { db: Db; close: () => void } {
    const { db, dbPath, nativeBinding } = this.options
    if (db.memory) return { db, close: () => undefined }
    const reader = openDb(dbPath, { readonly: true, nativeBinding })
    reader.exec('BEGIN')
    return { db: reader, close: () => reader.close() }
  }

  private async run(
    exportId: string,
    request: ExportRequest,
    target: string | null,
    key: Buffer,
    signal: AbortSignal,
  ): Promise<void> {
    const spec = EXPORT_FORMAT_SPECS[request.format]
    const path = target ?? join(this.options.downloadDir, `${exportId}.${spec.extension}`)
    const finish = (rows: number, failure: string | null, notes: string[] = []) =>
      this.options.events.onFinished({
        exportId,
        rows,
        path: failure === null && target !== null ? target : null,
        downloadUrl: failure === null && target === null ? `/download/${exportId}` : null,
        failure,
        notes,
      })
    let reader: { db: Db; close: () => void } | null = null
    try {
      if (target === null) mkdirSync(this.options.downloadDir, { recursive: true })
      reader = this.openReader()
      const outcome = await exportToFile(reader.db, request, path, {
        signal,
        key,
        onProgress: (rows, total) => this.options.events.onProgress({ exportId, rows, total }),
      })
      if (outcome.cancelled) {
        return finish(outcome.rows, `export cancelled after ${outcome.rows} of ${outcome.total} rows; no file was written`)
      }
      if (target === null) {
        const fileName = `apilog-export-${stamp(new Date())}.${spec.extension}`
        this.keepDownload(exportId, { path, fileName, contentType: spec.contentType })
      }
      finish(outcome.rows, null, outcome.notes)
    } catch (error) {
      finish(0, `export failed: ${(error as Error).message}`)
    } finally {
      reader?.close()
    }
  }

  private keepDownload(exportId: string, download: ExportDownload): void {
    if (this.disposed) return void rmSync(download.path, { force: true })
    this.downloads.set(exportId, download)
    while (this.downloads.size > KEPT_DOWNLOADS) {
      const [oldest, old] = this.downloads.entries().next().value as [string, ExportDownload]
      rmSync(old.path, { force: true })
      this.downloads.delete(oldest)
    }
  }
}
