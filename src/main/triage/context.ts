// Everything one triage run found, handed to the writers of answers, next steps and steps.
import type { RequestDiff, TriageCounts, TriageRequest } from '../../shared/triage-types'
import type { Span } from './lookup'
import type { TriageScope } from './scope'
import type { Decision, TriageFacts } from './verdict'
import type { ResolvedWindow } from './window'

/** Extra observations that only sharpen the wording (names that might be meant, etc.). */
export interface TriageHints {
  /** callers with a similar name, when the caller is not in the log */
  similarCallers: string[]
  /** the caller's own requests without the function filter, when a function was given */
  callerTotal: number | null
  /** functions the caller does call, when it never calls the one given */
  callerFunctions: string[]
  /** the caller's requests of any function in the window, when a function was given */
  callerInWindow: TriageCounts | null
}

export interface TriageContext {
  request: TriageRequest
  scope: TriageScope
  resolved: ResolvedWindow
  facts: TriageFacts
  decision: Decision
  diff: RequestDiff | null
  hints: TriageHints
}

export function spanOf(context: TriageContext): Span {
  return { fromMs: context.resolved.fromMs, toMs: context.resolved.toMs }
}
