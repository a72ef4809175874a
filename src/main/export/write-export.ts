// The streaming core of every export: rows pulled one at a time from the store, redacted, formatted,
// batched into chunks and written with backpressure (awaiting 'drain'), so memory stays flat however
// many rows there are. Progress is reported about every 100 ms; an AbortSignal stops it between rows.
import type { Writable } from 'node:stream'
import type { EntryDetail } from '../../shared/types'
import type { ExportFormatter } from './formatter'

/** Characters gathered before a write. */
const CHUNK_CHARS = 256 * 1024
const PROGRESS_MS = 100

export interface ExportRows {
  count(): number
  rows(): Iterator<EntryDetail>
}

export interface WriteHooks {
  signal?: AbortSignal
  onProgress?: (rows: number, total: number) => void
  /** every entry passes through this before it is formatted (credential redaction) */
  redact: (entry: EntryDetail) => EntryDetail
}

export interface WriteOutcome {
  rows: number
  total: number
  cancelled: boolean
  notes: string[]
}

function outputFailure(out: Writable): Error {
  return out.errored ?? new Error('the output was closed before the export finished')
}

/** Writes, and waits for 'drain' when the stream's buffer is full (backpressure). */
async function write(out: Writable, text: string): Promise<void> {
  if (out.errored || out.destroyed) throw outputFailure(out)
  if (text === '' || out.write(text)) return
  if (out.destroyed) throw outputFailure(out)
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain).off('close', onClose)
      if (error) reject(error)
      else resolve()
    }
    const onDrain = () => settle()
    const onClose = () => settle(outputFailure(out))
    out.once('drain', onDrain).once('close', onClose)
  })
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Writes every row; the stream is left open (the caller ends it). */
export async function writeExport(
  source: ExportRows,
  formatter: ExportFormatter,
  out: Writable,
  hooks: WriteHooks,
): Promise<WriteOutcome> {
  const total = source.count()
  const iterator = source.rows()
  let rows = 0
  let lastTick = 0
  let chunk = ''
  try {
    await write(out, formatter.begin())
    // the first rows wait for the next turn of the event loop, so a cancel sent right away is honoured
    await nextTick()
    for (;;) {
      if (hooks.signal?.aborted) return { rows, total, cancelled: true, notes: formatter.notes?.() ?? [] }
      const next = iterator.next()
      if (next.done) break
      chunk += formatter.row(hooks.redact(next.value), rows++)
      if (chunk.length >= CHUNK_CHARS) {
        await write(out, chunk)
        chunk = ''
        // lets cancel requests, other API calls and progress events through between chunks
        await nextTick()
      }
      if (Date.now() - lastTick >= PROGRESS_MS) {
        lastTick = Date.now()
        hooks.onProgress?.(rows, total)
      }
    }
    const notes = formatter.notes?.() ?? []
    await write(out, chunk + formatter.end({ rows, notes }))
    hooks.onProgress?.(rows, total)
    return { rows, total, cancelled: false, notes }
  } finally {
    iterator.return?.()
  }
}
