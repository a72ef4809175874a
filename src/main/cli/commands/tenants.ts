// `apilog tenants`: volume, errors, p50 / p95 latency and first / last seen per tenant.
import type { Command } from 'commander'
import type { TenantStats, TenantStatsResult } from '../../../shared/tenant-types'
import { MAX_TENANT_LIMIT, tenantStats } from '../../tenants/tenant-stats'
import { escapeForCell } from '../../util/visible-text'
import { UsageError } from '../errors'
import { addFilterOptions, toEntryFilter, type FilterOptions } from '../filter-options'
import { parseCount } from '../parse-count'
import { openStoreForCli } from '../store'
import { filterWithView, VIEW_OPTION_HELP } from '../view-option'

const TENANT_FORMATS = ['table', 'json'] as const

interface TenantCliOptions extends FilterOptions {
  db?: string
  view?: string
  format: string
  limit: string
}

const ms = (value: number | null) => (value === null ? '-' : String(Math.round(value)))

const COLUMNS: Array<{ title: string; width: number; right?: boolean; value: (t: TenantStats) => string }> = [
  { title: 'TENANT', width: 24, value: (t) => (t.tenant === null ? '(none)' : escapeForCell(t.tenant)) },
  { title: 'ENTRIES', width: 9, right: true, value: (t) => String(t.count) },
  { title: 'ERRORS', width: 8, right: true, value: (t) => String(t.errors) },
  { title: 'ERROR %', width: 7, right: true, value: (t) => (t.errorRate * 100).toFixed(1) },
  { title: 'P50 MS', width: 8, right: true, value: (t) => ms(t.p50Ms) },
  { title: 'P95 MS', width: 8, right: true, value: (t) => ms(t.p95Ms) },
  { title: 'FIRST SEEN', width: 24, value: (t) => t.firstTs ?? '-' },
  { title: 'LAST SEEN', width: 24, value: (t) => t.lastTs ?? '-' },
]

function fit(text: string, width: number, right = false): string {
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text
  return right ? cut.padStart(width) : cut.padEnd(width)
}

export function formatTenantTable(result: TenantStatsResult): string {
  if (result.tenantCount === 0) return 'no entries match\n'
  const header = COLUMNS.map((c) => fit(c.title, c.width, c.right)).join('  ')
  const line = (t: TenantStats) => COLUMNS.map((c) => fit(c.value(t), c.width, c.right)).join('  ').trimEnd()
  const lines = result.tenants.map(line)
  const more = result.tenants.length < result.tenantCount
    ? [`(showing ${result.tenants.length} of ${result.tenantCount} tenants; raise --limit for more)`]
    : []
  return [header.trimEnd(), ...lines, ...more].join('\n') + '\n'
}

export function registerTenants(program: Command): void {
  addFilterOptions(
    program
      .command('tenants')
      .description(
        'per tenant / consumer: entries, errors, error rate, p50 and p95 duration, first and last seen',
      )
      .option('--db <path>', 'store file'),
  )
    .option('--view <name>', VIEW_OPTION_HELP)
    .option('--format <format>', `output: ${TENANT_FORMATS.join(' | ')}`, 'table')
    .option('--limit <n>', 'most tenants to print, busiest first', '1000')
    .action((options: TenantCliOptions) => {
      if (!(TENANT_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError(`--format: "${options.format}" is not one of ${TENANT_FORMATS.join(', ')}`)
      }
      const limit = parseCount(options.limit, '--limit', MAX_TENANT_LIMIT)
      const explicit = toEntryFilter(options)
      const { db } = openStoreForCli(options.db, true)
      try {
        const filter = filterWithView(db, options.view, explicit)
        const result = filter ? tenantStats(db, { filter, limit }) : { tenants: [], tenantCount: 0 }
        const json = options.format === 'json'
        process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatTenantTable(result))
      } finally {
        db.close()
      }
    })
}
