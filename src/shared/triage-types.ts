// Triage and findings: plain JSON exchanged between the backend and its clients. Times are ISO-8601
// UTC strings; ids are entry ids. No Node or DOM imports, so the renderer can use these types.
import type { EntryFilter, ResultKind } from './types'

export const TRIAGE_VERDICTS = ['caller_never_reached', 'request_rejected', 'caller_side', 'inconclusive'] as const
export type TriageVerdict = (typeof TRIAGE_VERDICTS)[number]

export const ERROR_CAUSES = ['auth', 'bad_params', 'rate_limited', 'not_found', 'server_error', 'other'] as const
export type ErrorCause = (typeof ERROR_CAUSES)[number]

export const CALLER_KINDS = ['apiUser', 'agentUser'] as const
export type CallerKind = (typeof CALLER_KINDS)[number]

export interface TriageCaller {
  kind: CallerKind
  value: string
}

/** What the support agent knows about the failure. Give `at`, or `from` and `to`. */
export interface TriageRequest {
  caller: TriageCaller
  function?: string
  /** reported failure time, ISO-8601; may carry an offset */
  at?: string
  /** zone of times without an offset (the customer's local zone): IANA name or ±HH:MM; default UTC */
  timeZone?: string
  /** minutes added on both sides of `at` (default 30); with from/to only when given */
  toleranceMinutes?: number
  from?: string
  to?: string
  /** when the customer last saw it work */
  lastGood?: string
  sourceId?: number[]
}

export interface TriageCounts {
  total: number
  success: number
  error: number
  notice: number
}

/** A pointer to one entry, with enough to show it in a list. */
export interface EntryRef {
  id: number
  ts: string | null
  function: string | null
  result: ResultKind
  statusCode: number | null
  resultReason: string | null
}

export interface TriageWindow {
  /** UTC window searched, from inclusive, to exclusive */
  from: string
  to: string
  /** the reported time converted to UTC, when `at` was given */
  reportedAt: string | null
  /** zone the reported times were read in ('UTC' when none was given) */
  timeZone: string
  toleranceMinutes: number
  /** plain-language account of how the window was chosen */
  description: string
}

/** The caller's own traffic before the window: what makes an absence meaningful. */
export interface TriageBaseline {
  from: string | null
  to: string | null
  /** requests of the caller (+function) in the baseline period */
  count: number
  ratePerHour: number | null
  /** requests the baseline predicts for the window */
  expectedInWindow: number | null
  /**
   * where it was measured: the hours before (or after) the window, the same window a day earlier,
   * or a window around the reported last-good time; the one predicting the most requests is used
   */
  basis: 'before' | 'after' | 'day_before' | 'last_good' | 'none'
}

export interface TopError {
  /** the error text as logged (first example of the group) */
  message: string
  cause: ErrorCause
  /** what usually fixes this class of error */
  fixHint: string
  count: number
  /** different requests among the failures (1 when they are retries of one request) */
  distinctRequests: number
  statusCode: number | null
  firstSeen: string | null
  lastSeen: string | null
  exampleIds: number[]
}

export interface FieldChange {
  /** "url", "method", "query.phone", "header.Authorization", "body.lead.phone", "statusCode", … */
  field: string
  before: string | null
  after: string | null
  /** the values are credentials: before/after only say whether one was set, never the value */
  secret: boolean
  /** the field also differs between the caller's last two successes (an id or timestamp, not a cause) */
  variesNormally: boolean
}

/** The nearest success before the first failure, paired with that failure. */
export interface RequestDiff {
  success: EntryRef
  failure: EntryRef
  changes: FieldChange[]
  /** changes left out after the first ones */
  truncated: number
}

/** Traffic of everyone else in the window. */
export interface OtherTraffic {
  total: number
  success: number
  error: number
  /** distinct callers of the same kind (API users or agent users) */
  callers: number
}

/** The errors all share one value of a field that varies among the caller's successes. */
export interface ErrorScope {
  field: 'tenant' | 'service' | 'function' | 'apiUser' | 'agentUser'
  value: string | null
  errors: number
  /** successful requests of the caller for other values of the field */
  otherSuccesses: number
}

export interface TriageEvidence {
  /** the caller's (+function's) entries in the window */
  counts: TriageCounts
  /** requests per hour of the caller (+function) before the window */
  baselineRate: number | null
  baseline: TriageBaseline
  /** the caller's (+function's) entries anywhere in the searched sources */
  history: { total: number; first: string | null; last: string | null }
  /** time span of the searched sources */
  logSpan: { from: string; to: string } | null
  lastSuccess: EntryRef | null
  firstFailure: EntryRef | null
  lastSeenBefore: EntryRef | null
  firstSeenAfter: EntryRef | null
  topErrors: TopError[]
  diff: RequestDiff | null
  otherTraffic: OtherTraffic
  errorScope: ErrorScope | null
  /** failures in the window and how many different requests they were */
  retries: { failures: number; distinctRequests: number } | null
}

export const WIZARD_STEP_IDS = ['B', 'C', 'D', 'E', 'F', 'G', 'H'] as const
export type WizardStepId = (typeof WIZARD_STEP_IDS)[number]
export type TriageLeaf = 'D' | 'G' | 'H'

export interface WizardStepRow {
  label: string
  counts: TriageCounts
}

/** One flowchart node walked, with the data that answers it. */
export interface WizardStep {
  id: WizardStepId
  title: string
  question: string
  answer: string
  /** the answer at a decision node (C, F); 'n/a' for actions and leaves */
  outcome: 'yes' | 'no' | 'n/a'
  /** applied to the grid, shows the rows that answer the step */
  filter: EntryFilter
  /** entries matching `filter` */
  counts: TriageCounts
  /** a small table for the step (e.g. results per function) */
  rows?: WizardStepRow[]
}

export interface TriageResult {
  /** the request as understood (trimmed, defaults filled in) */
  request: TriageRequest
  verdict: TriageVerdict
  cause?: ErrorCause
  /** plain-language name of the cause */
  causeLabel?: string
  fixHint?: string
  /** 0–1 */
  confidence: number
  confidenceReason: string
  /** one-sentence answer */
  headline: string
  /** the flowchart leaf reached; null when the walk stopped before one (inconclusive) */
  leaf: TriageLeaf | null
  window: TriageWindow
  evidence: TriageEvidence
  nextSteps: string[]
  steps: WizardStep[]
}

export const FINDING_KINDS = [
  'error_rate_spike',
  'latency_degradation',
  'repeated_failures',
  'auth_error_cluster',
  'rate_limit_burst',
  'caller_silent',
] as const
export type FindingKind = (typeof FINDING_KINDS)[number]

export interface FindingsRequest {
  from?: string
  to?: string
  sourceId?: number[]
}

export interface Finding {
  /** stable within one store: kind, subject and start */
  id: string
  kind: FindingKind
  /** what the finding is about, e.g. "function add_lead" or "API user crmsync" */
  subject: string
  from: string
  to: string
  metrics: Record<string, number>
  exampleIds: number[]
  summary: string
  /** applied to the grid, shows the rows behind the finding */
  filter: EntryFilter
}

export type TriageReportFormat = 'md' | 'html'

export interface TriageReportRequest {
  request: TriageRequest
  format: TriageReportFormat
}

export interface TriageReport {
  fileName: string
  content: string
}
