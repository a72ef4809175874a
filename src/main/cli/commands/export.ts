// `apilog export`: every entry matching the filters into a CSV, NDJSON or HAR file, credentials
// redacted. Streams (memory stays flat), shows progress on a terminal, and Ctrl-C leaves no half file.
import type { Command } from 'commander'
import { EXPORT_FORMATS, type ExportFormat, type ExportRequest } from '../../../shared/export-types'
import { exportToFile, exportToStream, ExportError } from '../../export/export-file'
import { loadRedactionKey } from '../../redact'
import type { WriteOutcome } from '../../export/write-export'
import { UsageError } from '../errors'
import { addFilterOptions, toEntryFilter, type FilterOptions } from '../filter-options'
import { openStoreForCli } from '../store'
import { parseSort } from './query'

interface ExportCliOptions extends FilterOptions {
  db?: string
  format?: string
  out?: string
  bom?: boolean
  sort?: string
}

function exportRequest(options: ExportCliOptions): ExportRequest {
  if (!options.format) throw new UsageError(`--format is required (${EXPORT_FORMATS.join(', ')})`)
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format: "${options.format}" is not one of ${EXPORT_FORMATS.join(', ')}`)
  }
  if (!options.out) throw new UsageError('--out FILE is required ("-" writes to standard output)')
  if (options.bom && options.format !== 'csv') throw new UsageError('--bom applies to --format csv only')
  const format = options.format as ExportFormat
  return { filter: toEntryFilter(options), sort: parseSort(options.sort), format, bom: options.bom }
}

function progressLine(stream: NodeJS.WriteStream): (rows: number, total: number) => void {
  if (!stream.isTTY) return () => undefined
  return (rows, total) => {
    const percent = total > 0 ? Math.floor((rows / total) * 100) : 100
    const count = (n: number) => n.toLocaleString('en-US')
    stream.write(`\rexporting ${count(rows)} / ${count(total)} entries (${percent}%)\x1b[K`)
  }
}

export function registerExport(program: Command): void {
  addFilterOptions(
    program
      .command('export')
      .description('write every entry matching the filters to a file, credentials redacted')
      .option('--db <path>', 'store file'),
  )
    .option('--format <format>', EXPORT_FORMATS.join(' | '))
    .option('--out <file>', 'file to write ("-" for standard output)')
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark so Excel reads UTF-8')
    .option('--sort <field[:asc|desc]>', 'row order (default ts:asc)')
    .action(async (options: ExportCliOptions) => {
      const request = exportRequest(options)
      const out = options.out as string
      const { db } = openStoreForCli(options.db, true)
      const controller = new AbortController()
      // Ctrl-C, or a closed pipe with --out -, stops the export between rows (no half file is left)
      const onInterrupt = () => controller.abort()
      process.once('SIGINT', onInterrupt)
      if (out === '-') process.stdout.on('error', onInterrupt)
      const started = Date.now()
      const progress = progressLine(process.stderr)
      let outcome: WriteOutcome
      try {
        const hooks = { signal: controller.signal, onProgress: progress, key: loadRedactionKey(db) }
        outcome =
          out === '-' ? await exportToStream(db, request, process.stdout, hooks) : await exportToFile(db, request, out, hooks)
      } catch (error) {
        if (error instanceof ExportError) throw new UsageError(error.message)
        throw error
      } finally {
        process.off('SIGINT', onInterrupt)
        process.stdout.off('error', onInterrupt)
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
        db.close()
      }
      if (outcome.cancelled) {
        throw new UsageError(`export cancelled after ${outcome.rows} of ${outcome.total} entries; no file was written`)
      }
      const notes = outcome.notes.length > 0 ? ` (${outcome.notes.join('; ')})` : ''
      const where = out === '-' ? 'standard output' : out
      const ms = Date.now() - started
      const line = `exported ${outcome.rows} entries as ${request.format} to ${where} in ${ms} ms${notes}\n`
      ;(out === '-' ? process.stderr : process.stdout).write(line)
    })
}
