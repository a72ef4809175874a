// findFindings: every detector over the store (or a range / some sources), earliest first. Each
// detector aggregates by hour in SQL; no detector loads the entries themselves into memory.
import { FINDING_KINDS, type Finding, type FindingsRequest } from '../../../shared/triage-types'
import { parseFilterTime } from '../../query/compile-filter'
import type { Db } from '../../store/db'
import { FINDINGS } from '../thresholds'
import { findAuthErrorClusters } from './auth-error-cluster'
import { findSilentCallers } from './caller-silent'
import { loadErrorHours } from './error-hours'
import { findErrorRateSpikes } from './error-rate-spike'
import { firstHour, loadHourly } from './hourly'
import { findLatencyDegradation } from './latency-degradation'
import { findRateLimitBursts } from './rate-limit-burst'
import { findRepeatedFailures } from './repeated-failures'

export function findFindings(db: Db, request: FindingsRequest = {}): Finding[] {
  if (request.from !== undefined) parseFilterTime(request.from, 'from')
  if (request.to !== undefined) parseFilterTime(request.to, 'to')
  const hourly = loadHourly(db, request)
  const logStart = firstHour(hourly)
  if (logStart === null) return []
  const errorHours = loadErrorHours(db, request)
  const findings = [
    ...findErrorRateSpikes(db, request, hourly),
    ...findLatencyDegradation(db, request),
    ...findRepeatedFailures(db, request, errorHours),
    ...findAuthErrorClusters(db, request, errorHours, hourly),
    ...findRateLimitBursts(db, request, errorHours, logStart),
    ...findSilentCallers(db, request),
  ]
  const order = (f: Finding) => FINDING_KINDS.indexOf(f.kind)
  return findings
    .sort((a, b) => a.from.localeCompare(b.from) || order(a) - order(b) || a.subject.localeCompare(b.subject))
    .slice(0, FINDINGS.maxFindings)
}
