// Facts read from HTTP headers: correlation ids and the user a call was made on behalf of.
import type { HeaderList } from '../../shared/types'

/** Headers that carry a request/correlation id, most specific first. */
export const CORRELATION_HEADERS = [
  'x-request-id',
  'x-correlation-id',
  'request-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-github-request-id',
  'x-kong-request-id',
  'traceparent',
  'cf-ray',
] as const

/** Headers naming the user an API call acts for (on-behalf-of / impersonation). */
export const AGENT_USER_HEADERS = [
  'x-on-behalf-of',
  'x-agent-user',
  'x-act-as',
  'x-impersonate-user',
] as const

const TRACEPARENT_RE = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}/i
const ZERO_TRACE_RE = /^0+$/

/** First non-blank value of a header (name compared case-insensitively). */
export function headerValue(headers: HeaderList, name: string): string | null {
  const wanted = name.toLowerCase()
  for (const [key, value] of headers) {
    if (key.length === wanted.length && key.toLowerCase() === wanted) {
      const trimmed = value.trim()
      if (trimmed !== '') return trimmed
    }
  }
  return null
}

/** The trace id of a W3C `traceparent` value; null when malformed or all zeros. */
export function traceIdFromTraceparent(value: string): string | null {
  const m = TRACEPARENT_RE.exec(value.trim())
  return m && !ZERO_TRACE_RE.test(m[1]) ? m[1].toLowerCase() : null
}

/**
 * Correlation id from well-known headers, trying each header name in CORRELATION_HEADERS order
 * across the lists given (e.g. response headers, then request headers).
 */
export function correlationIdFromHeaders(...lists: HeaderList[]): string | null {
  for (const name of CORRELATION_HEADERS) {
    for (const headers of lists) {
      const value = headerValue(headers, name)
      if (value === null) continue
      if (name !== 'traceparent') return value
      const traceId = traceIdFromTraceparent(value)
      if (traceId) return traceId
    }
  }
  return null
}

/** The on-behalf-of user named in request headers, if any. */
export function agentUserFromHeaders(headers: HeaderList): string | null {
  for (const name of AGENT_USER_HEADERS) {
    const value = headerValue(headers, name)
    if (value !== null) return value
  }
  return null
}
