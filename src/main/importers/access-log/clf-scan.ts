// A hand-written scanner for Apache/nginx common and combined lines (the hot path: no regex, no
// backtracking, one pass of indexOf calls over the line).
import { closingQuote, unescapeQuoted } from './fields'

/** One line's fields; the time, request and status stay in the line as [start, end) ranges. */
export interface ClfParts {
  vhost: string | null
  remote: string
  /** the remote user, null for "-" */
  user: string | null
  timeStart: number
  timeEnd: number
  /** between the quotes, still escaped */
  requestStart: number
  requestEnd: number
  statusStart: number
  statusEnd: number
  referer: string | null
  agent: string | null
  /** index where fields after the combined (or common) part start, or -1 */
  trailerAt: number
}

export function newParts(): ClfParts {
  return {
    vhost: null, remote: '', user: null, timeStart: 0, timeEnd: 0, requestStart: 0, requestEnd: 0,
    statusStart: 0, statusEnd: 0, referer: null, agent: null, trailerAt: -1,
  }
}

function spacesBefore(line: string, end: number): number {
  let count = 0
  for (let at = line.indexOf(' '); at >= 0 && at < end; at = line.indexOf(' ', at + 1)) count++
  return count
}

/**
 * Splits `[vhost[:port]] remote ident user [time] "request" status bytes ["referer" "agent"] [more…]`.
 * `vhost` says whether the line starts with a virtual host; null decides from the field count.
 * Fills `out` (reused from line to line) or returns the reason when the line does not have that shape.
 */
export function scanClf(line: string, vhost: boolean | null, out: ClfParts = newParts()): ClfParts | string {
  const open = line.indexOf(' [')
  if (open < 0) return 'no [time] field'
  let hasVhost = vhost
  if (hasVhost === null) {
    const spaces = spacesBefore(line, open)
    if (spaces !== 2 && spaces !== 3) return 'expected host, ident and user before [time]'
    hasVhost = spaces === 3
  }
  let p = 0
  let vhostText: string | null = null
  if (hasVhost) {
    p = line.indexOf(' ') + 1
    if (p <= 1) return 'expected a virtual host before the client address'
    vhostText = line.slice(0, p - 1)
  }
  const a = line.indexOf(' ', p)
  const b = a < 0 ? -1 : line.indexOf(' ', a + 1)
  if (a <= p || b < 0 || b >= open) return 'expected host, ident and user before [time]'
  const close = line.indexOf(']', open + 2)
  if (close < 0 || line.charCodeAt(close + 1) !== 32 || line.charCodeAt(close + 2) !== 34) {
    return 'expected [time] followed by a quoted request'
  }
  const q = closingQuote(line, close + 3)
  if (q < 0) return 'the quoted request is not closed'
  if (line.charCodeAt(q + 1) !== 32) return 'expected a status after the request'
  const s = line.indexOf(' ', q + 2)
  out.vhost = vhostText
  out.remote = line.slice(p, a)
  out.user = open === b + 2 && line.charCodeAt(b + 1) === 45 /* - */ ? null : line.slice(b + 1, open)
  out.timeStart = open + 2
  out.timeEnd = close
  out.requestStart = close + 3
  out.requestEnd = q
  out.statusStart = q + 2
  out.statusEnd = s < 0 ? line.length : s
  out.referer = null
  out.agent = null
  out.trailerAt = -1
  if (s >= 0) scanAfterBytes(line, line.indexOf(' ', s + 1), out)
  return out
}

/** Referer and user agent when two quoted fields follow the byte count; anything else is trailer. */
function scanAfterBytes(line: string, t: number, parts: ClfParts): void {
  if (t < 0 || t + 1 >= line.length) return
  if (line.charCodeAt(t + 1) !== 34) {
    parts.trailerAt = t + 1
    return
  }
  const r = closingQuote(line, t + 2)
  if (r < 0 || line.charCodeAt(r + 1) !== 32 || line.charCodeAt(r + 2) !== 34) {
    parts.trailerAt = t + 1
    return
  }
  parts.referer = unescapeQuoted(line.slice(t + 2, r))
  const u = closingQuote(line, r + 3)
  // A user agent cut off at the end of the line (truncated logs) keeps what is there.
  parts.agent = unescapeQuoted(u < 0 ? line.slice(r + 3) : line.slice(r + 3, u))
  if (u >= 0 && u + 1 < line.length) parts.trailerAt = u + 1
}
