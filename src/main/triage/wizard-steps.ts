// The flowchart nodes walked, in order, each with its answer and the grid filter that shows the
// rows answering it:  B → C →(no) D  |  C →(yes) E → F →(yes) G  |  F →(no) H.
import type { TriageCounts, WizardStep, WizardStepRow } from '../../shared/triage-types'
import type { EntryFilter, ResultKind } from '../../shared/types'
import { compileFilter } from '../query/compile-filter'
import type { Db } from '../store/db'
import { CAUSE_LABELS } from './error-classes'
import type { TriageContext } from './context'
import { aboutNumber, baselineText, entryTime, plural, quote, utcDateTime, utcSpan } from './format'
import { countByResult, iso } from './lookup'
import { rangeFilter, scopeFilter, scopeLabel, sourcesFilter } from './scope'

const BREAKDOWN_ROWS = 10

export const STEP_TITLES = {
  B: 'Set time range around the failure',
  C: 'Requests present in log?',
  D: 'Caller never reached us: network or wrong URL',
  E: 'Filter by Function and Result',
  F: 'Result an error?',
  G: 'Read the error: bad params or auth',
  H: 'Problem is on the caller side',
} as const

function windowFilter(context: TriageContext, extra: EntryFilter = {}): EntryFilter {
  return scopeFilter(context.scope, { ...rangeFilter(context.resolved.fromMs, context.resolved.toMs), ...extra })
}

function step(db: Db, base: Omit<WizardStep, 'counts'>): WizardStep {
  return { ...base, counts: countByResult(db, base.filter) }
}

function countsText(c: TriageCounts): string {
  const parts = [`${c.success} succeeded`, `${c.error} failed`]
  if (c.notice > 0) parts.push(plural(c.notice, 'notice'))
  return parts.join(', ')
}

function stepB(db: Db, context: TriageContext): WizardStep {
  const { presence } = context.facts
  const span = presence.logSpan
  let answer = context.resolved.window.description
  if (span) answer += ` The log covers ${utcDateTime(span.fromMs)} to ${utcDateTime(span.toMs - 1)}.`
  if (span && presence.coverage < 1) answer += presence.coverage === 0 ? ' The window is outside the log.' : ' Part of the window is outside the log.'
  return step(db, {
    id: 'B', title: STEP_TITLES.B, question: 'Which UTC time range is searched?', answer, outcome: 'n/a',
    filter: sourcesFilter(context.scope, rangeFilter(context.resolved.fromMs, context.resolved.toMs)),
  })
}

function gapFilter(context: TriageContext): EntryFilter {
  const { lastSeenBefore, firstSeenAfter } = context.facts.presence
  const from = lastSeenBefore?.ts ? Math.min(Date.parse(lastSeenBefore.ts), context.resolved.fromMs) : context.resolved.fromMs
  const to = firstSeenAfter?.ts ? Math.max(Date.parse(firstSeenAfter.ts) + 1, context.resolved.toMs) : context.resolved.toMs
  return scopeFilter(context.scope, rangeFilter(from, to))
}

function absentAnswer(context: TriageContext): string {
  const { presence } = context.facts
  const { situation } = context.decision
  const who = scopeLabel(context.scope)
  if (situation === 'no_history') return `No: ${who} has no requests anywhere in this log.`
  if (situation === 'outside_log') return 'No: the window lies outside the time span of the log.'
  const { lastSeenBefore: before, firstSeenAfter: after } = presence
  const around = [
    before ? `The last request before the gap was at ${entryTime(before.ts)} (entry ${before.id})` : 'There is no request before the window',
    after ? `the first after it at ${entryTime(after.ts)} (entry ${after.id}).` : 'none after it.',
  ].join('; ')
  if (situation === 'not_expected') return `No, but that proves little: ${context.decision.confidenceReason} ${around}`
  const { baseline } = presence
  return `No: none in the window, although ${aboutNumber(baseline.expectedInWindow ?? 0)} were expected (it sent ` +
    `${baselineText(baseline)}). ${around}`
}

function stepC(db: Db, context: TriageContext): WizardStep {
  const { counts, baseline } = context.facts.presence
  const question = `Did ${scopeLabel(context.scope)} send any requests in this window?`
  if (counts.total > 0) {
    const usual = baseline.ratePerHour !== null ? ` Usually ${aboutNumber(baseline.ratePerHour)} per hour.` : ''
    return step(db, {
      id: 'C', title: STEP_TITLES.C, question, outcome: 'yes', filter: windowFilter(context),
      answer: `Yes: ${plural(counts.total, 'request')} (${countsText(counts)}).${usual}`,
    })
  }
  return step(db, { id: 'C', title: STEP_TITLES.C, question, outcome: 'no', filter: gapFilter(context), answer: absentAnswer(context) })
}

function stepD(db: Db, context: TriageContext): WizardStep {
  const others = context.facts.presence.otherTraffic
  const served = others.total === 0
    ? 'No other caller is logged in the window either.'
    : `Other callers sent ${plural(others.total, 'request')} in the window (${others.success} succeeded, ${others.error} failed), so the API was up.`
  return step(db, {
    id: 'D', title: STEP_TITLES.D, question: 'Where did the requests go?', outcome: 'n/a',
    answer: 'They never arrived: the caller broke before sending, sends to a wrong URL, or something in between ' +
      `(firewall, proxy, DNS) blocks it. ${served}`,
    filter: sourcesFilter(context.scope, rangeFilter(context.resolved.fromMs, context.resolved.toMs)),
  })
}

function functionRows(db: Db, filter: EntryFilter): WizardStepRow[] {
  const where = compileFilter(filter)
  const rows = db
    .prepare(`SELECT e.function AS fn, e.result AS result, count(*) AS n FROM entries e WHERE ${where.sql} GROUP BY e.function, e.result`)
    .all(...where.params) as Array<{ fn: string | null; result: ResultKind; n: number }>
  const byFunction = new Map<string, TriageCounts>()
  for (const row of rows) {
    const label = row.fn ?? '(no function)'
    const counts = byFunction.get(label) ?? { total: 0, success: 0, error: 0, notice: 0 }
    counts[row.result] += row.n
    counts.total += row.n
    byFunction.set(label, counts)
  }
  return [...byFunction.entries()]
    .map(([label, counts]) => ({ label, counts }))
    .sort((a, b) => b.counts.total - a.counts.total || a.label.localeCompare(b.label))
    .slice(0, BREAKDOWN_ROWS)
}

function stepE(db: Db, context: TriageContext): WizardStep {
  const filter = windowFilter(context)
  const rows = functionRows(db, filter)
  const answer = rows.map((r) => `${r.label}: ${countsText(r.counts)}`).join('; ')
  return step(db, {
    id: 'E', title: STEP_TITLES.E, question: `Which functions and results does ${scopeLabel(context.scope)} have in the window?`,
    answer: `${answer}.`, outcome: 'n/a', filter, rows,
  })
}

function stepF(db: Db, context: TriageContext): WizardStep {
  const { counts } = context.facts.presence
  const { firstFailure, lastSuccess } = context.facts.transition
  const base = { id: 'F' as const, title: STEP_TITLES.F, question: 'Are any of these requests errors?' }
  if (counts.error > 0) {
    const top = context.facts.errors?.top[0]
    const first = `the first failure at ${entryTime(firstFailure?.ts ?? null)}${top ? ` (${quote(top.message, 80)})` : ''}`
    const last = lastSuccess ? ` The last success before it was at ${entryTime(lastSuccess.ts)}.` : ' No success precedes it in the log.'
    const answer = `Yes: ${counts.error} of ${counts.total} failed; ${first}.${last}`
    return step(db, { ...base, outcome: 'yes', filter: windowFilter(context, { result: ['error'] }), answer })
  }
  if (counts.success > 0) {
    const plus = counts.notice ? ` (plus ${plural(counts.notice, 'notice')})` : ''
    const answer = `No: all ${plural(counts.success, 'request')} succeeded${plus}.`
    return step(db, { ...base, outcome: 'no', filter: windowFilter(context, { result: ['success'] }), answer })
  }
  const answer = `Neither: the ${plural(counts.notice, 'request')} in the window are notices.`
  return step(db, { ...base, outcome: 'n/a', filter: windowFilter(context, { result: ['notice'] }), answer })
}

function stepG(db: Db, context: TriageContext): WizardStep {
  const top = context.facts.errors?.top ?? []
  const cause = context.decision.cause ?? 'other'
  const lines = top.slice(0, 3).map((e) => `${quote(e.message, 100)} ×${e.count} (${CAUSE_LABELS[e.cause]})`)
  const lastSuccess = context.facts.transition.lastSuccess
  const from = lastSuccess?.ts ? Math.min(Date.parse(lastSuccess.ts), context.resolved.fromMs) : context.resolved.fromMs
  const changes = context.diff?.changes.filter((c) => c.field !== 'statusCode' && !c.variesNormally).length ?? 0
  const diff = context.diff ? ` Compared with the last success, ${plural(changes, 'request field')} changed.` : ''
  return step(db, {
    id: 'G', title: STEP_TITLES.G, question: 'What does the error say?', outcome: 'n/a',
    answer: `Mostly ${CAUSE_LABELS[cause]}: ${lines.join('; ')}. ${top[0]?.fixHint ?? ''}${diff}`.trim(),
    filter: scopeFilter(context.scope, { from: iso(from), to: iso(context.resolved.toMs) }),
  })
}

function stepH(db: Db, context: TriageContext): WizardStep {
  const { counts } = context.facts.presence
  return step(db, {
    id: 'H', title: STEP_TITLES.H, question: 'Did the API answer every request successfully?', outcome: 'n/a',
    answer: `Yes: all ${plural(counts.success, 'request')} in ${utcSpan(context.resolved.fromMs, context.resolved.toMs)} succeeded. ` +
      'The API did its part; look at the calling system (e.g. a webhook receiver dropping responses, or a later step failing).',
    filter: windowFilter(context, { result: ['success'] }),
  })
}

export function buildSteps(db: Db, context: TriageContext): WizardStep[] {
  const steps = [stepB(db, context), stepC(db, context)]
  const { situation } = context.decision
  if (context.facts.presence.counts.total === 0) {
    if (situation === 'absent') steps.push(stepD(db, context))
    return steps
  }
  steps.push(stepE(db, context), stepF(db, context))
  if (situation === 'rejected') steps.push(stepG(db, context))
  if (situation === 'all_success') steps.push(stepH(db, context))
  return steps
}
