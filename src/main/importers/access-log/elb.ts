// AWS Classic Load Balancer access logs: `time elb client:port backend:port request_time backend_time
// response_time elb_status backend_status received sent "request" "user_agent" ssl_cipher ssl_protocol`.
// TCP listeners log "-" statuses and a "- - - " request: no HTTP response, imported as errors.
import { splitFields } from './fields'
import { LB_FIELDS, lbEntry, lbStatus, type LbLayout } from './load-balancer'
import type { HeadScore, LineParser, LineVariant } from './variant'

const ELB_RE = new RegExp(`^${LB_FIELDS}`)
const LAYOUT: LbLayout = { time: 0, name: 1, client: 2, processing: 4, status: 7, request: 11, agent: 12 }

const parseLine: LineParser = (line, position) => {
  if (line.charCodeAt(0) === 35 /* # */) return null
  if (!ELB_RE.test(line)) return 'not a Classic Load Balancer access-log line'
  const { fields } = splitFields(line)
  const entry = lbEntry(fields, LAYOUT, position, line)
  if (typeof entry === 'string') return entry
  lbStatus(entry, fields, LAYOUT)
  return entry
}

function scoreHead(lines: readonly string[]): HeadScore {
  let requests = 0
  let others = 0
  for (const line of lines) {
    if (line[0] === '#') others++
    else if (ELB_RE.test(line)) requests++
  }
  return { requests, others }
}

export const elbVariant: LineVariant = {
  id: 'elb',
  label: 'AWS Classic Load Balancer',
  scoreHead,
  createParser: () => parseLine,
}
