// `apilog findings`: automatic findings (error spikes, slowdowns, repeated failures, auth clusters,
// rate-limit bursts, silent callers) over the store or a range.
import type { Command } from 'commander'
import { findFindings } from '../../triage/findings'
import { renderFindingsMarkdown } from '../../triage/findings/render-md'
import { UsageError } from '../errors'
import { collect } from '../filter-options'
import { openStoreForCli } from '../store'

const FINDINGS_FORMATS = ['json', 'md'] as const

interface FindingsCliOptions {
  db?: string
  from?: string
  to?: string
  source?: string[]
  format: string
}

function checkTime(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && Number.isNaN(Date.parse(value))) {
    throw new UsageError(`${flag}: not a valid time: "${value}" (use ISO-8601, e.g. 2024-05-01T10:00:00Z)`)
  }
  return value
}

export function registerFindings(program: Command): void {
  program
    .command('findings')
    .description('automatic findings: error-rate spikes, latency degradation, repeated failures, auth-error clusters, rate-limit bursts, silent callers')
    .option('--db <path>', 'store file')
    .option('--from <time>', 'only entries at or after this time (ISO-8601)')
    .option('--to <time>', 'only entries before this time (ISO-8601)')
    .option('--source <id>', 'only this source (repeatable)', collect)
    .option('--format <format>', `output: ${FINDINGS_FORMATS.join(' | ')}`, 'json')
    .action((options: FindingsCliOptions) => {
      if (!(FINDINGS_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError(`--format: "${options.format}" is not one of ${FINDINGS_FORMATS.join(', ')}`)
      }
      const sourceId = options.source?.map((s) => {
        if (!/^\d+$/.test(s)) throw new UsageError(`--source: "${s}" is not a source id (see apilog sources)`)
        return Number(s)
      })
      const request = { from: checkTime(options.from, '--from'), to: checkTime(options.to, '--to'), sourceId }
      const { db } = openStoreForCli(options.db, true)
      try {
        const findings = findFindings(db, request)
        process.stdout.write(options.format === 'md' ? renderFindingsMarkdown(findings) : JSON.stringify(findings, null, 2) + '\n')
      } finally {
        db.close()
      }
    })
}
