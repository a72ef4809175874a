// rate_limit_burst: hours in which one tenant (or, for logs without tenants, one API user) gets many
// rate-limit rejections (HTTP 429 and the vendor equivalents in the error-class table).
import type { Finding, FindingsRequest } from '../../../shared/triage-types'
import type { EntryFilter } from '../../../shared/types'
import type { Db } from '../../store/db'
import { utcSpan } from '../format'
import { FINDINGS } from '../thresholds'
import { exampleIds, finding, HOUR_MS, hoursFilter, runsOf, subjectLabel, tuplesClause } from './common'
import { tuplesOf, type ErrorHour } from './error-hours'

type Field = 'tenant' | 'apiUser'

function subjectKey(row: ErrorHour): [Field, string] | null {
  if (row.tenant !== null) return ['tenant', row.tenant]
  if (row.apiUser !== null) return ['apiUser', row.apiUser]
  return null
}

function toFinding(db: Db, request: FindingsRequest, field: Field, value: string, rows: ErrorHour[], first: number, last: number): Finding {
  const count = rows.reduce((sum, r) => sum + r.n, 0)
  const perHour = new Map<number, number>()
  for (const r of rows) perHour.set(r.h, (perHour.get(r.h) ?? 0) + r.n)
  const extra: EntryFilter = { [field]: [value], result: ['error'] }
  if (rows.every((r) => r.statusCode === 429)) extra.statusCode = ['429']
  const filter = hoursFilter(request, first, last, extra)
  const subject = subjectLabel(field, value)
  const fromMs = Math.min(...rows.map((r) => r.firstTs))
  const toMs = Math.max(...rows.map((r) => r.lastTs)) + 1
  return finding({
    kind: 'rate_limit_burst',
    subject,
    fromMs,
    toMs,
    metrics: { rateLimited: count, hours: last - first + 1, maxPerHour: Math.max(...perHour.values()) },
    exampleIds: exampleIds(db, filter, tuplesClause(tuplesOf(rows))),
    summary: `${subject} was rate limited ${count} times in ${utcSpan(first * HOUR_MS, (last + 1) * HOUR_MS)}: ` +
      'its callers send faster than its quota allows.',
    filter,
  })
}

/**
 * Hours with many rejections, far above the subject's mean over the (non-burst) hours before it
 * within the log; the log's first hour has nothing to compare with and is skipped.
 */
function burstHours(hours: Map<number, ErrorHour[]>, logStart: number): number[] {
  const t = FINDINGS.rateLimit
  const counts = new Map([...hours.entries()].map(([h, rows]) => [h, rows.reduce((sum, r) => sum + r.n, 0)]))
  const bursts = new Set<number>()
  for (const h of [...counts.keys()].sort((a, b) => a - b)) {
    const count = counts.get(h) as number
    let sum = 0
    let span = 0
    for (let p = Math.max(logStart, h - t.baselineHours); p < h; p++) {
      if (bursts.has(p)) continue
      sum += counts.get(p) ?? 0
      span++
    }
    if (span > 0 && count >= t.minCount && count >= (t.factor * sum) / span) bursts.add(h)
  }
  return [...bursts]
}

export function findRateLimitBursts(db: Db, request: FindingsRequest, errorHours: ErrorHour[], logStart: number): Finding[] {
  const bySubject = new Map<string, { field: Field; value: string; hours: Map<number, ErrorHour[]> }>()
  for (const row of errorHours) {
    if (row.cause !== 'rate_limited') continue
    const key = subjectKey(row)
    if (!key) continue
    const id = key.join('\u0000')
    const subject = bySubject.get(id) ?? { field: key[0], value: key[1], hours: new Map<number, ErrorHour[]>() }
    const list = subject.hours.get(row.h)
    if (list) list.push(row)
    else subject.hours.set(row.h, [row])
    bySubject.set(id, subject)
  }
  const findings: Finding[] = []
  for (const { field, value, hours } of bySubject.values()) {
    for (const [first, last] of runsOf(burstHours(hours, logStart))) {
      const rows = [...hours.entries()].filter(([h]) => h >= first && h <= last).flatMap(([, list]) => list)
      findings.push(toFinding(db, request, field, value, rows, first, last))
    }
  }
  return findings
}
