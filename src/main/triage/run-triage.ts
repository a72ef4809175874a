// runTriage: walks the support flowchart for one caller over the store and ends in a verdict with
// the evidence, the next steps and the steps walked.
import type { RequestDiff, TriageEvidence, TriageRequest, TriageResult } from '../../shared/triage-types'
import type { Db } from '../store/db'
import { getEntryDetail } from '../store/entries-repo'
import type { TriageContext, TriageHints } from './context'
import { diffRequests } from './diff'
import { findErrorScope } from './error-scope'
import { CAUSE_LABELS } from './error-classes'
import { headlineOf } from './headline'
import { findTransition, pairedSuccess } from './last-good'
import { countByResult, countWhere, iso, similarValues, topValues } from './lookup'
import { buildNextSteps } from './next-steps'
import { checkPresence } from './presence'
import { CALLER_COLUMNS, callerOnly, rangeFilter, scopeFilter, sourcesFilter, type TriageScope } from './scope'
import { TRIAGE } from './thresholds'
import { analyzeErrors, measureRetries, shapesVary } from './top-errors'
import { decideVerdict, type TriageFacts } from './verdict'
import { resolveWindow, TriageInputError } from './window'
import { buildSteps } from './wizard-steps'

const MAX_NAME = 1000

function normalizeRequest(request: TriageRequest): TriageRequest {
  const value = request.caller?.value?.trim() ?? ''
  if (request.caller?.kind !== 'apiUser' && request.caller?.kind !== 'agentUser') {
    throw new TriageInputError('caller.kind must be apiUser or agentUser')
  }
  if (value === '' || value.length > MAX_NAME) throw new TriageInputError('name the caller: an API user or an agent user')
  const fn = request.function?.trim()
  const normalized: TriageRequest = { ...request, caller: { kind: request.caller.kind, value } }
  if (fn) normalized.function = fn
  else delete normalized.function
  return normalized
}

function gatherFacts(db: Db, scope: TriageScope, fromMs: number, toMs: number, lastGoodMs: number | null): TriageFacts {
  const presence = checkPresence(db, scope, fromMs, toMs, lastGoodMs)
  const transition = findTransition(db, scope, fromMs, toMs)
  if (presence.counts.error === 0) return { presence, transition, errors: null, retries: null, errorScope: null }
  const window = scopeFilter(scope, rangeFilter(fromMs, toMs))
  const errors = { ...window, result: ['error' as const] }
  const baselineFrom = presence.baseline.basis === 'before' && presence.baseline.from ? Date.parse(presence.baseline.from) : fromMs
  const useShapes = shapesVary(db, scopeFilter(scope, { ...rangeFilter(baselineFrom, toMs), result: ['success'] }))
  return {
    presence,
    transition,
    errors: analyzeErrors(db, errors, useShapes),
    retries: measureRetries(db, errors, useShapes),
    errorScope: findErrorScope(db, scope, window),
  }
}

function gatherHints(db: Db, scope: TriageScope, facts: TriageFacts, fromMs: number, toMs: number): TriageHints {
  const hints: TriageHints = { similarCallers: [], callerTotal: null, callerFunctions: [], callerInWindow: null }
  const caller = callerOnly(scope)
  if (scope.function !== null) {
    hints.callerTotal = countWhere(db, scopeFilter(caller))
    if (facts.presence.counts.total === 0) hints.callerInWindow = countByResult(db, scopeFilter(caller, rangeFilter(fromMs, toMs)))
  }
  if (facts.presence.history.total === 0) {
    if ((hints.callerTotal ?? 0) > 0) {
      hints.callerFunctions = topValues(db, 'function', scopeFilter(caller), TRIAGE.suggestions)
    } else {
      const column = CALLER_COLUMNS[scope.caller.kind]
      hints.similarCallers = similarValues(db, column, scope.caller.value, TRIAGE.suggestions, sourcesFilter(scope))
    }
  }
  return hints
}

function buildDiff(db: Db, scope: TriageScope, facts: TriageFacts): RequestDiff | null {
  const failure = facts.transition.firstFailure
  if (!failure) return null
  const success = pairedSuccess(db, scope, failure)
  if (!success) return null
  const before = getEntryDetail(db, success.id)
  const after = getEntryDetail(db, failure.id)
  if (!before || !after) return null
  const earlier = pairedSuccess(db, scope, success)
  const changes = diffRequests(before, after, earlier ? getEntryDetail(db, earlier.id) : null)
  return { success, failure, changes: changes.slice(0, TRIAGE.maxChanges), truncated: Math.max(0, changes.length - TRIAGE.maxChanges) }
}

function buildEvidence(context: TriageContext): TriageEvidence {
  const { presence, transition, errors, retries, errorScope } = context.facts
  const span = presence.logSpan
  return {
    counts: presence.counts,
    baselineRate: presence.baseline.ratePerHour,
    baseline: presence.baseline,
    history: {
      total: presence.history.total,
      first: presence.history.first?.ts ?? null,
      last: presence.history.last?.ts ?? null,
    },
    logSpan: span ? { from: iso(span.fromMs), to: iso(span.toMs - 1) } : null,
    lastSuccess: transition.lastSuccess,
    firstFailure: transition.firstFailure,
    lastSeenBefore: presence.lastSeenBefore,
    firstSeenAfter: presence.firstSeenAfter,
    topErrors: errors?.top ?? [],
    diff: context.diff,
    otherTraffic: presence.otherTraffic,
    errorScope,
    retries,
  }
}

export function runTriage(db: Db, input: TriageRequest): TriageResult {
  const request = normalizeRequest(input)
  const resolved = resolveWindow(request)
  const { fromMs, toMs } = resolved
  const scope: TriageScope = { caller: request.caller, function: request.function ?? null, sourceId: request.sourceId }
  const facts = gatherFacts(db, scope, fromMs, toMs, resolved.lastGoodMs)
  const decision = decideVerdict(facts)
  const context: TriageContext = {
    request,
    scope,
    resolved,
    facts,
    decision,
    diff: buildDiff(db, scope, facts),
    hints: gatherHints(db, scope, facts, fromMs, toMs),
  }
  const top = facts.errors?.top.find((e) => e.cause === decision.cause)
  return {
    request,
    verdict: decision.verdict,
    ...(decision.cause ? { cause: decision.cause, causeLabel: CAUSE_LABELS[decision.cause] } : {}),
    ...(decision.cause && top ? { fixHint: top.fixHint } : {}),
    confidence: decision.confidence,
    confidenceReason: decision.confidenceReason,
    headline: headlineOf(context),
    leaf: decision.leaf,
    window: resolved.window,
    evidence: buildEvidence(context),
    nextSteps: buildNextSteps(context),
    steps: buildSteps(db, context),
  }
}
