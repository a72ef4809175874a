// Writes a synthetic log to disk as it is generated (so 10M entries never sit in memory), and reuses
// an earlier file when its manifest says it was made the same way (--keep).
import { createWriteStream, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { buildCatalogue } from './catalogue'
import { createCallStream } from './calls'
import { FORMAT_INFO, type BenchFormat } from './log-format'

/** Bump when any generator changes what it writes, so kept files are regenerated. */
export const GENERATOR_VERSION = 1

export interface GenerateOptions {
  format: BenchFormat
  entries: number
  seed: number
}

export interface GeneratedLog extends GenerateOptions {
  path: string
  bytes: number
  generatorVersion: number
  /** ms spent generating; 0 when an earlier file was reused */
  generateMs: number
  reused: boolean
}

/** The log as pieces of text, `batch` records at a time. */
export function* logChunks(options: GenerateOptions, batch = 1000): Generator<string> {
  const catalogue = buildCatalogue(options.seed)
  const calls = createCallStream(catalogue, options.seed, options.entries)
  const format = FORMAT_INFO[options.format].create(options.seed)
  const header = format.header()
  if (header) yield header
  const parts: string[] = []
  for (let i = 0; i < options.entries; i++) {
    parts.push(format.record(calls.next()))
    if (parts.length === batch) {
      yield parts.join('')
      parts.length = 0
    }
  }
  if (parts.length > 0) yield parts.join('')
  const footer = format.footer()
  if (footer) yield footer
}

/** The whole log as one string (tests, small sizes only). */
export function generateLog(options: GenerateOptions): string {
  return [...logChunks(options)].join('')
}

function manifestPath(path: string): string {
  return `${path}.manifest.json`
}

function readManifest(path: string): GeneratedLog | null {
  try {
    return JSON.parse(readFileSync(manifestPath(path), 'utf8')) as GeneratedLog
  } catch {
    return null
  }
}

/** An earlier file generated with the same options and generator, still complete on disk. */
export function findReusableLog(path: string, options: GenerateOptions): GeneratedLog | null {
  const manifest = readManifest(path)
  if (!manifest || !existsSync(path)) return null
  const same =
    manifest.format === options.format &&
    manifest.entries === options.entries &&
    manifest.seed === options.seed &&
    manifest.generatorVersion === GENERATOR_VERSION &&
    statSync(path).size === manifest.bytes
  return same ? { ...manifest, path, generateMs: 0, reused: true } : null
}

/** Streams the log to `path` (via a .partial file, renamed when complete) and writes its manifest. */
export async function writeLog(
  path: string,
  options: GenerateOptions,
  onProgress?: (entriesWritten: number) => void,
): Promise<GeneratedLog> {
  const started = performance.now()
  const partial = `${path}.partial`
  const out = createWriteStream(partial, { highWaterMark: 4 * 1024 * 1024 })
  let bytes = 0
  let chunks = 0
  for (const chunk of logChunks(options)) {
    bytes += Buffer.byteLength(chunk)
    if (!out.write(chunk)) await once(out, 'drain')
    if (++chunks % 100 === 0) onProgress?.(Math.min(chunks * 1000, options.entries))
  }
  out.end()
  await once(out, 'close')
  renameSync(partial, path)
  const log: GeneratedLog = {
    ...options,
    path,
    bytes,
    generatorVersion: GENERATOR_VERSION,
    generateMs: Math.round(performance.now() - started),
    reused: false,
  }
  writeFileSync(manifestPath(path), JSON.stringify(log, null, 2))
  return log
}
