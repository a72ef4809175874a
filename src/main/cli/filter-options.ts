// The filter options shared by `query`, `facets` and (later) `export`, and their translation into
// an EntryFilter.
import type { Command } from 'commander'
import { RESULT_KINDS, type EntryFilter, type ResultKind } from '../../shared/types'
import { UsageError } from './errors'

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

export interface FilterOptions {
  from?: string
  to?: string
  apiUser?: string[]
  agentUser?: string[]
  function?: string[]
  result?: string[]
  status?: string[]
  method?: string[]
  service?: string[]
  tenant?: string[]
  clientIp?: string[]
  source?: string[]
  correlationId?: string[]
  search?: string
}

export function addFilterOptions(command: Command): Command {
  return command
    .option('--from <iso>', 'entries at or after this time (ISO-8601)')
    .option('--to <iso>', 'entries before this time (ISO-8601)')
    .option('--api-user <value>', 'API user (repeatable; "-" for none)', collect)
    .option('--agent-user <value>', 'agent user (repeatable; "-" for none)', collect)
    .option('--function <value>', 'function, e.g. "GET /users/{id}" (repeatable)', collect)
    .option('--result <value>', 'success | error | notice (repeatable)', collect)
    .option('--status <code>', 'status code or class such as 404 or 4xx (repeatable)', collect)
    .option('--method <value>', 'HTTP method (repeatable)', collect)
    .option('--service <value>', 'service or API collection (repeatable)', collect)
    .option('--tenant <value>', 'tenant or consumer (repeatable)', collect)
    .option('--client-ip <value>', 'client IP (repeatable)', collect)
    .option('--source <id>', 'source id (repeatable)', collect)
    .option('--correlation-id <value>', 'correlation / request id (repeatable)', collect)
    .option('--search <text>', 'full-text search over URLs, error texts and bodies')
}

const orNone = (values: string[] | undefined) => values?.map((v) => (v === '-' ? null : v))

function checkTime(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined
  if (Number.isNaN(Date.parse(value))) throw new UsageError(`${flag}: not a valid time: "${value}" (use ISO-8601, e.g. 2024-05-01T10:00:00Z)`)
  return value
}

export function toEntryFilter(options: FilterOptions): EntryFilter {
  const filter: EntryFilter = {}
  filter.from = checkTime(options.from, '--from')
  filter.to = checkTime(options.to, '--to')
  filter.apiUser = orNone(options.apiUser)
  filter.agentUser = orNone(options.agentUser)
  filter.function = orNone(options.function)
  filter.method = orNone(options.method?.map((m) => m.toUpperCase()))
  filter.service = orNone(options.service)
  filter.tenant = orNone(options.tenant)
  filter.clientIp = orNone(options.clientIp)
  filter.correlationId = options.correlationId
  filter.statusCode = options.status
  filter.search = options.search
  if (options.result) {
    for (const r of options.result) {
      if (!(RESULT_KINDS as readonly string[]).includes(r.toLowerCase())) {
        throw new UsageError(`--result: "${r}" is not one of ${RESULT_KINDS.join(', ')}`)
      }
    }
    filter.result = options.result.map((r) => r.toLowerCase() as ResultKind)
  }
  if (options.source) {
    filter.sourceId = options.source.map((s) => {
      if (!/^\d+$/.test(s)) throw new UsageError(`--source: "${s}" is not a source id (see apilog sources)`)
      return Number(s)
    })
  }
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as EntryFilter
}
