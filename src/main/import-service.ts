// Runs import jobs one at a time, in a worker thread when the bundled worker is present (the app,
// the CLI host) or in-process otherwise (unit tests running from source), and reports progress.
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { ImportFileResult, ImportOptions, ImportProgress, ImportSummary } from '../shared/types'
import { runImportJob, type ImportJobSpec } from './importers/import-job'
import type { WorkerMessage } from './importers/import-worker'
import type { FileToImport } from './importers/run-import'
import type { Db } from './store/db'
import { builtPath } from './paths'

export interface ImportServiceEvents {
  onProgress(progress: ImportProgress): void
  onFinished(summary: ImportSummary): void
}

interface Job {
  spec: ImportJobSpec
  controller: AbortController
  cancel: () => void
  cleanup?: () => void
}

/** Path of the bundled worker next to the bundled main code, if this is a build. */
export function bundledWorkerPath(): string | null {
  if (__filename.endsWith('.ts')) return null // running from source (unit tests): no bundle to load
  const candidate = builtPath('main', 'import-worker.js')
  return existsSync(candidate) ? candidate : null
}

export class ImportService {
  private readonly queue: Job[] = []
  private running: Job | null = null
  private readonly finished = new Map<string, ImportSummary>()

  constructor(
    private readonly db: Db,
    private readonly dbPath: string,
    private readonly events: ImportServiceEvents,
    private readonly workerPath: string | null = bundledWorkerPath(),
    private readonly nativeBinding?: string,
  ) {}

  start(files: FileToImport[], options: ImportOptions, cleanup?: () => void): string {
    const jobId = randomUUID()
    const controller = new AbortController()
    const job: Job = { spec: { jobId, files, options }, controller, cancel: () => controller.abort(), cleanup }
    this.queue.push(job)
    void this.pump()
    return jobId
  }

  /** Cancels everything queued or running (the app is closing). */
  cancelAll(): void {
    for (const job of [...this.queue]) this.cancel(job.spec.jobId)
    this.running?.cancel()
  }

  cancel(jobId: string): boolean {
    const queued = this.queue.findIndex((j) => j.spec.jobId === jobId)
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1)
      job.cleanup?.()
      this.finish(job, job.spec.files.map((f) => cancelledResult(f.name ?? f.path)), true)
      return true
    }
    if (this.running?.spec.jobId === jobId) {
      this.running.cancel()
      return true
    }
    return false
  }

  summary(jobId: string): ImportSummary | null {
    return this.finished.get(jobId) ?? null
  }

  isBusy(): boolean {
    return this.running !== null || this.queue.length > 0
  }

  /** Resolves when every queued job has finished. */
  async idle(): Promise<void> {
    while (this.isBusy()) await new Promise((resolve) => setTimeout(resolve, 20))
  }

  private async pump(): Promise<void> {
    if (this.running) return
    const job = this.queue.shift()
    if (!job) return
    this.running = job
    let results: ImportFileResult[]
    try {
      results = this.workerPath ? await this.runInWorker(job, this.workerPath) : await this.runInProcess(job)
    } catch (error) {
      const message = `import failed: ${(error as Error).message}`
      results = job.spec.files.map((f) => ({ ...cancelledResult(f.name ?? f.path), failure: message }))
    }
    job.cleanup?.()
    this.running = null
    this.finish(job, results, job.controller.signal.aborted)
    void this.pump()
  }

  private finish(job: Job, results: ImportFileResult[], cancelled: boolean): void {
    const summary: ImportSummary = { jobId: job.spec.jobId, files: results, cancelled }
    this.finished.set(job.spec.jobId, summary)
    if (this.finished.size > 100) this.finished.delete(this.finished.keys().next().value as string)
    this.events.onFinished(summary)
  }

  private runInProcess(job: Job): Promise<ImportFileResult[]> {
    return runImportJob(this.db, job.spec, { signal: job.controller.signal, onProgress: this.events.onProgress })
  }

  private runInWorker(job: Job, workerPath: string): Promise<ImportFileResult[]> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(workerPath, {
        workerData: { dbPath: this.dbPath, job: job.spec, nativeBinding: this.nativeBinding },
      })
      job.cancel = () => {
        job.controller.abort()
        worker.postMessage('cancel')
      }
      let settled = false
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') this.events.onProgress(message.progress)
        else if (message.type === 'done') {
          settled = true
          resolve(message.results)
          void worker.terminate()
        } else {
          settled = true
          reject(new Error(message.message))
          void worker.terminate()
        }
      })
      worker.on('error', (error) => {
        if (!settled) reject(error)
        settled = true
      })
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`import worker stopped (exit code ${code})`))
        settled = true
      })
    })
  }
}

function cancelledResult(file: string): ImportFileResult {
  return { file, sourceId: null, format: null, imported: 0, skipped: 0, errors: [], errorCount: 0, durationMs: 0, failure: 'import cancelled', duplicateOf: null }
}
