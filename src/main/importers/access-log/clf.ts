// Apache/nginx common and combined logs, with an optional virtual-host prefix (Apache vhost_combined,
// "%v:%p %h …") and optional trailing fields (nginx "$http_x_forwarded_for", request time, request id).
import type { EntryRecord } from '../../store/entry-record'
import type { WallClock } from '../parse-time'
import { ClfTimeReader } from './clf-time'
import {
  applyTrailer, profileTrailer, splitTrailer, type TrailerRole, type TrailerSample,
} from './clf-trailer'
import { newParts, scanClf, type ClfParts } from './clf-scan'
import {
  addHeader, authority, blankEntry, dash, firstForwarded, setStatus, setTarget, splitRequest, splitRequestAt,
  statusAt, stripPort, type RequestParts,
} from './entry'
import { unescapeQuoted } from './fields'
import type { HeadScore, LineParser, LineVariant } from './variant'

interface ClfProfile {
  vhost: boolean
  trailer: readonly TrailerRole[]
}

function profile(head: readonly string[]): ClfProfile {
  let withVhost = 0
  let without = 0
  const samples: TrailerSample[] = []
  for (const line of head) {
    const parts = scanClf(line, null)
    if (typeof parts === 'string') continue
    if (parts.vhost === null) without++
    else withVhost++
    if (parts.trailerAt < 0) continue
    const status = line.slice(parts.statusStart, parts.statusEnd)
    samples.push({ tokens: splitTrailer(line.slice(parts.trailerAt)), status })
  }
  return { vhost: withVhost > without, trailer: profileTrailer(samples) }
}

/** "www.example.com:443" → host, port and the scheme the port implies. */
function virtualHost(vhost: string): { name: string; host: string; scheme: string } {
  const colon = vhost.lastIndexOf(':')
  const isPort = colon > 0 && /^\d+$/.test(vhost.slice(colon + 1)) && vhost.indexOf(':') === colon
  const name = isPort ? vhost.slice(0, colon) : vhost
  const port = isPort ? vhost.slice(colon + 1) : null
  const scheme = port === '443' ? 'https' : 'http'
  return { name, host: authority(name, port, scheme), scheme }
}

/** Method and target, read in place unless the request has escapes (\" or \\). */
function requestOf(line: string, parts: ClfParts): RequestParts {
  const { requestStart: start, requestEnd: end } = parts
  const slash = line.indexOf('\\', start)
  if (slash < 0 || slash >= end) return splitRequestAt(line, start, end)
  return splitRequest(unescapeQuoted(line.slice(start, end)))
}

function toEntry(parts: ClfParts, line: string, position: number, roles: readonly TrailerRole[]) {
  const entry: EntryRecord = blankEntry(position, line)
  const { method, target } = requestOf(line, parts)
  if (parts.vhost !== null && parts.vhost !== '-') {
    const vhost = virtualHost(parts.vhost)
    setTarget(entry, method, target, vhost.host, vhost.scheme)
    entry.service = vhost.name
  } else {
    setTarget(entry, method, target)
  }
  entry.apiUser = parts.user
  addHeader(entry, 'Referer', parts.referer)
  addHeader(entry, 'User-Agent', parts.agent)
  const trailer = parts.trailerAt >= 0 ? splitTrailer(line.slice(parts.trailerAt)) : null
  const xff = trailer ? applyTrailer(entry, trailer, roles) : null
  const remote = dash(parts.remote)
  entry.clientIp = firstForwarded(xff) ?? (remote === null ? null : stripPort(remote))
  return entry
}

function createParser(head: readonly string[], wall: WallClock): LineParser {
  const { vhost, trailer } = profile(head)
  const times = new ClfTimeReader(wall)
  const reused = newParts()
  return (line, position) => {
    if (line.charCodeAt(0) === 35 /* # */) return null // a comment: no request line starts with "#"
    const parts = scanClf(line, vhost, reused)
    if (typeof parts === 'string') return `not an Apache/nginx access-log line: ${parts}`
    const { statusStart, statusEnd } = parts
    const status = statusAt(line, statusStart, statusEnd)
    const isDash = statusEnd === statusStart + 1 && line.charCodeAt(statusStart) === 45
    if (status < 0 && !isDash) return `status "${line.slice(statusStart, statusEnd)}" is not a number`
    const time = times.readAt(line, parts.timeStart, parts.timeEnd)
    if (time === null) return `unreadable time [${line.slice(parts.timeStart, parts.timeEnd)}]`
    const entry = toEntry(parts, line, position, trailer)
    entry.ts = time
    setStatus(entry, status < 0 ? null : status)
    return entry
  }
}

function scoreHead(lines: readonly string[]): HeadScore {
  let requests = 0
  for (const line of lines) {
    const parts = scanClf(line, null)
    if (typeof parts === 'string' || statusAt(line, parts.statusStart, parts.statusEnd) < 0) continue
    if (/^\d\d?\//.test(line.slice(parts.timeStart, parts.timeEnd))) requests++
  }
  return { requests, others: 0 }
}

export const clfVariant: LineVariant = {
  id: 'clf',
  label: 'Apache/nginx common or combined',
  scoreHead,
  createParser,
}
