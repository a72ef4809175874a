// Flowchart node C, "Requests present in log?": the caller's entries in the window, judged against
// its own rate before the window, with the last request before and the first after.
import type { EntryRef, OtherTraffic, TriageBaseline, TriageCounts } from '../../shared/triage-types'
import { compileFilter } from '../query/compile-filter'
import type { Db } from '../store/db'
import { countByResult, countWhere, edgeEntry, iso, logSpan, type Span } from './lookup'
import { CALLER_COLUMNS, otherCallers, rangeFilter, scopeFilter, sourcesFilter, type TriageScope } from './scope'
import { TRIAGE } from './thresholds'

const HOUR = 3_600_000
const DAY = 24 * HOUR

interface Period {
  from: number
  to: number
  basis: Exclude<TriageBaseline['basis'], 'none'>
}

export interface Presence {
  counts: TriageCounts
  /** the caller's (+function's) entries anywhere in the searched sources */
  history: { total: number; first: EntryRef | null; last: EntryRef | null }
  baseline: TriageBaseline
  lastSeenBefore: EntryRef | null
  firstSeenAfter: EntryRef | null
  otherTraffic: OtherTraffic
  logSpan: Span | null
  /** how much of the window the log covers, 0–1 */
  coverage: number
}

/** The rate period: before the window if the log reaches back far enough, else after it. */
function ratePeriod(fromMs: number, toMs: number, span: Span): Period | null {
  const length = Math.min(Math.max((toMs - fromMs) * TRIAGE.baselineWindows, TRIAGE.minBaselineMs), TRIAGE.maxBaselineMs)
  const start = Math.max(fromMs - length, span.fromMs)
  if (fromMs - start >= TRIAGE.minBaselineSpanMs) return { from: start, to: fromMs, basis: 'before' }
  const end = Math.min(toMs + length, span.toMs)
  if (end - toMs >= TRIAGE.minBaselineSpanMs) return { from: toMs, to: end, basis: 'after' }
  return null
}

/**
 * Windows of the same length where the caller's traffic predicts the window's directly: the same
 * clock time a day earlier (daily jobs), and around the reported last-good time when that is recent
 * (a steady integration that "worked this morning").
 */
function referencePeriods(fromMs: number, toMs: number, lastGoodMs: number | null, span: Span): Period[] {
  const length = toMs - fromMs
  const periods: Period[] = []
  if (fromMs - DAY >= span.fromMs) periods.push({ from: fromMs - DAY, to: toMs - DAY, basis: 'day_before' })
  const recent = lastGoodMs !== null && fromMs - lastGoodMs <= TRIAGE.lastGoodMaxAgeMs
  if (lastGoodMs !== null && recent && lastGoodMs + length / 2 <= fromMs) {
    periods.push({ from: lastGoodMs - length / 2, to: lastGoodMs + length / 2, basis: 'last_good' })
  }
  return periods
}

const NO_BASELINE: TriageBaseline = { from: null, to: null, count: 0, ratePerHour: null, expectedInWindow: null, basis: 'none' }

/** The caller's usual traffic: the highest expectation of its recent rate and the reference windows. */
export function measureBaseline(
  db: Db,
  scope: TriageScope,
  fromMs: number,
  toMs: number,
  lastGoodMs: number | null,
  span: Span | null,
): TriageBaseline {
  if (!span) return NO_BASELINE
  const rate = ratePeriod(fromMs, toMs, span)
  const periods = [...(rate ? [rate] : []), ...referencePeriods(fromMs, toMs, lastGoodMs, span)]
  let best: TriageBaseline = NO_BASELINE
  for (const period of periods) {
    const count = countWhere(db, scopeFilter(scope, rangeFilter(period.from, period.to)))
    const ratePerHour = count / ((period.to - period.from) / HOUR)
    const expected = ratePerHour * ((toMs - fromMs) / HOUR)
    if (best.expectedInWindow !== null && expected <= best.expectedInWindow) continue
    best = {
      from: iso(period.from),
      to: iso(period.to),
      count,
      ratePerHour: Math.round(ratePerHour * 1000) / 1000,
      expectedInWindow: Math.round(expected * 100) / 100,
      basis: period.basis,
    }
  }
  return best
}

function measureOthers(db: Db, scope: TriageScope, fromMs: number, toMs: number): OtherTraffic {
  const where = compileFilter(sourcesFilter(scope, rangeFilter(fromMs, toMs)))
  const others = otherCallers(scope)
  const column = CALLER_COLUMNS[scope.caller.kind]
  const row = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(e.result = 'success'), 0) AS success,
         coalesce(sum(e.result = 'error'), 0) AS error, count(DISTINCT e.${column}) AS callers
       FROM entries e WHERE ${where.sql} AND ${others.sql}`,
    )
    .get(...where.params, ...others.params) as OtherTraffic
  return row
}

function coverageOf(span: Span | null, fromMs: number, toMs: number): number {
  if (!span) return 0
  const overlap = Math.min(span.toMs, toMs) - Math.max(span.fromMs, fromMs)
  return Math.max(0, Math.min(1, overlap / (toMs - fromMs)))
}

export function checkPresence(db: Db, scope: TriageScope, fromMs: number, toMs: number, lastGoodMs: number | null): Presence {
  const span = logSpan(db, scope.sourceId)
  const everywhere = scopeFilter(scope)
  return {
    counts: countByResult(db, scopeFilter(scope, rangeFilter(fromMs, toMs))),
    history: {
      total: countWhere(db, everywhere),
      first: edgeEntry(db, everywhere, 'asc'),
      last: edgeEntry(db, everywhere, 'desc'),
    },
    baseline: measureBaseline(db, scope, fromMs, toMs, lastGoodMs, span),
    lastSeenBefore: edgeEntry(db, scopeFilter(scope, { to: iso(fromMs) }), 'desc'),
    firstSeenAfter: edgeEntry(db, scopeFilter(scope, { from: iso(toMs) }), 'asc'),
    otherTraffic: measureOthers(db, scope, fromMs, toMs),
    logSpan: span,
    coverage: coverageOf(span, fromMs, toMs),
  }
}
