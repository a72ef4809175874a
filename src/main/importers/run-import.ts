// Imports one file into the store: detect, stream-parse, write in batches, then commit the source.
// A file that fails as a whole leaves the store as it was.
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ImportError, ImportFileResult, ImportOptions, SourceFormat } from '../../shared/types'
import { checkpointWal, type Db } from '../store/db'
import { deferIndexes, restoreDeferredIndexes, shouldBulkLoad } from '../store/bulk-load'
import { EntryWriter, indexSourceText } from '../store/entry-writer'
import type { EntryRecord } from '../store/entry-record'
import {
  completeSource,
  deleteSource,
  findSourceBySha,
  hasPossibleDuplicate,
  insertSource,
} from '../store/sources-repo'
import { createWallClock, normalizeTimeZone, TimeZoneError } from '../util/time-zone'
import { createRecordRedactor, loadRedactionKey } from '../redact'
import { redactingErrorSink } from '../redact/error-messages'
import { detectFormat, getImporter } from './index'
import { hashFile, readHead, readText } from './input'
import { ImportRejected, type EntrySink, type Importer } from './types'

/** Errors kept (with positions) on the source; all are counted. */
export const MAX_KEPT_ERRORS = 1000

export interface ImportProgressTick {
  bytesRead: number
  bytesTotal: number
  entries: number
  errors: number
  /** 'indexing' once every record is stored and the indexes are being built */
  phase?: 'reading' | 'indexing'
}

export interface ImportHooks {
  signal?: AbortSignal
  onProgress?: (tick: ImportProgressTick) => void
  /** force (true) or forbid (false) bulk loading instead of deciding by size (tests, benchmarks) */
  bulk?: boolean
  /** runs on every record before it is stored (credential redaction) */
  transform?: (entry: EntryRecord) => EntryRecord
}

export interface FileToImport {
  path: string
  /** display name; defaults to the file's base name */
  name?: string
}

class CollectingSink implements EntrySink {
  readonly errors: ImportError[] = []
  errorCount = 0
  skipped = 0
  mapping: Record<string, string> | null = null

  constructor(
    private readonly writer: EntryWriter,
    private readonly transform?: (entry: EntryRecord) => EntryRecord,
  ) {}

  add(entry: EntryRecord): void {
    this.writer.add(this.transform ? this.transform(entry) : entry)
  }

  error(position: number, message: string): void {
    this.errorCount++
    if (this.errors.length < MAX_KEPT_ERRORS) this.errors.push({ position, message })
  }

  skip(): void {
    this.skipped++
  }

  setMapping(mapping: Record<string, string>): void {
    this.mapping = mapping
  }
}

function rejected(file: string, started: number, message: string, duplicateOf: number | null = null): ImportFileResult {
  return {
    file,
    sourceId: null,
    format: null,
    imported: 0,
    skipped: 0,
    errors: [],
    errorCount: 0,
    durationMs: Date.now() - started,
    failure: message,
    duplicateOf,
  }
}

/** True when the text is mostly control characters: not a text log. */
export function looksBinary(head: string): boolean {
  const sample = head.slice(0, 8192)
  if (sample.length === 0) return false
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++
  }
  return control / sample.length > 0.1
}

function chooseImporter(head: string, name: string, format: SourceFormat | 'auto' | undefined): Importer {
  if (format && format !== 'auto') return getImporter(format)
  if (head.trim() === '') throw new ImportRejected('the file is empty')
  if (looksBinary(head)) throw new ImportRejected('not a text log: the file looks binary')
  const detection = detectFormat(head, name)
  if (detection.importer) return detection.importer
  throw new ImportRejected(
    `not a recognised API log (${detection.reasons.map((r) => `${r.format}: ${r.reason}`).join('; ')})`,
  )
}

export async function importFile(
  db: Db,
  file: FileToImport,
  options: ImportOptions = {},
  hooks: ImportHooks = {},
): Promise<ImportFileResult> {
  const started = Date.now()
  const name = file.name ?? basename(file.path)
  let size: number
  try {
    const info = await stat(file.path)
    if (!info.isFile()) return rejected(name, started, `not a file: ${file.path}`)
    size = info.size
  } catch (error) {
    return rejected(name, started, `cannot read ${file.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  if (size === 0) return rejected(name, started, 'the file is empty')

  let importer: Importer
  let timeZone: string
  let headSha256: string
  try {
    timeZone = normalizeTimeZone(options.timeZone)
    const head = await readHead(file.path)
    headSha256 = head.headSha256
    importer = chooseImporter(head.text, name, options.format)
    if (!options.force && hasPossibleDuplicate(db, size, headSha256)) {
      const existing = findSourceBySha(db, await hashFile(file.path))
      if (existing) {
        return rejected(name, started, `already imported as source ${existing.id} (${existing.name}); use --force to import again`, existing.id)
      }
    }
  } catch (error) {
    if (error instanceof ImportRejected || error instanceof TimeZoneError) return rejected(name, started, error.message)
    return rejected(name, started, `cannot read ${file.path}: ${(error as Error).message}`)
  }

  const sourceId = insertSource(db, {
    name,
    path: file.path,
    size,
    headSha256,
    format: importer.id,
    timeZone,
    secretsKept: options.keepSecrets ?? false,
  })
  // A big import into a small store drops the secondary indexes and full-text indexes afterwards:
  // building them once is far cheaper than maintaining them row by row (store/bulk-load.ts).
  const bulk = (hooks.bulk ?? shouldBulkLoad(db, size)) && deferIndexes(db)
  const writer = new EntryWriter(db, sourceId, undefined, undefined, bulk)
  // Credential redaction (issue 5): on by default, so no secret reaches the store, its WAL or the
  // full-text index; `keepSecrets` stores records verbatim (the source is marked secrets_kept).
  const key = options.keepSecrets ? null : loadRedactionKey(db)
  const redact = key ? createRecordRedactor(key) : null
  const transform = hooks.transform
  const sink = new CollectingSink(writer, redact ? (entry) => redact(transform ? transform(entry) : entry) : transform)
  const reader = readText(file.path, size, hooks.signal)
  const progress = () =>
    hooks.onProgress?.({ bytesRead: reader.bytesRead(), bytesTotal: size, entries: writer.count, errors: sink.errorCount })

  try {
    await importer.parse(withProgress(reader.text, progress), {
      fileName: name,
      timeZone,
      wall: createWallClock(timeZone),
      mapping: options.mapping,
      // error messages are stored with the source: redacted too (issue 5)
      sink: key ? redactingErrorSink(sink, key) : sink,
    })
    writer.flush()
    progress()
    const replacements = reader.replacementCount()
    if (replacements > 0) {
      sink.error(0, `${replacements} invalid byte sequence(s) for the file's encoding were replaced by U+FFFD`)
    }
    if (writer.count === 0) {
      deleteSource(db, sourceId)
      const first = sink.errors.find((e) => e.position > 0) ?? sink.errors[0]
      const why = first ? ` (first problem at ${first.position}: ${first.message})` : ''
      return { ...rejected(name, started, `no API calls found in the file as ${importer.label}${why}`), errors: sink.errors, errorCount: sink.errorCount, format: importer.id }
    }
    const sha256 = reader.sha256()
    const duplicate = options.force ? null : findSourceBySha(db, sha256)
    if (duplicate) {
      deleteSource(db, sourceId)
      return rejected(name, started, `already imported as source ${duplicate.id} (${duplicate.name}); use --force to import again`, duplicate.id)
    }
    if (bulk) {
      hooks.onProgress?.({ bytesRead: size, bytesTotal: size, entries: writer.count, errors: sink.errorCount, phase: 'indexing' })
      indexSourceText(db, sourceId)
      restoreDeferredIndexes(db)
    }
    const durationMs = Date.now() - started
    completeSource(db, sourceId, {
      sha256,
      mapping: sink.mapping,
      entryCount: writer.count,
      skippedCount: sink.skipped,
      errorCount: sink.errorCount,
      errors: sink.errors,
      firstTs: writer.firstTs,
      lastTs: writer.lastTs,
      durationMs,
    })
    return {
      file: name,
      sourceId,
      format: importer.id,
      imported: writer.count,
      skipped: sink.skipped,
      errors: sink.errors,
      errorCount: sink.errorCount,
      durationMs,
      failure: null,
      duplicateOf: null,
    }
  } catch (error) {
    deleteSource(db, sourceId)
    if ((error as Error).name === 'AbortError') return rejected(name, started, 'import cancelled')
    if (error instanceof ImportRejected) return rejected(name, started, error.message)
    if ((error as { code?: string }).code === 'SQLITE_FULL') return rejected(name, started, DISK_FULL)
    return rejected(name, started, `import failed: ${(error as Error).message}`)
  } finally {
    if (bulk) restoreDeferredIndexes(db)
    // hardening (issue 7): keep the WAL small after every import (does not wait for readers)
    checkpointWal(db)
  }
}

/** A full disk (SQLITE_FULL) as the user should read it (hardening, issue 7). */
export const DISK_FULL =
  'the disk is full (or the store reached its size limit): nothing of this file was kept; free some space and import it again'

async function* withProgress(text: AsyncIterable<string>, tick: () => void): AsyncGenerator<string> {
  let last = 0
  for await (const chunk of text) {
    yield chunk
    const now = Date.now()
    if (now - last >= 100) {
      last = now
      tick()
    }
  }
}
