// Reading a log file as text: gzip detection, BOM and UTF-16 handling, hashing and byte progress.
import { TextDecoder } from 'node:util'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createGunzip, gunzipSync } from 'node:zlib'
import { ImportRejected } from './types'

/** Bytes hashed to spot a possible re-import cheaply before hashing the whole file. */
export const HEAD_HASH_BYTES = 1024 * 1024
/** Decoded text handed to the detectors. */
export const DETECT_HEAD_CHARS = 64 * 1024
/** A gzip file may inflate to at most this many times its size (plus a floor), to stop bombs. */
export const GZIP_RATIO_CAP = 200
export const GZIP_FLOOR_BYTES = 256 * 1024 * 1024

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be'

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/** Encoding from a byte-order mark, and how many bytes the mark takes. */
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  return { encoding: 'utf-8', bomLength: 0 }
}

export interface FileHead {
  /** decoded text of the start of the (inflated) file */
  text: string
  /** sha256 of the first HEAD_HASH_BYTES raw bytes */
  headSha256: string
  gzip: boolean
}

export async function readHead(path: string): Promise<FileHead> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(HEAD_HASH_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEAD_HASH_BYTES, 0)
    const raw = buffer.subarray(0, bytesRead)
    const headSha256 = createHash('sha256').update(raw).digest('hex')
    const gzip = isGzip(raw)
    let bytes: Uint8Array = raw
    if (gzip) bytes = inflateHead(raw)
    const { encoding, bomLength } = sniffEncoding(bytes)
    const text = new TextDecoder(encoding).decode(bytes.subarray(bomLength, bomLength + DETECT_HEAD_CHARS * 2))
    return { text: text.slice(0, DETECT_HEAD_CHARS), headSha256, gzip }
  } finally {
    await handle.close()
  }
}

/** Inflates as much of a truncated gzip prefix as it can. */
function inflateHead(compressed: Buffer): Uint8Array {
  try {
    return gunzipSync(compressed, { finishFlush: 2 /* Z_SYNC_FLUSH */ }).subarray(0, DETECT_HEAD_CHARS * 2)
  } catch {
    return new Uint8Array(0)
  }
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export interface TextReader {
  /** decoded text chunks */
  text: AsyncIterable<string>
  /** raw file bytes read so far */
  bytesRead(): number
  /** sha256 of the raw file, available once `text` is exhausted */
  sha256(): string
  /** U+FFFD characters produced by invalid byte sequences */
  replacementCount(): number
}

/** Streams a file as decoded text, inflating gzip and honouring a BOM; checks `signal` per chunk. */
export function readText(path: string, size: number, signal?: AbortSignal): TextReader {
  const hash = createHash('sha256')
  let bytesRead = 0
  let replacements = 0
  let digest: string | null = null

  async function* rawChunks(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      const buffer = chunk as Buffer
      bytesRead += buffer.length
      hash.update(buffer)
      yield buffer
    }
    digest = hash.digest('hex')
  }

  async function* inflated(source: AsyncGenerator<Buffer>, first: Buffer): AsyncGenerator<Buffer> {
    const cap = Math.max(size * GZIP_RATIO_CAP, GZIP_FLOOR_BYTES)
    const gunzip = createGunzip()
    let total = 0
    const feed = (async () => {
      try {
        if (!gunzip.write(first)) await waitDrain(gunzip)
        for await (const chunk of source) {
          if (gunzip.destroyed) break
          if (!gunzip.write(chunk)) await waitDrain(gunzip)
        }
        if (!gunzip.destroyed) gunzip.end()
      } catch (error) {
        gunzip.destroy(error as Error)
      }
    })()
    try {
      for await (const chunk of gunzip) {
        total += (chunk as Buffer).length
        if (total > cap) {
          throw new ImportRejected(
            `compressed file inflates past ${formatBytes(cap)} (${GZIP_RATIO_CAP}x its size): refusing a possible gzip bomb`,
          )
        }
        yield chunk as Buffer
      }
    } catch (error) {
      if (error instanceof ImportRejected) throw error
      throw new ImportRejected(`cannot decompress: ${(error as Error).message}`)
    } finally {
      gunzip.destroy()
      await feed
    }
  }

  async function* decoded(): AsyncGenerator<string> {
    const source = rawChunks()
    const firstResult = await source.next()
    if (firstResult.done) return
    const first = firstResult.value
    const bytes = isGzip(first) ? inflated(source, first) : prepend(first, source)
    let decoder: TextDecoder | null = null
    for await (const chunk of bytes) {
      if (signal?.aborted) throw new DOMException('import cancelled', 'AbortError')
      let view: Uint8Array = chunk
      if (!decoder) {
        const { encoding, bomLength } = sniffEncoding(chunk)
        decoder = new TextDecoder(encoding)
        view = chunk.subarray(bomLength)
      }
      const text = decoder.decode(view, { stream: true })
      replacements += countReplacements(text)
      if (text) yield text
    }
    const tail = decoder?.decode() ?? ''
    replacements += countReplacements(tail)
    if (tail) yield tail
  }

  return {
    text: decoded(),
    bytesRead: () => bytesRead,
    sha256: () => {
      if (digest === null) throw new Error('file not fully read')
      return digest
    },
    replacementCount: () => replacements,
  }
}

async function* prepend(first: Buffer, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  yield first
  yield* rest
}

function waitDrain(stream: NodeJS.WritableStream & { destroyed: boolean }): Promise<void> {
  if (stream.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    stream.once('drain', resolve)
    stream.once('close', resolve)
  })
}

function countReplacements(text: string): number {
  let count = 0
  let at = text.indexOf('\uFFFD')
  while (at >= 0) {
    count++
    at = text.indexOf('\uFFFD', at + 1)
  }
  return count
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${bytes} B`
}
