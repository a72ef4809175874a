// How findings read in the panel: a label per kind, the few numbers that matter, and the triage a
// finding about one caller can start.
import type { Finding, FindingKind } from '../../../../shared/triage-types'
import { formatCount } from '../../lib/format'
import { EMPTY_FORM, type TriageForm } from './triage-form'

export const FINDING_LABELS: Record<FindingKind, string> = {
  error_rate_spike: 'Error spike',
  latency_degradation: 'Slower responses',
  repeated_failures: 'Repeated failures',
  auth_error_cluster: 'Auth failures across users',
  rate_limit_burst: 'Rate-limit burst',
  caller_silent: 'Caller went silent',
}

export const FINDING_TONES: Record<FindingKind, 'error' | 'notice'> = {
  error_rate_spike: 'error',
  latency_degradation: 'notice',
  repeated_failures: 'error',
  auth_error_cluster: 'error',
  rate_limit_burst: 'notice',
  caller_silent: 'notice',
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`

type MetricFormatter = (m: Record<string, number>) => Array<string | null>

const has = (m: Record<string, number>, key: string) => typeof m[key] === 'number' && Number.isFinite(m[key])

const METRICS: Record<FindingKind, MetricFormatter> = {
  error_rate_spike: (m) => [
    has(m, 'errors') && has(m, 'requests') ? `${formatCount(m.errors)} of ${formatCount(m.requests)} failed` : null,
    has(m, 'errorRate') ? `${percent(m.errorRate)} errors` : null,
    has(m, 'baselineErrorRate') ? `${percent(m.baselineErrorRate)} before` : null,
  ],
  latency_degradation: (m) => [
    has(m, 'p95') && has(m, 'baselineP95') ? `p95 ${formatCount(m.baselineP95)} → ${formatCount(m.p95)} ms` : null,
    has(m, 'p50') && has(m, 'baselineP50') ? `p50 ${formatCount(m.baselineP50)} → ${formatCount(m.p50)} ms` : null,
    has(m, 'errorsNextHour') && m.errorsNextHour > 0 ? `${formatCount(m.errorsNextHour)} errors next hour` : null,
  ],
  repeated_failures: (m) => [
    has(m, 'failures') ? `${formatCount(m.failures)} failures` : null,
    has(m, 'maxPerHour') ? `up to ${formatCount(m.maxPerHour)} per hour` : null,
  ],
  auth_error_cluster: (m) => [
    has(m, 'users') ? `${formatCount(m.users)} API users` : null,
    has(m, 'failures') ? `${formatCount(m.failures)} failures` : null,
  ],
  rate_limit_burst: (m) => [
    has(m, 'rateLimited') ? `${formatCount(m.rateLimited)} rate-limited` : null,
    has(m, 'maxPerHour') ? `up to ${formatCount(m.maxPerHour)} per hour` : null,
  ],
  caller_silent: (m) => [
    has(m, 'gapMinutes') ? `silent ${formatCount(m.gapMinutes)} min` : null,
    has(m, 'expected') ? `about ${formatCount(m.expected)} expected` : null,
    has(m, 'othersDuringGap') ? `${formatCount(m.othersDuringGap)} from others meanwhile` : null,
  ],
}

/** The key numbers of a finding, short ("234 of 236 failed", "99% errors", …). */
export function findingNumbers(finding: Finding): string[] {
  const format = METRICS[finding.kind] as MetricFormatter | undefined
  if (!format) return Object.entries(finding.metrics).map(([k, v]) => `${k} ${v}`)
  return format(finding.metrics).filter((s): s is string => s !== null)
}

/** "2024-03-12 14:00:00" in UTC, as the form's time inputs read it. */
export function utcWall(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')
}

/** A triage form for a finding about exactly one API or agent user, over the finding's span. */
export function findingForm(finding: Finding): TriageForm | null {
  const api = finding.filter.apiUser
  const agent = finding.filter.agentUser
  const single = (values: Array<string | null> | undefined) => (values?.length === 1 && values[0] ? values[0] : null)
  const caller = single(api) ?? single(agent)
  if (caller === null) return null
  const fn = single(finding.filter.function) ?? ''
  // a silence starts at the caller's last request: the window begins just after it
  const from = finding.kind === 'caller_silent' ? new Date(Date.parse(finding.from) + 1000).toISOString() : finding.from
  return {
    ...EMPTY_FORM,
    kind: single(api) !== null ? 'apiUser' : 'agentUser',
    caller,
    fn,
    when: 'range',
    from: utcWall(from),
    to: utcWall(finding.to),
    zone: 'UTC',
  }
}
