// One import job (several files, one after another), the same in a worker thread and in-process.
import type { ImportFileResult, ImportOptions, ImportProgress } from '../../shared/types'
import type { Db } from '../store/db'
import { importFile, type FileToImport } from './run-import'

export interface ImportJobSpec {
  jobId: string
  files: FileToImport[]
  options: ImportOptions
}

export interface ImportJobHooks {
  signal: AbortSignal
  onProgress: (progress: ImportProgress) => void
}

export async function runImportJob(db: Db, job: ImportJobSpec, hooks: ImportJobHooks): Promise<ImportFileResult[]> {
  const results: ImportFileResult[] = []
  const started = Date.now()
  for (const [index, file] of job.files.entries()) {
    const name = file.name ?? file.path
    const base = { jobId: job.jobId, fileIndex: index, fileCount: job.files.length, file: name }
    if (hooks.signal.aborted) {
      results.push({ file: name, sourceId: null, format: null, imported: 0, skipped: 0, errors: [], errorCount: 0, durationMs: 0, failure: 'import cancelled', duplicateOf: null })
      continue
    }
    const fileStarted = Date.now()
    const result = await importFile(db, file, job.options, {
      signal: hooks.signal,
      onProgress: (tick) => {
        const seconds = Math.max((Date.now() - fileStarted) / 1000, 0.001)
        hooks.onProgress({ ...base, ...tick, phase: tick.phase ?? 'reading', entriesPerSecond: Math.round(tick.entries / seconds) })
      },
    })
    results.push(result)
    const phase = result.failure === 'import cancelled' ? 'cancelled' : result.failure ? 'failed' : 'done'
    hooks.onProgress({
      ...base,
      phase,
      bytesRead: 0,
      bytesTotal: 0,
      entries: result.imported,
      errors: result.errorCount,
      entriesPerSecond: Math.round(result.imported / Math.max((Date.now() - started) / 1000, 0.001)),
    })
  }
  return results
}
