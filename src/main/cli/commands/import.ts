import type { Command } from 'commander'
import { SOURCE_FORMATS, type ImportFileResult, type ImportFormatChoice } from '../../../shared/types'
import { importFile } from '../../importers/run-import'
import { escapeForCell } from '../../util/visible-text'
import { UsageError } from '../errors'
import { collect } from '../filter-options'
import { ProgressBar } from '../progress-bar'
import { openStoreForCli } from '../store'

interface ImportCliOptions {
  db?: string
  format: string
  map?: string[]
  tz?: string
  force?: boolean
  keepSecrets?: boolean
  json?: boolean
}

export function parseMapping(pairs: string[] | undefined): Record<string, string> | undefined {
  if (!pairs || pairs.length === 0) return undefined
  const mapping: Record<string, string> = {}
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=')
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`--map: expected COLUMN=field, got "${pair}"`)
    mapping[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return mapping
}

function summaryLine(result: ImportFileResult, id: number | null): string {
  const name = escapeForCell(result.file)
  if (result.failure) return `${name}: ${escapeForCell(result.failure)}`
  const errors = result.errorCount ? `, ${result.errorCount} errors (first at ${result.errors[0]?.position}: ${escapeForCell(result.errors[0]?.message ?? '')})` : ''
  const skipped = result.skipped ? `, ${result.skipped} skipped` : ''
  return `${name}: imported ${result.imported} entries as ${result.format} (source ${id})${skipped}${errors} in ${result.durationMs} ms`
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import log files into the store')
    .argument('<files...>', 'log files (HAR, CSV/TSV, VICIdial, JSON, NDJSON, access logs; .gz accepted)')
    .option('--db <path>', 'store file')
    .option('--format <format>', `auto | ${SOURCE_FORMATS.join(' | ')}`, 'auto')
    .option('--map <COLUMN=field>', 'map a CSV column onto an entry field (repeatable)', collect)
    .option('--tz <zone>', 'zone of timestamps that carry none (IANA name or ±HH:MM; default UTC)')
    .option('--force', 'import even when the same file is already in the store')
    .option('--keep-secrets', 'do not redact credentials (the store will hold live secrets)')
    .option('--json', 'print a JSON summary on stdout')
    .action(async (files: string[], options: ImportCliOptions) => {
      if (options.format !== 'auto' && !(SOURCE_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError(`--format: "${options.format}" is not one of auto, ${SOURCE_FORMATS.join(', ')}`)
      }
      const mapping = parseMapping(options.map)
      const { db } = openStoreForCli(options.db, false, true)
      const results: ImportFileResult[] = []
      try {
        for (const file of files) {
          const bar = new ProgressBar(file)
          const result = await importFile(db, { path: file }, {
            format: options.format as ImportFormatChoice,
            mapping,
            timeZone: options.tz,
            force: options.force,
            keepSecrets: options.keepSecrets,
          }, { onProgress: (tick) => bar.update(tick) })
          bar.done()
          results.push(result)
          if (!options.json) (result.failure ? process.stderr : process.stdout).write(summaryLine(result, result.sourceId) + '\n')
        }
      } finally {
        db.close()
      }
      if (options.json) {
        const sources = results.map((r) => ({
          id: r.sourceId, file: r.file, format: r.format, imported: r.imported, skipped: r.skipped,
          errors: r.errors, errorCount: r.errorCount, durationMs: r.durationMs, ...(r.failure ? { failure: r.failure } : {}),
        }))
        process.stdout.write(JSON.stringify({ sources }, null, 2) + '\n')
        for (const r of results) if (r.failure) process.stderr.write(summaryLine(r, null) + '\n')
      }
      if (results.some((r) => r.failure)) process.exitCode = 1
    })
}
