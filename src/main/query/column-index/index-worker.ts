// Worker-thread entry: reads the entries after a given id from its own read-only connection and
// hands the columns back with their buffers transferred, so loading never blocks the main thread.
import { parentPort, workerData } from 'node:worker_threads'
import { openDb } from '../../store/db'
import { chunkTransferList, type ColumnChunk } from './column-chunk'
import { readChunk } from './read-chunk'

export interface IndexWorkerInput {
  dbPath: string
  afterId: number
  nativeBinding?: string
}

export type IndexWorkerMessage =
  | { type: 'chunk'; chunk: ColumnChunk }
  | { type: 'failed'; message: string; unsupported: boolean }

function main(): void {
  const port = parentPort
  if (!port) return
  const { dbPath, afterId, nativeBinding } = workerData as IndexWorkerInput
  try {
    const db = openDb(dbPath, { readonly: true, nativeBinding })
    try {
      const chunk = readChunk(db, afterId)
      port.postMessage({ type: 'chunk', chunk } satisfies IndexWorkerMessage, chunkTransferList(chunk))
    } finally {
      db.close()
    }
  } catch (error) {
    const unsupported = (error as Error).name === 'UnsupportedDataError'
    port.postMessage({ type: 'failed', message: (error as Error).message, unsupported } satisfies IndexWorkerMessage)
  }
}

main()
