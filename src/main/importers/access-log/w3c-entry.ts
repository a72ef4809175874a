// One W3C extended log line (values in `#Fields:` order) → entry.
import type { EntryRecord } from '../../store/entry-record'
import { parseIsoTime, type WallClock } from '../parse-time'
import { secondsToMs } from './clf-trailer'
import {
  addHeader, blankEntry, dash, firstForwarded, setStatus, setTarget, statusOf, stripPort,
} from './entry'
import type { W3cColumns } from './w3c-columns'

const SCHEMES = new Set(['http', 'https', 'ws', 'wss'])

function valueAt(values: readonly string[], index: number): string | null {
  return index < 0 ? null : dash(values[index])
}

/** Request target and host: cs-uri-stem + cs-uri-query, or cs-uri ("host/path" in Incapsula logs). */
function targetOf(values: readonly string[], c: W3cColumns): { target: string | null; host: string | null } {
  let host = valueAt(values, c.host)
  let target = valueAt(values, c.stem)
  if (target === null && c.uri >= 0) {
    target = valueAt(values, c.uri)
    if (target !== null && target[0] !== '/' && !target.includes('://')) {
      const slash = target.indexOf('/')
      host = host ?? (slash < 0 ? target : target.slice(0, slash))
      target = slash < 0 ? '/' : target.slice(slash)
    }
  }
  const query = valueAt(values, c.query)
  if (target !== null && query !== null && !target.includes('?')) target = `${target}?${query}`
  return { target, host }
}

function schemeOf(protocol: string | null, port: string | null): string {
  const lower = protocol?.toLowerCase() ?? ''
  if (SCHEMES.has(lower)) return lower
  return port === '443' ? 'https' : 'http'
}

/** IIS writes blanks in the user agent as "+"; CloudFront percent-encodes it twice. */
function decodeAgent(value: string, isCloudFront: boolean): string {
  // "++" is a blank followed by a literal plus ("bingbot/2.0;++http://…" → "bingbot/2.0; +http://…")
  if (!isCloudFront) return value.includes(' ') ? value : value.replace(/\+(\+?)/g, ' $1')
  let text = value
  for (let i = 0; i < 2 && text.includes('%'); i++) {
    try {
      text = decodeURIComponent(text)
    } catch {
      break
    }
  }
  return text
}

/** time-taken: milliseconds in IIS and NetScaler, seconds in CloudFront (or whenever it has a fraction). */
function durationOf(value: string | null, isCloudFront: boolean): number | null {
  if (value === null) return null
  if (isCloudFront || value.includes('.')) return secondsToMs(value)
  return /^\d+$/.test(value) ? Number(value) : null
}

function setOutcome(entry: EntryRecord, values: readonly string[], c: W3cColumns): void {
  const statusText = valueAt(values, c.status)
  const status = statusText === null ? null : statusOf(statusText)
  const sourceReason = valueAt(values, c.action) ?? valueAt(values, c.edgeResult)
  if (status === null || status === 0 || status >= 400) {
    if (sourceReason !== null && sourceReason !== 'Error') entry.resultReason = sourceReason
    const sub = valueAt(values, c.substatus)
    const win32 = valueAt(values, c.win32)
    if (status !== null && status > 0 && sub !== null) {
      const code = `${status}.${sub}`
      entry.errorCode = win32 !== null && win32 !== '0' ? `${code} (win32 ${win32})` : code
    }
  }
  setStatus(entry, status)
}

export function w3cEntry(
  values: readonly string[],
  c: W3cColumns,
  position: number,
  line: string,
  wall: WallClock,
  directiveDate: string | null,
): EntryRecord | string {
  const entry = blankEntry(position, line)
  const date = valueAt(values, c.date) ?? directiveDate
  const time = valueAt(values, c.time)
  if (date !== null && time !== null) {
    entry.ts = parseIsoTime(`${date} ${time}`, wall)
    if (entry.ts === null) return `unreadable date and time "${date} ${time}"`
  }
  const { target, host } = targetOf(values, c)
  const scheme = schemeOf(valueAt(values, c.protocol), valueAt(values, c.port))
  setTarget(entry, valueAt(values, c.method), target, host, scheme)
  setOutcome(entry, values, c)
  entry.apiUser = valueAt(values, c.username)
  const clientIp = valueAt(values, c.clientIp)
  const forwarded = firstForwarded(valueAt(values, c.forwardedFor))
  entry.clientIp = forwarded ?? (clientIp === null ? null : stripPort(clientIp))
  entry.durationMs = durationOf(valueAt(values, c.timeTaken), c.isCloudFront)
  entry.correlationId = valueAt(values, c.requestId)
  entry.service = valueAt(values, c.site)
  entry.tenant = valueAt(values, c.account)
  for (const [index, name] of c.headers) {
    const value = valueAt(values, index)
    const isAgent = value !== null && name === 'User-Agent'
    addHeader(entry, name, isAgent ? decodeAgent(value, c.isCloudFront) : value)
  }
  return entry
}
