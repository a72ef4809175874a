// Loading entries after an id: in a worker thread over its own read-only connection (the bundled
// index worker), or in-process on the caller's connection (small loads, and from source in tests).
import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { builtPath } from '../../paths'
import { UnsupportedDataError, type ColumnChunk } from './column-chunk'
import type { IndexWorkerInput, IndexWorkerMessage } from './index-worker'

/** Path of the bundled index worker next to the bundled main code, if this is a build. */
export function bundledIndexWorkerPath(): string | null {
  if (__filename.endsWith('.ts')) return null // running from source (unit tests): load in-process
  const candidate = builtPath('main', 'column-index-worker.js')
  return existsSync(candidate) ? candidate : null
}

export interface PendingLoad {
  chunk: Promise<ColumnChunk>
  cancel(): void
}

export function loadInWorker(workerPath: string, input: IndexWorkerInput): PendingLoad {
  const worker = new Worker(workerPath, { workerData: input })
  worker.unref() // an index being built never keeps the process alive
  const chunk = new Promise<ColumnChunk>((resolve, reject) => {
    worker.once('message', (message: IndexWorkerMessage) => {
      if (message.type === 'chunk') resolve(message.chunk)
      else reject(message.unsupported ? new UnsupportedDataError(message.message) : new Error(message.message))
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`index worker stopped (exit code ${code})`)))
  })
  return { chunk, cancel: () => void worker.terminate() }
}
