// repeated_failures: the same function, caller and tenant failing with the same error text many
// times within an hour (consecutive hours merged).
import type { Finding, FindingsRequest } from '../../../shared/triage-types'
import type { EntryFilter } from '../../../shared/types'
import type { Db } from '../../store/db'
import { CAUSE_LABELS } from '../error-classes'
import { quote, utcSpan } from '../format'
import { FINDINGS } from '../thresholds'
import { exampleIds, finding, HOUR_MS, hoursFilter, runsOf, tuplesClause } from './common'
import { tuplesOf, type ErrorHour } from './error-hours'

interface Key {
  fn: string | null
  apiUser: string | null
  tenant: string | null
  signature: string
}

function keyOf(row: ErrorHour): string {
  return JSON.stringify([row.fn, row.apiUser, row.tenant, row.signature])
}

function subjectOf(key: Key): string {
  const parts = [key.fn === null ? '(no function)' : key.fn]
  if (key.apiUser !== null) parts.push(`by API user ${key.apiUser}`)
  if (key.tenant !== null) parts.push(`for tenant ${key.tenant}`)
  return parts.join(' ')
}

function toFinding(db: Db, request: FindingsRequest, rows: ErrorHour[], first: number, last: number): Finding {
  const key: Key = { fn: rows[0].fn, apiUser: rows[0].apiUser, tenant: rows[0].tenant, signature: rows[0].signature }
  const count = rows.reduce((sum, r) => sum + r.n, 0)
  const perHour = new Map<number, number>()
  for (const r of rows) perHour.set(r.h, (perHour.get(r.h) ?? 0) + r.n)
  const extra: EntryFilter = { function: [key.fn], apiUser: [key.apiUser], result: ['error'] }
  if (key.tenant !== null) extra.tenant = [key.tenant]
  const statuses = [...new Set(rows.map((r) => r.statusCode))]
  if (statuses.length === 1 && statuses[0] !== null) extra.statusCode = [String(statuses[0])]
  const filter = hoursFilter(request, first, last, extra)
  const subject = subjectOf(key)
  return finding({
    kind: 'repeated_failures',
    subject,
    fromMs: Math.min(...rows.map((r) => r.firstTs)),
    toMs: Math.max(...rows.map((r) => r.lastTs)) + 1,
    metrics: { failures: count, hours: last - first + 1, maxPerHour: Math.max(...perHour.values()) },
    exampleIds: exampleIds(db, filter, tuplesClause(tuplesOf(rows))),
    summary: `${subject} failed ${count} times with ${quote(rows[0].message, 100)} (${CAUSE_LABELS[rows[0].cause]}) ` +
      `in ${utcSpan(first * HOUR_MS, (last + 1) * HOUR_MS)}.`,
    filter,
  })
}

export function findRepeatedFailures(db: Db, request: FindingsRequest, errorHours: ErrorHour[]): Finding[] {
  const byKey = new Map<string, Map<number, ErrorHour[]>>()
  for (const row of errorHours) {
    const key = keyOf(row)
    const hours = byKey.get(key) ?? new Map<number, ErrorHour[]>()
    const list = hours.get(row.h)
    if (list) list.push(row)
    else hours.set(row.h, [row])
    byKey.set(key, hours)
  }
  const findings: Finding[] = []
  for (const hours of byKey.values()) {
    const busy = [...hours.entries()].filter(([, rows]) => rows.reduce((sum, r) => sum + r.n, 0) >= FINDINGS.repeated.minCount)
    for (const [first, last] of runsOf(busy.map(([h]) => h))) {
      const rows = busy.filter(([h]) => h >= first && h <= last).flatMap(([, list]) => list)
      findings.push(toFinding(db, request, rows, first, last))
    }
  }
  return findings
}
