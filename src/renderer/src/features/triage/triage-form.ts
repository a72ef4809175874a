// What the support agent fills in before the walk (flowchart node A), and how it becomes a
// TriageRequest. Checks here catch typos early; the backend stays the judge of what it accepts.
import type { CallerKind, TriageRequest } from '../../../../shared/triage-types'
import type { EntryFilter } from '../../../../shared/types'
import { isValidZone, parseReportedTime } from './triage-time'

export type WhenMode = 'at' | 'range'

export interface TriageForm {
  kind: CallerKind
  caller: string
  /** optional; '' for every function */
  fn: string
  when: WhenMode
  at: string
  from: string
  to: string
  /** IANA name, ±HH:MM or UTC */
  zone: string
  /** minutes either side of `at` */
  tolerance: number
  /** optional */
  lastGood: string
}

export type FormField = keyof TriageForm

export const DEFAULT_TOLERANCE = 30
export const MAX_TOLERANCE = 7 * 24 * 60

export const EMPTY_FORM: TriageForm = {
  kind: 'apiUser',
  caller: '',
  fn: '',
  when: 'at',
  at: '',
  from: '',
  to: '',
  zone: 'UTC',
  tolerance: DEFAULT_TOLERANCE,
  lastGood: '',
}

export const CALLER_KIND_LABELS: Record<CallerKind, string> = { apiUser: 'API User', agentUser: 'Agent User' }

/** One plain sentence per kind of caller: how to tell which one is failing. */
export const CALLER_KIND_HINTS: Record<CallerKind, string> = {
  apiUser:
    'A back-office job (nightly lead import, status sync, a script that pauses agents) logs in with a server credential.',
  agentUser: 'An action the agent screen takes for a person (dial, pause, log out) is tied to that agent.',
}

export type FormCheck = { ok: true; request: TriageRequest } | { ok: false; field: FormField; message: string }

const fail = (field: FormField, message: string): FormCheck => ({ ok: false, field, message })
const TIME_HINT = 'use YYYY-MM-DD HH:MM, e.g. 2024-03-12 10:30'

function checkTime(form: TriageForm, field: 'at' | 'from' | 'to' | 'lastGood', label: string): FormCheck | null {
  const text = form[field].trim()
  if (text === '') return fail(field, `${label} is missing`)
  if (parseReportedTime(text, form.zone) === null) return fail(field, `${label} is not a time: ${TIME_HINT}`)
  return null
}

function whenFields(form: TriageForm): FormCheck | Partial<TriageRequest> {
  if (form.when === 'at') {
    const bad = checkTime(form, 'at', 'The failure time')
    if (bad) return bad
    if (!Number.isFinite(form.tolerance) || form.tolerance < 0 || form.tolerance > MAX_TOLERANCE) {
      return fail('tolerance', `The tolerance must be 0 to ${MAX_TOLERANCE} minutes`)
    }
    return { at: form.at.trim(), toleranceMinutes: form.tolerance }
  }
  const bad = checkTime(form, 'from', 'From') ?? checkTime(form, 'to', 'To')
  if (bad) return bad
  const from = parseReportedTime(form.from, form.zone) as number
  const to = parseReportedTime(form.to, form.zone) as number
  if (to <= from) return fail('to', 'To must be after From')
  return { from: form.from.trim(), to: form.to.trim() }
}

/** The request the form describes, or the first thing to fix. */
export function buildRequest(form: TriageForm): FormCheck {
  const caller = form.caller.trim()
  if (caller === '') return fail('caller', `Pick the ${CALLER_KIND_LABELS[form.kind]} that fails`)
  if (!isValidZone(form.zone)) {
    return fail('zone', 'Unknown time zone: use a name such as America/New_York, or an offset such as -04:00')
  }
  const when = whenFields(form)
  if ('ok' in when) return when
  const request: TriageRequest = { caller: { kind: form.kind, value: caller }, ...when }
  if (form.fn.trim() !== '') request.function = form.fn.trim()
  const zone = form.zone.trim()
  if (zone !== '' && zone.toUpperCase() !== 'UTC') request.timeZone = zone
  if (form.lastGood.trim() !== '') {
    const bad = checkTime(form, 'lastGood', 'Last known good')
    if (bad) return bad
    request.lastGood = form.lastGood.trim()
  }
  return { ok: true, request }
}

/** Starts the form from what the grid shows: one API or agent user (and one function) selected. */
export function formFromFilter(filter: EntryFilter, base: TriageForm): TriageForm {
  const one = (values: Array<string | null> | undefined) =>
    values?.length === 1 && typeof values[0] === 'string' ? values[0] : null
  const api = one(filter.apiUser)
  const agent = one(filter.agentUser)
  const fn = one(filter.function)
  if (api === null && agent === null) return base
  const kind: CallerKind = api !== null ? 'apiUser' : 'agentUser'
  return { ...base, kind, caller: (api ?? agent) as string, fn: fn ?? '' }
}

/** The grid filter of "this caller": its kind and value, and the function when one was given. */
export function callerFilter(request: TriageRequest): EntryFilter {
  const filter: EntryFilter = { [request.caller.kind]: [request.caller.value] }
  if (request.function) filter.function = [request.function]
  return filter
}
