import type { Command } from 'commander'
import { FACET_FIELDS, SORT_FIELDS, type FacetField, type SortSpec } from '../../../shared/types'
import { countEntries, queryEntries } from '../../query/entries-query'
import { facetValues } from '../../query/facets'
import { UsageError } from '../errors'
import { addFilterOptions, toEntryFilter, type FilterOptions } from '../filter-options'
import { formatRows, ROW_FORMATS, type RowFormat } from '../output'
import { openStoreForCli } from '../store'
import { VIEW_OPTION_HELP, withView } from '../view-option'

interface QueryCliOptions extends FilterOptions {
  db?: string
  view?: string
  sort?: string
  limit: string
  offset: string
  count?: boolean
  format: string
}

function parseInteger(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, got "${value}"`)
  }
  return Number(value)
}

export function parseSort(value: string | undefined): SortSpec | undefined {
  if (!value) return undefined
  const [field, dir = 'asc'] = value.split(':')
  if (!(SORT_FIELDS as readonly string[]).includes(field)) {
    throw new UsageError(`--sort: unknown field "${field}" (one of ${SORT_FIELDS.join(', ')})`)
  }
  if (dir !== 'asc' && dir !== 'desc') throw new UsageError(`--sort: direction must be asc or desc, got "${dir}"`)
  return { field: field as SortSpec['field'], dir }
}

export function registerQuery(program: Command): void {
  addFilterOptions(
    program
      .command('query')
      .description('list entries matching filters (OR within a field, AND across fields)')
      .option('--db <path>', 'store file'),
  )
    .option('--view <name>', `${VIEW_OPTION_HELP}; the view's sort applies unless --sort is given`)
    .option('--sort <field[:asc|desc]>', 'sort order (default ts:asc)')
    .option('--limit <n>', 'rows to print', '100')
    .option('--offset <n>', 'rows to skip', '0')
    .option('--count', 'print only the number of matching entries')
    .option('--format <format>', `output: ${ROW_FORMATS.join(' | ')}`, 'table')
    .action((options: QueryCliOptions) => {
      if (!(ROW_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError(`--format: "${options.format}" is not one of ${ROW_FORMATS.join(', ')}`)
      }
      const explicit = toEntryFilter(options)
      const sort = parseSort(options.sort)
      const limit = parseInteger(options.limit, '--limit', 0, 1_000_000)
      const offset = parseInteger(options.offset, '--offset', 0, Number.MAX_SAFE_INTEGER)
      const { db } = openStoreForCli(options.db, true)
      try {
        // filter null: the view and the options exclude each other, so nothing matches
        const view = withView(db, options.view, explicit)
        const filter = view.filter
        if (options.count) {
          const count = filter ? countEntries(db, filter) : 0
          process.stdout.write(options.format === 'json' ? `${JSON.stringify({ count })}\n` : `${count}\n`)
          return
        }
        const rows = filter ? queryEntries(db, { filter, sort: sort ?? view.sort, limit, offset }).rows : []
        process.stdout.write(formatRows(rows, options.format as RowFormat))
      } finally {
        db.close()
      }
    })
}

interface FacetCliOptions extends FilterOptions {
  db?: string
  limit: string
}

export function registerFacets(program: Command): void {
  addFilterOptions(
    program
      .command('facets')
      .description('distinct values of a field with counts under the other filters, most frequent first')
      .argument('<field>', FACET_FIELDS.join(' | '))
      .option('--db <path>', 'store file'),
  )
    .option('--limit <n>', 'values to print', '50')
    .action((field: string, options: FacetCliOptions) => {
      if (!(FACET_FIELDS as readonly string[]).includes(field)) {
        throw new UsageError(`unknown facet field "${field}" (one of ${FACET_FIELDS.join(', ')})`)
      }
      const filter = toEntryFilter(options)
      const limit = parseInteger(options.limit, '--limit', 1, 10_000)
      const { db } = openStoreForCli(options.db, true)
      try {
        const values = facetValues(db, { filter, fields: [field as FacetField], limit }, field as FacetField)
        process.stdout.write(JSON.stringify(values, null, 2) + '\n')
      } finally {
        db.close()
      }
    })
}
