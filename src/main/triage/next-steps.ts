// What the support agent should do next, in plain language, specific to the verdict and cause.
import type { EntryRef, ErrorCause, FieldChange } from '../../shared/triage-types'
import type { TriageContext } from './context'
import { aboutNumber, entryTime, forCustomer, plural, quote, utcDateTime, utcSpan } from './format'
import { callerLabel, scopeLabel } from './scope'
import { expectedRequests, isLowTraffic } from './verdict'

function customerTime(context: TriageContext, ref: EntryRef | null): string {
  if (!ref || ref.ts === null) return 'an unknown time'
  return forCustomer(Date.parse(ref.ts), context.resolved.window.timeZone)
}

function windowText(context: TriageContext): string {
  return utcSpan(context.resolved.fromMs, context.resolved.toMs)
}

function logSpanText(context: TriageContext): string {
  const span = context.facts.presence.logSpan
  return span ? `${utcDateTime(span.fromMs)} to ${utcDateTime(span.toMs - 1)}` : 'no timed entries at all'
}

function neverReachedSteps(context: TriageContext): string[] {
  const { presence } = context.facts
  const before = presence.lastSeenBefore
  const after = presence.firstSeenAfter
  const who = scopeLabel(context.scope)
  const steps = [
    `Ask the customer what changed on their side around ${customerTime(context, before)} (the last request ` +
      'that arrived): the URL the integration calls, a firewall, proxy or DNS change, an expired client ' +
      "certificate, or the job's schedule.",
    `Ask for the calling system's own log for ${windowText(context)}: did it try to send, and what did it ` +
      'get back (timeout, connection refused, DNS failure)?',
  ]
  const logEnd = presence.logSpan ? utcDateTime(presence.logSpan.toMs - 1) : 'the end of the log'
  steps.push(
    after
      ? `Requests from ${who} resumed at ${customerTime(context, after)}: ask what was restarted or fixed then.`
      : `Nothing from ${who} arrived after the gap up to the end of the log (${logEnd}): the integration ` +
        'is probably still stopped.',
  )
  const others = presence.otherTraffic
  if (others.success > 0) {
    steps.push(
      `Other callers were served normally in this window (${plural(others.success, 'successful request')} ` +
        `from ${plural(others.callers, 'caller')}), so the API itself was up.`,
    )
  } else if (others.total === 0) {
    steps.push('No other caller is logged in this window either: check whether the API or its logging was down before blaming the caller.')
  }
  const inWindow = context.hints.callerInWindow
  if (context.scope.function !== null && inWindow && inWindow.total > 0) {
    steps.push(
      `${callerLabel(context.scope.caller)} did send ${plural(inWindow.total, 'request')} in the window, but none ` +
        `to ${context.scope.function}: the integration may call a different function or URL now.`,
    )
  }
  return steps
}

const CAUSE_LEADS: Record<ErrorCause, (who: string, when: string, message: string) => string> = {
  auth: (who, when) =>
    `Ask the customer whether the password, token or API key of ${who}, or its permissions, changed shortly ` +
    `before ${when}, when the first request failed.`,
  bad_params: (_who, when, message) =>
    `Ask the customer what changed in the data or parameters the integration sends around ${when}: ` +
    `the API rejects them with ${message}.`,
  rate_limited: (who, when) =>
    `${who} is being rate limited since ${when}: ask the customer to slow the integration down ` +
    '(back off and retry later), or raise its quota.',
  not_found: (_who, when, message) =>
    `The requests name something that does not exist (${message}, since ${when}): ask the customer which ` +
    'record, user or URL the integration uses and whether it was deleted, archived or renamed.',
  server_error: (_who, when, message) =>
    `The API failed on its side (${message}, since ${when}): the caller is not at fault; check the ` +
    "service's health and logs and escalate to the API owner.",
  other: (_who, when, message) =>
    `The requests got no usable answer (${message}, since ${when}): check the network path between the ` +
    'caller and the API (timeouts, proxies, TLS).',
}

function changeText(change: FieldChange): string {
  if (change.secret) return `${change.field} ${change.before === null ? 'was added' : change.after === null ? 'was removed' : 'changed'}`
  return `${change.field} ${quote(change.before ?? '(none)', 40)} → ${quote(change.after ?? '(none)', 40)}`
}

function diffStep(context: TriageContext): string | null {
  const diff = context.diff
  if (!diff) {
    return context.facts.transition.lastSuccess === null
      ? 'There is no successful request from this caller before the failures in the log: it may never have worked, or the log starts too late.'
      : null
  }
  const relevant = diff.changes.filter((c) => c.field !== 'statusCode' && !c.variesNormally)
  if (relevant.length === 0) {
    const varying = diff.changes.filter((c) => c.variesNormally).map((c) => c.field)
    const apart = varying.length > 0
      ? ` apart from fields that differ between any two requests (${varying.slice(0, 5).join(', ')})`
      : ''
    return `The failing request looks like the last successful one (URL, parameters, headers, body)${apart}: ` +
      'what changed is on the API side (credentials, permissions or data), not in the request.'
  }
  const list = relevant.slice(0, 5).map(changeText).join('; ')
  const more = relevant.length > 5 ? ` and ${relevant.length - 5} more` : ''
  return `Between the last success (${entryTime(diff.success.ts)}, entry ${diff.success.id}) and the first ` +
    `failure (${entryTime(diff.failure.ts)}, entry ${diff.failure.id}) these changed: ${list}${more}.`
}

function rejectedSteps(context: TriageContext): string[] {
  const { facts, decision } = context
  const cause = decision.cause ?? 'other'
  const top = facts.errors?.top.find((e) => e.cause === cause)
  const message = top ? quote(top.message, 80) : 'an error'
  const when = customerTime(context, facts.transition.firstFailure)
  const steps = [CAUSE_LEADS[cause](callerLabel(context.scope.caller), when, message)]
  if (top) steps.push(`What usually fixes it: ${top.fixHint}`)
  const diff = diffStep(context)
  if (diff) steps.push(diff)
  const retries = facts.retries
  if (retries && retries.failures >= 2 && retries.distinctRequests === 1) {
    steps.push(
      `All ${retries.failures} failures are the same request retried: fix that one request ` +
        `(entry ${top?.exampleIds[0] ?? '?'}) rather than the whole integration.`,
    )
  } else if (retries && retries.distinctRequests < retries.failures) {
    steps.push(`The ${retries.failures} failures are ${retries.distinctRequests} different requests; the rest are retries.`)
  }
  const scope = facts.errorScope
  if (scope) {
    steps.push(
      `Only ${scope.field} ${scope.value ?? '(none)'} fails while the caller's other requests succeed: ` +
        'look at what is specific to it (configuration, credentials or data).',
    )
  }
  if (facts.transition.recoveredAt) {
    const again = customerTime(context, facts.transition.recoveredAt)
    steps.push(`The caller succeeded again at ${again}: confirm with the customer whether it is already fixed.`)
  }
  return steps
}

function successSteps(context: TriageContext): string[] {
  const { presence, transition } = context.facts
  const steps = [
    `Every request of ${scopeLabel(context.scope)} in the window succeeded (${presence.counts.success}): ` +
      'the API answered. Ask the customer to check what their system did with the responses, e.g. a webhook ' +
      'receiver or a later step that dropped them.',
  ]
  if (transition.lastSuccess) {
    steps.push(
      `Give the customer the times and ids of these requests (the last one: entry ${transition.lastSuccess.id} ` +
        `at ${customerTime(context, transition.lastSuccess)}) so they can find them in their own logs.`,
    )
  }
  if (isLowTraffic(presence)) {
    const expected = aboutNumber(expectedRequests(presence) ?? 0)
    steps.push(`Only ${presence.counts.total} requests arrived where ${expected} were expected: ask whether the integration sends everything it should.`)
  }
  if (context.scope.function === null) steps.push('If the problem is about one action, run the triage again with its function to narrow it down.')
  steps.push('If the customer means one record, search the log for its id (full-text search) to see whether a request for it arrived.')
  return steps
}

function inconclusiveSteps(context: TriageContext): string[] {
  const { presence } = context.facts
  const { caller } = context.scope
  const steps: string[] = []
  const situation = context.decision.situation
  if (situation === 'no_history') {
    if (context.scope.function !== null && (context.hints.callerTotal ?? 0) > 0) {
      const calls = context.hints.callerFunctions.join(', ')
      const it = calls ? ` (it calls ${calls})` : ''
      steps.push(`Check the function name: ${callerLabel(caller)} is in the log but never calls ${context.scope.function}${it}.`)
    } else {
      const similar = context.hints.similarCallers
      const kind = caller.kind === 'apiUser' ? 'API user' : 'agent user'
      const like = similar.length ? ` (similar names: ${similar.join(', ')})` : ''
      steps.push(`Check the caller name: there is no ${kind} "${caller.value}" in this log${like}.`)
    }
  }
  if (situation === 'no_history' || situation === 'outside_log') {
    const zone = context.resolved.window.timeZone
    steps.push(`Check the time zone of the reported time: it was read as ${zone}; give the customer's zone if it differs.`)
    steps.push(`Check that the log covers the failure: it spans ${logSpanText(context)}, the window is ${windowText(context)}.`)
  }
  if (situation === 'not_expected') {
    const last = presence.lastSeenBefore
    steps.push('Widen the window, or give the time it last worked (last-good time), so the caller\'s usual traffic can be measured.')
    const next = presence.firstSeenAfter ? `, the next at ${customerTime(context, presence.firstSeenAfter)}` : ''
    if (last) steps.push(`The caller's last request before the window was at ${customerTime(context, last)}${next}.`)
    steps.push('If the integration runs on a schedule, ask when it should have run and triage that time.')
  }
  if (situation === 'notices_only') {
    steps.push('Read the notices in the window: they are calls that did nothing (e.g. no matching record), which the caller may treat as failures.')
  }
  return steps
}

export function buildNextSteps(context: TriageContext): string[] {
  switch (context.decision.verdict) {
    case 'caller_never_reached':
      return neverReachedSteps(context)
    case 'request_rejected':
      return rejectedSteps(context)
    case 'caller_side':
      return successSteps(context)
    case 'inconclusive':
      return inconclusiveSteps(context)
  }
}
