// The one-sentence answer at the top of a triage result.
import type { TriageContext } from './context'
import { CAUSE_LABELS } from './error-classes'
import { aboutNumber, entryTime, plural, quote } from './format'
import { scopeLabel } from './scope'

export function headlineOf(context: TriageContext): string {
  const { decision, facts } = context
  const who = scopeLabel(context.scope)
  const { counts, baseline } = facts.presence
  switch (decision.verdict) {
    case 'caller_never_reached':
      return `No request from ${who} reached the API in the window, although ${aboutNumber(baseline.expectedInWindow ?? 0)} ` +
        'were expected: the caller never reached us (network, wrong URL, or it broke before sending).'
    case 'request_rejected': {
      const cause = decision.cause ?? 'other'
      const top = facts.errors?.top.find((e) => e.cause === cause)
      const message = top ? ` (${quote(top.message, 80)})` : ''
      return `Requests from ${who} arrived but were rejected: ${CAUSE_LABELS[cause]}${message}, ` +
        `${counts.error} of ${counts.total} in the window, failing since ${entryTime(facts.transition.firstFailure?.ts ?? null)}.`
    }
    case 'caller_side':
      return `All ${plural(counts.success, 'request')} from ${who} in the window succeeded: the problem is on the caller's side.`
    case 'inconclusive':
      return `Inconclusive: ${decision.confidenceReason.charAt(0).toLowerCase()}${decision.confidenceReason.slice(1)}`
  }
}
