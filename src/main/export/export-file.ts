// An export into a file: written beside the target as a hidden part-file and renamed into place only
// when complete, so a cancelled or failed export never leaves a half file under the chosen name.
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { finished } from 'node:stream/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { Writable } from 'node:stream'
import type { ExportRequest } from '../../shared/export-types'
import type { Db } from '../store/db'
import { createRecordRedactor, loadRedactionKey } from '../redact'
import { prepareExportRows } from './export-rows'
import { EXPORT_FORMAT_SPECS, exportComment } from './formats'
import { writeExport, type WriteOutcome } from './write-export'

export class ExportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportError'
  }
}

export interface ExportFileHooks {
  signal?: AbortSignal
  onProgress?: (rows: number, total: number) => void
  /** the store's redaction key (read from the store that holds the entries when omitted) */
  key?: Buffer
}

/** Checks that the target can be written: an existing folder, and not a folder itself. */
export function checkExportTarget(path: string): string {
  const target = resolve(path)
  const folder = dirname(target)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ExportError(`cannot write ${path}: the folder ${folder} does not exist`)
  }
  if (existsSync(target) && statSync(target).isDirectory()) throw new ExportError(`cannot write ${path}: it is a folder`)
  return target
}

/** Streams the export of `request` into `out` (left open), redacting with the store's `key`. */
export function exportToStream(
  db: Db,
  request: ExportRequest,
  out: Writable,
  hooks: ExportFileHooks & { key: Buffer },
): Promise<WriteOutcome> {
  const source = prepareExportRows(db, request.filter, request.sort)
  const formatter = EXPORT_FORMAT_SPECS[request.format].create(request, { comment: exportComment(request) })
  return writeExport(source, formatter, out, { ...hooks, redact: createRecordRedactor(hooks.key) })
}

/** Exports into `path`; on cancel or failure the part-file is removed and the target left untouched. */
export async function exportToFile(
  db: Db,
  request: ExportRequest,
  path: string,
  hooks: ExportFileHooks = {},
): Promise<WriteOutcome> {
  const target = checkExportTarget(path)
  const key = hooks.key ?? loadRedactionKey(db)
  const part = join(dirname(target), `.${basename(target)}.${process.pid}.part`)
  const out = createWriteStream(part)
  // errors surface through writeExport (writable.errored) and `finished`; this keeps them from being uncaught
  out.on('error', () => undefined)
  try {
    const outcome = await exportToStream(db, request, out, { ...hooks, key })
    out.end()
    await finished(out)
    // a cancel that arrives while the last bytes are flushed still wins: nothing is renamed into place
    if (outcome.cancelled || hooks.signal?.aborted) {
      rmSync(part, { force: true })
      return { ...outcome, cancelled: true }
    }
    renameSync(part, target)
    return outcome
  } catch (error) {
    out.destroy()
    rmSync(part, { force: true })
    const code = (error as NodeJS.ErrnoException).code
    if (code) throw new ExportError(`cannot write ${path}: ${code} ${(error as Error).message}`)
    throw error
  }
}
