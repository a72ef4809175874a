// A seeded generator of triage cases the engine was not tuned on: random traffic, a random planted
// truth (never reached, rejected with a cause, caller side), error texts drawn from vendor variants
// that the hand-written scenarios do not use, noise from other callers, and the failure reported in
// a random customer time zone.
import type { ErrorCause, TriageRequest, TriageVerdict } from '../../../src/shared/triage-types'
import { pick, rng } from './generated-store'
import { at, HOUR, MINUTE, Scenario, type CallTemplate } from './triage-scenarios'

interface Template {
  statusCode: number | null
  resultReason?: string
  errorCode?: string
  responseBody?: string
}

/** Error variants per cause; `text` ones carry their meaning in words (what a VICIdial report keeps). */
const TEMPLATES: Record<ErrorCause, Array<Template & { text?: boolean }>> = {
  auth: [
    { statusCode: 401, resultReason: 'Unauthorized', text: true },
    { statusCode: null, resultReason: 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION', text: true },
    { statusCode: 401, errorCode: '4012', resultReason: 'Missing token', text: true },
    { statusCode: 403, responseBody: '[{"errorCode":"INSUFFICIENT_ACCESS_OR_READONLY","message":"insufficient access rights on object id"}]' },
    { statusCode: 401, responseBody: '{"Fault":{"Error":[{"Message":"message=ApplicationAuthorizationFailed"}],"type":"AuthorizationFault"}}' },
    { statusCode: 400, responseBody: '{"error":"invalid_grant","error_description":"expired refresh token"}' },
  ],
  bad_params: [
    { statusCode: 400, responseBody: '{"Type":"ValidationException","Elements":[{"ValidationErrors":[{"Message":"Account code is not valid"}]}]}' },
    { statusCode: null, resultReason: 'Invalid Source', text: true },
    { statusCode: 422, resultReason: 'email is not valid', text: true },
    { statusCode: 400, responseBody: '[{"errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","message":"Stage is required"}]' },
    { statusCode: null, resultReason: 'add_lead DUPLICATE PHONE NUMBER IN LIST', text: true },
  ],
  rate_limited: [
    { statusCode: 429 },
    { statusCode: null, resultReason: 'API rate limit exceeded, retry later', text: true },
    { statusCode: 403, errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    { statusCode: 429, responseBody: '{"Fault":{"Error":[{"Message":"message=ThrottleExceeded"}],"type":"ThrottleExceeded"}}' },
  ],
  not_found: [
    { statusCode: 404 },
    { statusCode: null, resultReason: 'update_lead NO MATCHES FOUND IN THE SYSTEM', text: true },
    { statusCode: null, resultReason: 'update_user USER DOES NOT EXIST', text: true },
    { statusCode: 400, responseBody: '[{"errorCode":"ENTITY_IS_DELETED","message":"entity is deleted"}]' },
    { statusCode: 410 },
  ],
  server_error: [
    { statusCode: 500, resultReason: 'Internal Server Error', text: true },
    { statusCode: 502 },
    { statusCode: 503, resultReason: 'Recipe is inactive', text: true },
    { statusCode: null, resultReason: 'database error: deadlock found', text: true },
  ],
  other: [
    { statusCode: 0 },
    { statusCode: null, resultReason: 'connect ECONNREFUSED 10.1.2.3:443', text: true },
    { statusCode: 0, resultReason: 'socket hang up', text: true },
    { statusCode: 408 },
  ],
}

const CAUSES = Object.keys(TEMPLATES) as ErrorCause[]
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', '-03:00', 'UTC']
const DAY = '2024-06-12'

export interface HoldoutCase {
  scenario: Scenario
  request: TriageRequest
  truth: { verdict: TriageVerdict; cause?: ErrorCause }
}

/** "YYYY-MM-DDTHH:MM" as a wall clock in a zone (IANA or ±HH:MM). */
export function wallClock(ms: number, zone: string): string {
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(zone)
  if (offset) {
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
    return new Date(ms + minutes * MINUTE).toISOString().slice(0, 16)
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(ms))
  const get = (type: string) => parts.find((p) => p.type === type)?.value
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`
}

function errorCall(template: Template): Omit<CallTemplate, 'apiUser' | 'agentUser' | 'function'> {
  return {
    result: 'error', statusCode: template.statusCode, resultReason: template.resultReason ?? null,
    errorCode: template.errorCode ?? null, responseBody: template.responseBody ?? null,
  }
}

function addNoise(s: Scenario, random: () => number, eventTs: number, textOnly: boolean): void {
  const others = 3 + Math.floor(random() * 4)
  for (let k = 0; k < others; k++) {
    const step = (1 + Math.floor(random() * 8)) * MINUTE
    const cause = pick(random, CAUSES)
    const template = pick(random, TEMPLATES[cause].filter((t) => !textOnly || t.text))
    const failFrom = eventTs - Math.floor(random() * 2 * HOUR)
    const failTo = failFrom + Math.floor(random() * 3 * HOUR)
    s.every(at('00:00', DAY) + k * 7_000, at('00:00', DAY) + 24 * HOUR, step, (ts) => {
      const base = { apiUser: `other-${k}`, function: `fn-${k % 3}` }
      return random() < 0.5 && ts >= failFrom && ts < failTo ? { ...base, ...errorCall(template) } : { ...base, result: 'success', statusCode: 200 }
    })
  }
}

/** One generated case; `textOnly` keeps to errors a VICIdial report can carry (a reason, no status). */
export function holdoutCase(seed: number, textOnly = false): HoldoutCase {
  const random = rng(seed * 7919 + 17)
  const eventTs = at('06:00', DAY) + Math.floor(random() * 14 * 60) * MINUTE
  const roll = random()
  const verdict: TriageVerdict = roll < 0.25 ? 'caller_never_reached' : roll < 0.45 ? 'caller_side' : 'request_rejected'
  const cause = verdict === 'request_rejected' ? pick(random, CAUSES) : undefined
  const template = cause ? pick(random, TEMPLATES[cause].filter((t) => !textOnly || t.text)) : null
  const isAgent = random() < 0.3
  const name = isAgent ? String(2000 + seed) : `job-${seed}`
  const fn = pick(random, ['add_lead', 'update_lead', 'POST /v2/contacts', 'external_status'])
  const step = (1 + Math.floor(random() * 5)) * MINUTE
  const failFrom = eventTs - Math.floor(random() * 20) * MINUTE
  const failTo = random() < 0.4 ? eventTs + (40 + Math.floor(random() * 140)) * MINUTE : Infinity
  const intermittent = random() < 0.3
  const oldFailure = random() < 0.3 ? eventTs - (3 + Math.floor(random() * 2)) * HOUR : null
  const s = new Scenario()
  s.every(at('00:00', DAY) + 3_000, at('00:00', DAY) + 24 * HOUR, step, (ts, i) => {
    const who = isAgent ? { apiUser: 'agentscreen', agentUser: name, function: fn } : { apiUser: name, function: fn }
    if (verdict === 'caller_never_reached' && ts >= eventTs - 45 * MINUTE && ts < eventTs + HOUR) return null
    if (template && ts >= failFrom && ts < failTo && !(intermittent && i % 4 === 0)) return { ...who, ...errorCall(template) }
    if (oldFailure !== null && verdict !== 'request_rejected' && ts >= oldFailure && ts < oldFailure + 20 * MINUTE) {
      return { ...who, result: 'error', statusCode: 500, resultReason: 'Internal Server Error' }
    }
    return { ...who, result: 'success', statusCode: 200 }
  })
  addNoise(s, random, eventTs, textOnly)
  const zone = pick(random, ZONES)
  const reported = eventTs + (Math.floor(random() * 21) - 10) * MINUTE
  const request: TriageRequest = {
    caller: { kind: isAgent ? 'agentUser' : 'apiUser', value: name },
    at: wallClock(reported, zone),
    timeZone: zone,
  }
  if (random() < 0.5) request.function = fn
  return { scenario: s, request, truth: cause ? { verdict, cause } : { verdict } }
}
