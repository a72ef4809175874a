// auth_error_cluster: several API users that worked before start failing authentication within one
// hour, which points at a platform change (a rotated key, an auth server, a permission update)
// rather than at one customer.
import type { Finding, FindingsRequest } from '../../../shared/triage-types'
import type { EntryFilter } from '../../../shared/types'
import type { Db } from '../../store/db'
import { utcSpan } from '../format'
import { FINDINGS } from '../thresholds'
import { iso } from '../lookup'
import { baseFilter, exampleIds, finding, HOUR_MS, tuplesClause } from './common'
import { tuplesOf, type ErrorHour } from './error-hours'
import { rollUp, type HourRow, type Tally } from './hourly'

interface Start {
  user: string
  ts: number
  failures: number
  rows: ErrorHour[]
}

/** Auth errors per user and hour. */
function authHours(errorHours: ErrorHour[]): Map<string, Map<number, ErrorHour[]>> {
  const byUser = new Map<string, Map<number, ErrorHour[]>>()
  for (const row of errorHours) {
    if (row.cause !== 'auth' || row.apiUser === null) continue
    const hours = byUser.get(row.apiUser) ?? new Map<number, ErrorHour[]>()
    const list = hours.get(row.h)
    if (list) list.push(row)
    else hours.set(row.h, [row])
    byUser.set(row.apiUser, hours)
  }
  return byUser
}

/**
 * Per user, each hour where most of its requests fail authentication while its previous hour with
 * traffic had successes and mostly no auth errors: the moment its authentication broke.
 */
function authStarts(errorHours: ErrorHour[], totals: Map<string | null, Map<number, Tally>>): Start[] {
  const t = FINDINGS.authCluster
  const starts: Start[] = []
  for (const [user, auth] of authHours(errorHours)) {
    const hours = totals.get(user)
    if (!hours) continue
    let previous: { tally: Tally; auth: number } | null = null
    for (const h of [...hours.keys()].sort((a, b) => a - b)) {
      const tally = hours.get(h) as Tally
      const rows = auth.get(h) ?? []
      const failures = rows.reduce((sum, r) => sum + r.n, 0)
      const broken = failures >= t.minAuthErrors && failures / tally.n >= t.minAuthShare
      const workedBefore = previous !== null && previous.tally.n > previous.tally.err && previous.auth / previous.tally.n < t.minAuthShare
      if (broken && workedBefore) starts.push({ user, ts: Math.min(...rows.map((r) => r.firstTs)), failures, rows })
      previous = { tally, auth: failures }
    }
  }
  return starts.sort((a, b) => a.ts - b.ts)
}

/** Greedy: starts of distinct users within one window from the earliest unclaimed start. */
function clusters(starts: Start[]): Start[][] {
  const t = FINDINGS.authCluster
  const out: Start[][] = []
  let i = 0
  while (i < starts.length) {
    let end = i
    while (end < starts.length && starts[end].ts < starts[i].ts + t.windowMs) end++
    const group = starts.slice(i, end)
    const users = new Set(group.map((s) => s.user))
    if (users.size >= t.minUsers) {
      const firstPerUser = [...users].map((u) => group.find((s) => s.user === u) as Start)
      out.push(firstPerUser)
      i += group.length
    } else {
      i += 1
    }
  }
  return out
}

function toFinding(db: Db, request: FindingsRequest, group: Start[]): Finding {
  const users = group.map((s) => s.user).sort()
  const fromMs = Math.min(...group.map((s) => s.ts))
  const toMs = Math.max(...group.map((s) => s.ts)) + HOUR_MS
  const failures = group.reduce((sum, s) => sum + s.failures, 0)
  const filter: EntryFilter = { ...baseFilter(request), from: iso(fromMs), to: iso(toMs), apiUser: users, result: ['error'] }
  const shown = users.length > 5 ? `${users.slice(0, 5).join(', ')} and ${users.length - 5} more` : users.join(', ')
  return finding({
    kind: 'auth_error_cluster',
    subject: `${users.length} API users: ${shown}`,
    fromMs,
    toMs,
    metrics: { users: users.length, failures },
    exampleIds: exampleIds(db, filter, tuplesClause(tuplesOf(group.flatMap((s) => s.rows)))),
    summary: `${users.length} API users that worked before started failing authentication within an hour ` +
      `(${utcSpan(fromMs, toMs)}; ${failures} failures in their first hour): a platform-side change is more likely ` +
      `than ${users.length} separate customer mistakes.`,
    filter,
  })
}

export function findAuthErrorClusters(db: Db, request: FindingsRequest, errorHours: ErrorHour[], hourly: HourRow[]): Finding[] {
  if (!errorHours.some((r) => r.cause === 'auth')) return []
  const starts = authStarts(errorHours, rollUp(hourly, 'apiUser'))
  return clusters(starts).map((group) => toFinding(db, request, group))
}
