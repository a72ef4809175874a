// Worker-thread entry: runs an import job against its own connection to the store, so parsing
// and writing never block the process that serves the UI.
import { parentPort, workerData } from 'node:worker_threads'
import type { ImportFileResult, ImportProgress } from '../../shared/types'
import { openDb } from '../store/db'
import { runImportJob, type ImportJobSpec } from './import-job'

export interface WorkerInput {
  dbPath: string
  job: ImportJobSpec
  nativeBinding?: string
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; results: ImportFileResult[] }
  | { type: 'failed'; message: string }

async function main(): Promise<void> {
  const port = parentPort
  if (!port) return
  const { dbPath, job, nativeBinding } = workerData as WorkerInput
  const controller = new AbortController()
  port.on('message', (message: unknown) => {
    if (message === 'cancel') controller.abort()
  })
  const post = (message: WorkerMessage) => port.postMessage(message)
  try {
    const db = openDb(dbPath, { nativeBinding, writer: true })
    try {
      const results = await runImportJob(db, job, {
        signal: controller.signal,
        onProgress: (progress) => post({ type: 'progress', progress }),
      })
      post({ type: 'done', results })
    } finally {
      db.close()
    }
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message })
  }
}

void main()
