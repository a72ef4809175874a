// Amazon S3 server access logs: `owner bucket [time] remote_ip requester request_id operation key
// "request_uri" status error_code bytes_sent object_size total_time turn_around_time "referer"
// "user_agent" version_id host_id signature_version cipher_suite auth_type host_header tls_version …`.
import type { WallClock } from '../parse-time'
import { ClfTimeReader } from './clf-time'
import { addHeader, blankEntry, dash, setStatus, setTarget, splitRequest, statusOf, stripPort } from './entry'
import { splitFields } from './fields'
import type { HeadScore, LineParser, LineVariant } from './variant'

const S3_RE = /^(\S+) (\S+) \[([^\]]+)\] (\S+) (\S+) (\S+) ([A-Z0-9_]+\.[A-Z0-9_.]+) (\S+) "/
/** Positions in the fields after the object key. */
const REQUEST = 0
const STATUS = 1
const ERROR_CODE = 2
const TOTAL_TIME = 5
const REFERER = 7
const AGENT = 8
const CIPHER = 12
const HOST_HEADER = 14

function createParser(_head: readonly string[], wall: WallClock): LineParser {
  const times = new ClfTimeReader(wall)
  return (line, position) => {
    const m = S3_RE.exec(line)
    if (!m) return 'not an S3 server access-log line'
    const { fields } = splitFields(line.slice(m[0].length - 1))
    if (fields.length < 3) return `only ${fields.length} fields after the object key`
    const entry = blankEntry(position, line)
    entry.ts = times.read(m[3])
    if (entry.ts === null) return `unreadable time [${m[3]}]`
    const { method, target } = splitRequest(fields[REQUEST])
    const host = dash(fields[HOST_HEADER])
    setTarget(entry, method, target, host, dash(fields[CIPHER]) === null ? 'http' : 'https')
    entry.function = m[7]
    entry.errorCode = dash(fields[ERROR_CODE])
    setStatus(entry, statusOf(fields[STATUS]))
    entry.apiUser = dash(m[5])
    const remote = dash(m[4])
    entry.clientIp = remote === null ? null : stripPort(remote)
    entry.correlationId = dash(m[6])
    entry.service = dash(m[2])
    const total = dash(fields[TOTAL_TIME])
    entry.durationMs = total !== null && /^\d+$/.test(total) ? Number(total) : null
    addHeader(entry, 'Referer', fields[REFERER])
    addHeader(entry, 'User-Agent', fields[AGENT])
    return entry
  }
}

function scoreHead(lines: readonly string[]): HeadScore {
  return { requests: lines.filter((line) => S3_RE.test(line)).length, others: 0 }
}

export const s3Variant: LineVariant = {
  id: 's3',
  label: 'Amazon S3 server access log',
  scoreHead,
  createParser,
}
