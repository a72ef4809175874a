// AWS Application Load Balancer access logs: `type time elb client:port target:port request_time
// target_time response_time elb_status target_status received sent "request" "user_agent" ssl_cipher
// ssl_protocol target_group_arn "trace_id" "domain_name" "cert_arn" priority creation_time "actions"
// "redirect_url" "error_reason" …`.
import { dash } from './entry'
import { splitFields } from './fields'
import { LB_FIELDS, lbEntry, lbStatus, type LbLayout } from './load-balancer'
import type { HeadScore, LineParser, LineVariant } from './variant'

const ALB_RE = new RegExp(`^(?:https?|h2|grpcs|wss?) ${LB_FIELDS}`)
const LAYOUT: LbLayout = { time: 1, name: 2, client: 3, processing: 5, status: 8, request: 12, agent: 13 }
const TARGET_GROUP = 16
const TRACE_ID = 17
const DOMAIN = 18
const ERROR_REASON = 24

/** "arn:aws:elasticloadbalancing:…:targetgroup/MyTargetGroup/abcdef" → "MyTargetGroup". */
function targetGroupName(arn: string | undefined): string | null {
  const m = /:targetgroup\/([^/]+)/.exec(arn ?? '')
  return m ? m[1] : null
}

/** "app/my-alb/50dc6c495c0c9188" → "my-alb". */
function balancerName(field: string): string | null {
  const parts = field.split('/')
  return parts.length === 3 ? parts[1] : dash(field)
}

/** The Root part of an X-Amzn-Trace-Id ("Self=…;Root=1-abc-def" → "1-abc-def"). */
function traceRoot(value: string | undefined): string | null {
  const id = dash(value)
  if (id === null) return null
  const m = /(?:^|;)Root=([^;]+)/.exec(id)
  return m ? m[1] : id
}

const parseLine: LineParser = (line, position) => {
  if (!ALB_RE.test(line)) return 'not an ALB access-log line'
  const { fields } = splitFields(line)
  const entry = lbEntry(fields, LAYOUT, position, line)
  if (typeof entry === 'string') return entry
  entry.service = targetGroupName(fields[TARGET_GROUP]) ?? balancerName(fields[LAYOUT.name])
  entry.correlationId = traceRoot(fields[TRACE_ID])
  const domain = dash(fields[DOMAIN])
  if (domain !== null && entry.host === null) entry.host = domain
  lbStatus(entry, fields, LAYOUT)
  if (entry.result === 'error') entry.resultReason = dash(fields[ERROR_REASON]) ?? entry.resultReason
  return entry
}

function scoreHead(lines: readonly string[]): HeadScore {
  return { requests: lines.filter((line) => ALB_RE.test(line)).length, others: 0 }
}

export const albVariant: LineVariant = {
  id: 'alb',
  label: 'AWS Application Load Balancer',
  scoreHead,
  createParser: () => parseLine,
}
