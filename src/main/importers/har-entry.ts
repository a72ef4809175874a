// One HAR 1.2 entry (already JSON-parsed) → EntryRecord.
import type { HeaderList, ResultKind } from '../../shared/types'
import type { EntryRecord } from '../store/entry-record'
import { errorFromBody } from './error-body'
import { requestBody, responseBody, type Body } from './har-body'
import { agentUserFromHeaders, correlationIdFromHeaders, headerValue } from './header-hints'
import { identityFromHeaders } from './identity'
import {
  blankToNull,
  functionName,
  parseQuery,
  parseStatus,
  pathTemplate,
  resultFromStatus,
  safeDecode,
  splitUrl,
  toNumber,
} from './normalize'
import { parseIsoTime, type WallClock } from './parse-time'
import { stringifyJson } from '../util/json-text'

type Json = Record<string, unknown>

/** Timings that add up to the total; `ssl` is already inside `connect` (HAR 1.2). */
const TIMING_KEYS = ['blocked', 'dns', 'connect', 'send', 'wait', 'receive'] as const
const URL_USER_RE = /^[a-z][a-z\d+.-]*:\/\/([^/?#@:]+)(?::[^/?#@]*)?@/i

interface Outcome {
  statusCode: number
  statusText: string | null
  result: ResultKind
  resultReason: string | null
  errorCode: string | null
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? blankToNull(value) : null
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  // hardening (issue 7): no stack overflow on a deeply nested value
  return typeof value === 'object' ? stringifyJson(value) : String(value)
}

/** HAR `[{name, value}]` → ordered [name, value] pairs; malformed items are left out. */
export function headerList(value: unknown): HeaderList {
  if (!Array.isArray(value)) return []
  const out: HeaderList = []
  for (const item of value) {
    if (!isObject(item) || typeof item.name !== 'string') continue
    out.push([item.name, valueText(item.value)])
  }
  return out
}

/** `time`, else the sum of the non-negative timings (-1 means "does not apply"); ms, 3 decimals. */
export function durationOf(time: unknown, timings: unknown): number | null {
  const total = toNumber(time)
  if (total !== null && total >= 0) return Math.round(total * 1000) / 1000
  if (!isObject(timings)) return null
  let sum = 0
  let seen = false
  for (const key of TIMING_KEYS) {
    const part = timings[key]
    if (typeof part === 'number' && Number.isFinite(part) && part >= 0) {
      sum += part
      seen = true
    }
  }
  return seen ? Math.round(sum * 1000) / 1000 : null
}

function statusTextOf(response: Json | null, entry: Json): string | null {
  const base = text(response?.statusText)
  const messages = entry._webSocketMessages
  if (!Array.isArray(messages)) return base
  const note = `${messages.length} WebSocket message${messages.length === 1 ? '' : 's'}`
  return base ? `${base} (${note})` : note
}

/** Status, result and why: status 0 is "no response"; a producer's `_error` marks a failed transfer. */
function outcomeOf(entry: Json, response: Json | null, body: Body): Outcome {
  const statusCode = (response && parseStatus(response.status)) ?? 0
  const statusText = statusTextOf(response, entry)
  const failure = text(response?._error)
  if (statusCode === 0) {
    const reason = failure ?? text(response?.comment) ?? text(entry.comment) ?? 'no response'
    return { statusCode, statusText, result: 'error', resultReason: reason, errorCode: null }
  }
  const fromBody = statusCode >= 400 && body.encoding === null ? errorFromBody(body.text) : null
  return {
    statusCode,
    statusText,
    result: failure ? 'error' : resultFromStatus(statusCode),
    resultReason: failure ?? fromBody?.reason ?? null,
    errorCode: fromBody?.code ?? null,
  }
}

/** The user name in "https://user:secret@host/…" (never the secret). */
function userFromUrl(url: string): string | null {
  const m = URL_USER_RE.exec(url)
  return m ? blankToNull(safeDecode(m[1])) : null
}

function agentUserOf(headers: HeaderList, query: string | null): string | null {
  const fromHeader = agentUserFromHeaders(headers)
  if (fromHeader || !query || !query.includes('agent_user')) return fromHeader
  const pair = parseQuery(query).find(([key, value]) => key === 'agent_user' && value.trim() !== '')
  return pair ? pair[1].trim() : null
}

/** Maps one HAR entry; returns a reason string when the element is not a usable entry. */
export function parseHarEntry(
  value: unknown,
  raw: string,
  position: number,
  wall: WallClock,
): EntryRecord | string {
  if (!isObject(value)) return `not an entry object (found ${kindOf(value)})`
  const request = value.request
  if (!isObject(request)) return 'the entry has no "request" object'
  const url = text(request.url)
  if (url === null) return 'the entry\'s request has no "url"'
  const response = isObject(value.response) ? value.response : null
  const requestHeaders = headerList(request.headers)
  const responseHeaders = headerList(response?.headers)
  const body = responseBody(response?.content, responseHeaders)
  const method = text(request.method)?.toUpperCase() ?? null
  const parts = splitUrl(url)
  const host = parts.host ?? headerValue(requestHeaders, ':authority') ?? headerValue(requestHeaders, 'host')
  const endpoint = parts.path ? pathTemplate(parts.path) : null
  const started = text(value.startedDateTime)
  return {
    position,
    ts: started ? parseIsoTime(started, wall) : null,
    apiUser: identityFromHeaders(requestHeaders) ?? userFromUrl(url),
    agentUser: agentUserOf(requestHeaders, parts.query),
    function: functionName(method, endpoint),
    ...outcomeOf(value, response, body),
    method,
    url,
    host,
    path: parts.path,
    endpoint,
    service: host,
    durationMs: durationOf(value.time, value.timings),
    correlationId: correlationIdFromHeaders(responseHeaders, requestHeaders),
    origin: headerValue(requestHeaders, 'origin'),
    requestHeaders,
    requestBody: requestBody(request.postData),
    responseHeaders,
    responseBody: body.text,
    responseBodyEncoding: body.encoding,
    raw,
  }
}
