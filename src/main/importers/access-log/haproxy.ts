// HAProxy HTTP log lines, usually behind a syslog prefix: `client:port [accept_date] frontend
// backend/server TR/Tw/Tc/Tr/Ta status bytes req_cookie res_cookie termination conns queues
// {captured request headers} {captured response headers} "request"`. Start-up messages, TCP-mode
// lines and connection errors without a request are left out.
import type { EntryRecord } from '../../store/entry-record'
import type { WallClock } from '../parse-time'
import { ClfTimeReader } from './clf-time'
import { blankEntry, firstForwarded, setStatus, setTarget, splitRequest, stripPort } from './entry'
import { capturedHeaders, terminationText } from './haproxy-fields'
import type { HeadScore, LineParser, LineVariant } from './variant'

/** Where the HAProxy message starts: a "client:port [dd/Mon/yyyy:" after a blank or at the line start. */
const START_RE = /(?:^| )(?=\S+:\d+ \[\d{2}\/[A-Za-z]{3}\/\d{4}:)/
const HTTP_RE = new RegExp(
  [
    '(\\S+):\\d+ \\[([^\\]]+)\\] (\\S+) ([^\\s/]+)/(\\S+)',
    ' (-?\\d+)/(-?\\d+)/(-?\\d+)/(-?\\d+)/\\+?(-?\\d+) (-?\\d+) \\+?\\d+ \\S+ \\S+ (\\S{4})',
    ' \\d+/\\d+/\\d+/\\d+/\\+?\\d+ \\d+/\\d+(?: \\{([^}]*)\\})?(?: \\{([^}]*)\\})? "(.*)$',
  ].join(''),
  'y',
)
const SYSLOG_TAG_RE = /\bhaproxy\[\d+\]:/

function matchRequest(line: string): RegExpExecArray | null {
  const start = START_RE.exec(line)
  if (!start) return null
  HTTP_RE.lastIndex = line.charCodeAt(start.index) === 32 ? start.index + 1 : start.index
  return HTTP_RE.exec(line)
}

function applyCaptures(entry: EntryRecord, request: string | undefined, response: string | undefined): void {
  const headers = capturedHeaders(request, 'Captured-Header')
  const responseHeaders = capturedHeaders(response, 'Captured-Response-Header')
  for (const [name, value] of headers) {
    if (name === 'X-Request-ID') entry.correlationId ??= value
    else if (name === 'X-Forwarded-For') entry.clientIp = firstForwarded(value) ?? entry.clientIp
    else if (name === 'Host' && entry.host === null && entry.path !== null) entry.host = value
  }
  if (headers.length > 0) entry.requestHeaders = headers
  if (responseHeaders.length > 0) entry.responseHeaders = responseHeaders
}

function toEntry(m: RegExpExecArray, line: string, position: number, ts: number): EntryRecord {
  const entry = blankEntry(position, line)
  entry.ts = ts
  const request = m[15].endsWith('"') ? m[15].slice(0, -1) : m[15]
  const { method, target } = splitRequest(request)
  setTarget(entry, method, target)
  entry.clientIp = m[1].charCodeAt(0) === 91 /* [ */ ? stripPort(`${m[1]}:0`) : m[1]
  entry.service = m[4]
  const total = Number(m[10])
  const wait = Number(m[7])
  entry.durationMs = total >= 0 ? total : null
  entry.delayMs = wait >= 0 ? wait : null
  applyCaptures(entry, m[13], m[14])
  if (entry.host !== null && target !== null && target[0] === '/') entry.url = `http://${entry.host}${target}`
  const status = Number(m[11])
  const state = m[12]
  if ((status < 0 || status >= 400) && state !== '----') {
    entry.resultReason = terminationText(state)
    entry.errorCode = state
  }
  setStatus(entry, status >= 0 ? status : null)
  return entry
}

function createParser(_head: readonly string[], wall: WallClock): LineParser {
  const times = new ClfTimeReader(wall)
  return (line, position) => {
    const m = matchRequest(line)
    if (!m) return null // start-up message, TCP-mode line or connection error: no HTTP request
    const ts = times.read(m[2])
    if (ts === null) return `unreadable accept date [${m[2]}]`
    return toEntry(m, line, position, ts)
  }
}

function scoreHead(lines: readonly string[]): HeadScore {
  let requests = 0
  let others = 0
  for (const line of lines) {
    if (matchRequest(line)) requests++
    else if (SYSLOG_TAG_RE.test(line) || START_RE.test(line)) others++
  }
  return { requests, others }
}

export const haproxyVariant: LineVariant = {
  id: 'haproxy',
  label: 'HAProxy HTTP log',
  scoreHead,
  createParser,
}
