// The verdict and how sure it is, from the facts the steps gathered. Pure: no store access.
import { ERROR_CAUSES, type ErrorCause, type ErrorScope, type TriageLeaf, type TriageVerdict } from '../../shared/triage-types'
import type { Transition } from './last-good'
import type { Presence } from './presence'
import { aboutNumber, baselineText, entryTime, percent, plural } from './format'
import { TRIAGE } from './thresholds'
import type { ErrorAnalysis } from './top-errors'

export interface TriageFacts {
  presence: Presence
  transition: Transition
  errors: ErrorAnalysis | null
  retries: { failures: number; distinctRequests: number } | null
  errorScope: ErrorScope | null
}

/** Why the walk ended where it did; drives the answers and next steps. */
export type Situation =
  | 'no_history'
  | 'outside_log'
  | 'not_expected'
  | 'absent'
  | 'rejected'
  | 'all_success'
  | 'notices_only'

export interface Decision {
  verdict: TriageVerdict
  situation: Situation
  cause?: ErrorCause
  confidence: number
  confidenceReason: string
  leaf: TriageLeaf | null
}

const round = (n: number) => Math.round(Math.min(n, TRIAGE.maxConfidence) * 100) / 100

/** Requests the baseline predicts for the part of the window the log covers. */
export function expectedRequests(presence: Presence): number | null {
  const expected = presence.baseline.expectedInWindow
  return expected === null ? null : expected * presence.coverage
}

export function situationOf(facts: TriageFacts): Situation {
  const { counts, history, coverage } = facts.presence
  if (counts.total === 0) {
    if (history.total === 0) return 'no_history'
    if (coverage === 0) return 'outside_log'
    const expected = expectedRequests(facts.presence)
    return expected !== null && expected >= TRIAGE.minExpectedRequests ? 'absent' : 'not_expected'
  }
  if (counts.error > 0) return 'rejected'
  return counts.success > 0 ? 'all_success' : 'notices_only'
}

export function dominantCause(causes: Map<ErrorCause, number>): ErrorCause {
  let best: ErrorCause = 'other'
  let bestCount = -1
  for (const cause of ERROR_CAUSES) {
    const n = causes.get(cause) ?? 0
    if (n > bestCount) {
      best = cause
      bestCount = n
    }
  }
  return best
}

function decideAbsent(facts: TriageFacts): Decision {
  const expected = expectedRequests(facts.presence) ?? 0
  let confidence = 1 - Math.exp(-expected)
  const reasons = [`${aboutNumber(expected)} requests were expected from the caller's own rate, none arrived`]
  const others = facts.presence.otherTraffic
  if (others.total === 0) {
    confidence *= 0.7
    reasons.push('but no other caller is logged in the window either, so the log itself may have a gap')
  } else if (others.success > 0) {
    reasons.push(`other callers were served normally (${plural(others.success, 'successful request')})`)
  }
  if (facts.presence.coverage < 1) {
    confidence *= 0.8
    reasons.push(`the log covers only ${percent(facts.presence.coverage)} of the window`)
  }
  return { verdict: 'caller_never_reached', situation: 'absent', confidence: round(confidence), confidenceReason: sentence(reasons), leaf: 'D' }
}

function decideRejected(facts: TriageFacts): Decision {
  const { counts } = facts.presence
  const causes = facts.errors?.causes ?? new Map<ErrorCause, number>()
  const cause = dominantCause(causes)
  const causeShare = (causes.get(cause) ?? 0) / Math.max(1, counts.error)
  const errorShare = counts.error / Math.max(1, counts.error + counts.success)
  const persistent = facts.transition.recoveredAt === null && counts.error >= 2
  const reasons: string[] = []
  let confidence: number
  if (persistent) {
    confidence = 0.95
    const first = entryTime(facts.transition.firstFailure?.ts ?? null)
    reasons.push(`${counts.error} of ${counts.error + counts.success} requests failed and none succeeded after the first failure at ${first}`)
  } else {
    confidence = 0.45 + 0.45 * errorShare
    reasons.push(`${counts.error} of ${counts.error + counts.success} requests failed (${percent(errorShare)}), with successes in between`)
  }
  confidence *= 0.7 + 0.3 * causeShare
  if (causeShare < 1) reasons.push(`${percent(causeShare)} of the errors share the main cause`)
  if (cause === 'other') {
    confidence *= 0.85
    reasons.push('the error text is not one we recognise')
  }
  const retries = facts.retries
  if (retries && retries.failures >= 2 && retries.distinctRequests === 1) reasons.push(`the ${retries.failures} failures are one request retried`)
  const scope = facts.errorScope
  if (scope) reasons.push(`every error is for ${scope.field} ${scope.value ?? '(none)'}, while the caller's other requests succeeded`)
  return { verdict: 'request_rejected', situation: 'rejected', cause, confidence: round(confidence), confidenceReason: sentence(reasons), leaf: 'G' }
}

/** Far fewer requests than the caller's own rate predicts (some may not have arrived). */
export function isLowTraffic(presence: Presence): boolean {
  const expected = expectedRequests(presence)
  return expected !== null && expected >= TRIAGE.minExpectedRequests && presence.counts.total < expected * TRIAGE.lowTrafficShare
}

function decideSuccess(facts: TriageFacts): Decision {
  const { counts } = facts.presence
  let confidence = 0.6 + 0.3 * Math.min(1, counts.success / 10)
  const reasons = [`all ${plural(counts.success, 'request')} of the caller in the window succeeded`]
  if (counts.notice > 0) {
    confidence *= 0.9
    reasons.push(`${plural(counts.notice, 'notice')} ${counts.notice === 1 ? 'was' : 'were'} logged too`)
  }
  if (isLowTraffic(facts.presence)) {
    confidence *= 0.75
    const expected = aboutNumber(expectedRequests(facts.presence) ?? 0)
    reasons.push(`but only ${counts.total} arrived where ${expected} were expected, so some requests may not have reached the API`)
  }
  return { verdict: 'caller_side', situation: 'all_success', confidence: round(confidence), confidenceReason: sentence(reasons), leaf: 'H' }
}

const INCONCLUSIVE_REASONS: Record<'no_history' | 'outside_log' | 'notices_only', string> = {
  no_history: 'The caller has no requests anywhere in the searched log, so its absence proves nothing.',
  outside_log: 'The window lies outside the time span of the log.',
  notices_only: 'The caller\'s requests in the window are neither successes nor errors (notices only).',
}

function notExpectedReason(presence: Presence): string {
  const { baseline } = presence
  const expected = expectedRequests(presence)
  if (baseline.ratePerHour === null || expected === null) {
    return 'There is too little log around the window to tell how often the caller sends requests, so an empty window proves nothing.'
  }
  return `The caller sent ${baselineText(baseline)}, so only ` +
    `${aboutNumber(expected)} were expected in it; an empty window is not evidence.`
}

export function decideVerdict(facts: TriageFacts): Decision {
  const situation = situationOf(facts)
  if (situation === 'absent') return decideAbsent(facts)
  if (situation === 'rejected') return decideRejected(facts)
  if (situation === 'all_success') return decideSuccess(facts)
  const reason = situation === 'not_expected' ? notExpectedReason(facts.presence) : INCONCLUSIVE_REASONS[situation]
  return { verdict: 'inconclusive', situation, confidence: 0, confidenceReason: reason, leaf: null }
}

function sentence(parts: string[]): string {
  const text = parts.join('; ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}
