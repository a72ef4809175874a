// `apilog compare SOURCE_A SOURCE_B`: what changed between two imported sources.
import type { Command } from 'commander'
import type { SourceInfo } from '../../../shared/types'
import { compareSources, MAX_COMPARE_LIMIT } from '../../compare/compare-sources'
import type { Db } from '../../store/db'
import { getSource, listSources } from '../../store/sources-repo'
import { escapeForCell } from '../../util/visible-text'
import { formatCompareMarkdown } from '../compare-format'
import { UsageError } from '../errors'
import { addFilterOptions, toEntryFilter, type FilterOptions } from '../filter-options'
import { parseCount } from '../parse-count'
import { openStoreForCli } from '../store'
import { filterWithView, VIEW_OPTION_HELP } from '../view-option'

const COMPARE_FORMATS = ['md', 'json'] as const

interface CompareCliOptions extends FilterOptions {
  db?: string
  view?: string
  format: string
  limit: string
}

/** A source by id, or by its file name when exactly one source has that name. */
export function resolveSourceArg(db: Db, arg: string): SourceInfo {
  if (/^\d+$/.test(arg)) {
    const source = getSource(db, Number(arg))
    if (!source) throw new UsageError(`no source ${arg} (see apilog sources)`)
    return source
  }
  const named = listSources(db).filter((s) => s.name === arg)
  if (named.length === 1) return named[0]
  if (named.length === 0) throw new UsageError(`no source named "${escapeForCell(arg)}" (see apilog sources)`)
  const ids = named.map((s) => s.id).join(', ')
  throw new UsageError(`several sources are named "${escapeForCell(arg)}" (ids ${ids}): give the id`)
}

export function registerCompare(program: Command): void {
  addFilterOptions(
    program
      .command('compare')
      .description(
        'compare two sources ("yesterday works, today fails"): Function × Result counts of A against B, ' +
          'biggest regressions first, and the functions and users seen in only one of them',
      )
      .argument('<source-a>', 'baseline source: id or file name (see apilog sources)')
      .argument('<source-b>', 'source to check against it')
      .option('--db <path>', 'store file'),
  )
    .option('--view <name>', VIEW_OPTION_HELP)
    .option('--format <format>', `output: ${COMPARE_FORMATS.join(' | ')}`, 'md')
    .option('--limit <n>', 'most rows per table', '500')
    .action((a: string, b: string, options: CompareCliOptions) => {
      if (!(COMPARE_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError(`--format: "${options.format}" is not one of ${COMPARE_FORMATS.join(', ')}`)
      }
      if (options.source) throw new UsageError('--source: the two sources to compare are the arguments')
      const limit = parseCount(options.limit, '--limit', MAX_COMPARE_LIMIT)
      const explicit = toEntryFilter(options)
      const { db } = openStoreForCli(options.db, true)
      try {
        const [sourceA, sourceB] = [resolveSourceArg(db, a), resolveSourceArg(db, b)]
        if (sourceA.id === sourceB.id) throw new UsageError('compare needs two different sources')
        const filter = filterWithView(db, options.view, explicit)
        if (!filter) {
          throw new UsageError('the view and the filter options exclude each other: no entry matches both')
        }
        const result = compareSources(db, { a: sourceA.id, b: sourceB.id, filter, limit })
        const json = options.format === 'json'
        process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatCompareMarkdown(result))
      } finally {
        db.close()
      }
    })
}
