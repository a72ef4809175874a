// `apilog triage`: walks the support flowchart for one caller and prints the verdict with evidence.
import type { Command } from 'commander'
import type { TriageRequest } from '../../../shared/triage-types'
import { loadRedactionKey, useRedactionKey } from '../../redact'
import { renderTriageHtml } from '../../triage/report-html'
import { renderTriageMarkdown } from '../../triage/report-md'
import { loadEvidenceRows } from '../../triage/report-rows'
import { runTriage } from '../../triage/run-triage'
import { UsageError } from '../errors'
import { collect } from '../filter-options'
import { openStoreForCli } from '../store'

const TRIAGE_FORMATS = ['json', 'md', 'html'] as const

interface TriageCliOptions {
  db?: string
  apiUser?: string
  agentUser?: string
  function?: string
  at?: string
  tz?: string
  tolerance?: string
  from?: string
  to?: string
  lastGood?: string
  source?: string[]
  format: string
}

function callerOf(options: TriageCliOptions): TriageRequest['caller'] {
  if (options.apiUser !== undefined && options.agentUser !== undefined) throw new UsageError('give --api-user or --agent-user, not both')
  if (options.apiUser !== undefined) return { kind: 'apiUser', value: options.apiUser }
  if (options.agentUser !== undefined) return { kind: 'agentUser', value: options.agentUser }
  throw new UsageError('name the failing caller with --api-user (back-office jobs) or --agent-user (agent-screen actions)')
}

function timeOf(options: TriageCliOptions): Partial<TriageRequest> {
  const range = options.from !== undefined || options.to !== undefined
  if (options.at !== undefined && range) throw new UsageError('give --at, or --from and --to, not both')
  if (options.at === undefined && !range) throw new UsageError('give the failure time with --at (or a window with --from and --to)')
  if (range && (options.from === undefined || options.to === undefined)) throw new UsageError('a window needs both --from and --to')
  const time: Partial<TriageRequest> = options.at !== undefined ? { at: options.at } : { from: options.from, to: options.to }
  if (options.tolerance !== undefined) {
    if (!/^\d+$/.test(options.tolerance)) throw new UsageError(`--tolerance: expected whole minutes, got "${options.tolerance}"`)
    time.toleranceMinutes = Number(options.tolerance)
  }
  return time
}

export function toTriageRequest(options: TriageCliOptions): TriageRequest {
  const request: TriageRequest = { caller: callerOf(options), ...timeOf(options) }
  if (options.function !== undefined) request.function = options.function
  if (options.tz !== undefined) request.timeZone = options.tz
  if (options.lastGood !== undefined) request.lastGood = options.lastGood
  if (options.source) {
    request.sourceId = options.source.map((s) => {
      if (!/^\d+$/.test(s)) throw new UsageError(`--source: "${s}" is not a source id (see apilog sources)`)
      return Number(s)
    })
  }
  return request
}

export function registerTriage(program: Command): void {
  program
    .command('triage')
    .description('why does an integration fail? walks the triage flowchart for one caller and prints the verdict with evidence')
    .option('--db <path>', 'store file')
    .option('--api-user <value>', 'the failing API user (back-office jobs, scripts, syncs)')
    .option('--agent-user <value>', 'the failing agent user (actions taken on an agent\'s behalf)')
    .option('--function <value>', 'the function that fails, e.g. add_lead')
    .option('--at <time>', 'when it failed (ISO-8601; without an offset it is read in --tz)')
    .option('--tz <zone>', 'the customer\'s zone for times without an offset (IANA name or ±HH:MM; default UTC)')
    .option('--tolerance <minutes>', 'minutes searched on both sides of --at (default 30)')
    .option('--from <time>', 'start of the failure window (ISO-8601)')
    .option('--to <time>', 'end of the failure window (ISO-8601)')
    .option('--last-good <time>', 'when it last worked, as the customer remembers it')
    .option('--source <id>', 'only this source (repeatable)', collect)
    .option('--format <format>', `output: ${TRIAGE_FORMATS.join(' | ')}`, 'json')
    .action((options: TriageCliOptions) => {
      if (!(TRIAGE_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError(`--format: "${options.format}" is not one of ${TRIAGE_FORMATS.join(', ')}`)
      }
      const request = toTriageRequest(options)
      const { db } = openStoreForCli(options.db, true)
      try {
        const result = runTriage(db, request)
        if (options.format === 'json') {
          process.stdout.write(JSON.stringify(result, null, 2) + '\n')
          return
        }
        useRedactionKey(loadRedactionKey(db))
        const rows = loadEvidenceRows(db, result)
        process.stdout.write(options.format === 'md' ? renderTriageMarkdown(result, rows) : renderTriageHtml(result, rows))
      } finally {
        db.close()
      }
    })
}
