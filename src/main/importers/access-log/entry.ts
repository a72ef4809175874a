// Building entries from access-log fields: one object shape for every variant, status, request target.
import type { HeaderList } from '../../../shared/types'
import type { EntryRecord } from '../../store/entry-record'
import { functionName, isIdSegment, resultFromStatus, splitUrl } from '../normalize'

/** resultReason of a request the log shows no HTTP status for. */
export const NO_RESPONSE = 'no response: the log records no HTTP status'

/** A fresh entry with every field present (one hidden class for the hot path). */
export function blankEntry(position: number, raw: string): EntryRecord {
  return {
    position, ts: null, apiUser: null, agentUser: null, function: null, result: 'error', statusCode: null,
    statusText: null, resultReason: null, errorCode: null, method: null, url: null, host: null, path: null,
    endpoint: null, service: null, tenant: null, clientIp: null, durationMs: null, delayMs: null,
    correlationId: null, origin: null, requestHeaders: null, raw,
  }
}

/** Status and outcome; a missing or zero status means the client got no response. */
export function setStatus(entry: EntryRecord, status: number | null): void {
  entry.statusCode = status !== null && status > 0 ? status : null
  entry.result = resultFromStatus(status)
  if (entry.statusCode === null && entry.resultReason == null) entry.resultReason = NO_RESPONSE
}

/** The 1-3 digit number in text[start, end), or -1 when it is anything else ("-", "", "2xx"). */
export function statusAt(text: string, start: number, end: number): number {
  if (end <= start || end - start > 3) return -1
  let value = 0
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    value = value * 10 + c
  }
  return value
}

/** Parses "200" (or any 1-3 digit text); null for "-", "" and anything else. */
export function statusOf(text: string): number | null {
  const status = statusAt(text, 0, text.length)
  return status < 0 ? null : status
}

/** Null for "", "-" and undefined, else the text. */
export function dash(text: string | undefined): string | null {
  return text === undefined || text === '' || text === '-' ? null : text
}

/** Adds [name, value] unless the value is missing or "-". */
export function addHeader(entry: EntryRecord, name: string, value: string | null | undefined): void {
  if (value === null || value === undefined || value === '' || value === '-') return
  const list: HeaderList = entry.requestHeaders ?? (entry.requestHeaders = [])
  list.push([name, value])
}

/** Can path[start, end) be an id for pathTemplate? Every id shape it knows has a digit, bar a UUID. */
function mayBeId(path: string, start: number, end: number): boolean {
  if (end - start === 36) return true
  for (let i = start; i < end; i++) {
    const c = path.charCodeAt(i)
    if (c >= 48 && c <= 57) return true
  }
  return false
}

function decodeSegment(segment: string): string {
  if (segment.indexOf('%') < 0) return segment
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * pathTemplate for a path without query or fragment, in one pass that tests only the segments that can
 * be ids (a digit, or a UUID's length; a percent-encoded digit "%3x" has a digit too) and returns the
 * path itself when none is.
 */
export function endpointOf(path: string): string {
  if (path === '') return '/'
  let out = ''
  let copied = 0
  let changed = false
  for (let start = 0; start <= path.length; ) {
    let end = path.indexOf('/', start)
    if (end < 0) end = path.length
    if (end > start && mayBeId(path, start, end) && isIdSegment(decodeSegment(path.slice(start, end)))) {
      out += `${path.slice(copied, start)}{id}`
      copied = end
      changed = true
    }
    start = end + 1
  }
  return changed ? out + path.slice(copied) : path
}

/** functionName, without its upper-casing when the method has no lower-case letter (the usual case). */
function functionOf(method: string | null, endpoint: string): string | null {
  if (method === null) return endpoint
  for (let i = 0; i < method.length; i++) {
    const c = method.charCodeAt(i)
    if (c >= 97 && c <= 122) return functionName(method, endpoint)
  }
  return `${method} ${endpoint}`
}

/** Is text[start, end) a method token: letters, "-" and "_", at most 24, starting with a letter? */
function isMethod(text: string, start: number, end: number): boolean {
  if (end - start > 24) return false
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    const lower = c | 32 // folds A-Z onto a-z
    if (lower >= 97 && lower <= 122) continue
    if (i === start || (c !== 45 /* - */ && c !== 95 /* _ */)) return false
  }
  return true
}

const ABSOLUTE_RE = /^[a-z][a-z0-9+.-]*:\/\//i

export interface RequestParts {
  method: string | null
  target: string | null
}

/** "GET /a?b HTTP/1.1" in text[start, end) → method and target; garbage (a TLS handshake) gives nulls. */
export function splitRequestAt(text: string, start: number, end: number): RequestParts {
  const first = text.indexOf(' ', start)
  if (first <= start || first >= end || !isMethod(text, start, first)) return { method: null, target: null }
  const last = text.lastIndexOf(' ', end - 1)
  const hasProtocol = last > first && last + 6 <= end && text.startsWith('HTTP/', last + 1)
  const targetEnd = hasProtocol ? last : end
  const isEmpty = targetEnd === first + 1 || (targetEnd === first + 2 && text.charCodeAt(first + 1) === 45)
  return { method: text.slice(start, first), target: isEmpty ? null : text.slice(first + 1, targetEnd) }
}

/** splitRequest for a request line of its own. */
export function splitRequest(request: string): RequestParts {
  return splitRequestAt(request, 0, request.length)
}

/** "host:port" without the port when it is the scheme's default. */
export function authority(host: string, port: string | null, scheme: string): string {
  if (!port || (port === '80' && scheme === 'http') || (port === '443' && scheme === 'https')) return host
  return `${host}:${port}`
}

/**
 * Fills method, url, host, path, endpoint and function from a request target. An origin-form target
 * ("/a?b") becomes an absolute url when the log names the host.
 */
export function setTarget(
  entry: EntryRecord,
  method: string | null,
  target: string | null,
  host: string | null = null,
  scheme = 'http',
): void {
  entry.method = method
  entry.host = host
  if (target === null) {
    entry.function = functionName(method, null)
    return
  }
  if (target.charCodeAt(0) === 47 /* / */) {
    const q = target.indexOf('?')
    const h = target.indexOf('#')
    const cut = q < 0 ? h : h < 0 ? q : Math.min(q, h)
    entry.path = cut < 0 ? target : target.slice(0, cut)
    entry.url = host ? `${scheme}://${host}${target}` : target
  } else if (ABSOLUTE_RE.test(target)) {
    const parts = splitUrl(target)
    entry.url = target
    entry.path = parts.path
    entry.host = parts.host ? withoutDefaultPort(parts.host, target) : host
  } else {
    entry.url = target // "*" (OPTIONS) or "host:port" (CONNECT)
  }
  entry.endpoint = entry.path ? endpointOf(entry.path) : null
  entry.function = entry.endpoint === null ? functionName(method, null) : functionOf(method, entry.endpoint)
}

function withoutDefaultPort(hostPort: string, url: string): string {
  const m = /^([^:]+|\[[^\]]*\]):(\d+)$/.exec(hostPort)
  if (!m) return hostPort
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase()
  return authority(m[1], m[2], scheme)
}

/** "1.2.3.4:5678" → "1.2.3.4", "[::1]:80" → "::1"; a bare IPv6 address stays whole. */
export function stripPort(address: string): string {
  if (address.charCodeAt(0) === 91 /* [ */) {
    const end = address.indexOf(']')
    return end > 0 ? address.slice(1, end) : address
  }
  const colon = address.indexOf(':')
  if (colon < 0 || address.indexOf(':', colon + 1) >= 0) return address
  return address.slice(0, colon)
}

/** First address of an X-Forwarded-For list ("unknown" and blank entries passed over), or null. */
export function firstForwarded(list: string | null): string | null {
  if (list === null) return null
  for (const part of list.split(',')) {
    const address = part.trim()
    if (address !== '' && address !== '-' && address.toLowerCase() !== 'unknown') return stripPort(address)
  }
  return null
}
