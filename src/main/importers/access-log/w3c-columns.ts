// W3C extended log columns (IIS, CloudFront, NetScaler, Incapsula): where each known field sits in a
// line, as named by the current `#Fields:` directive.

export interface W3cColumns {
  count: number
  date: number
  time: number
  method: number
  stem: number
  query: number
  uri: number
  host: number
  status: number
  substatus: number
  win32: number
  username: number
  clientIp: number
  forwardedFor: number
  timeTaken: number
  site: number
  account: number
  requestId: number
  protocol: number
  port: number
  action: number
  edgeResult: number
  /** cs(Name) columns: request headers */
  headers: Array<[index: number, name: string]>
  /** CloudFront logs: time-taken in seconds, user agent encoded twice */
  isCloudFront: boolean
}

const HEADER_NAMES: Record<string, string> = {
  referrer: 'Referer',
  referer: 'Referer',
  'user-agent': 'User-Agent',
}

/** Builds the column index from the names after `#Fields:`. */
export function w3cColumns(names: readonly string[]): W3cColumns {
  const lower = names.map((n) => n.toLowerCase())
  const at = (...candidates: string[]) => {
    for (const c of candidates) {
      const i = lower.indexOf(c)
      if (i >= 0) return i
    }
    return -1
  }
  const isCloudFront = lower.some((n) => n.startsWith('x-edge-'))
  const headers: Array<[number, string]> = []
  names.forEach((name, i) => {
    const m = /^cs\((.+)\)$/i.exec(name)
    if (m && m[1].toLowerCase() !== 'host') headers.push([i, HEADER_NAMES[m[1].toLowerCase()] ?? m[1]])
  })
  return {
    count: names.length,
    date: at('date'),
    time: at('time'),
    method: at('cs-method'),
    stem: at('cs-uri-stem'),
    query: at('cs-uri-query'),
    uri: at('cs-uri'),
    host: at('x-host-header', 'cs(host)', 'cs-host'),
    status: at('sc-status'),
    substatus: at('sc-substatus'),
    win32: at('sc-win32-status'),
    username: at('cs-username'),
    clientIp: at('c-ip'),
    forwardedFor: at('x-forwarded-for', 's-xff', 'cs(x-forwarded-for)'),
    timeTaken: at('time-taken'),
    // CloudFront: cs(Host) is the distribution's domain, x-host-header the name the viewer asked for
    site: isCloudFront ? at('cs(host)') : at('s-sitename', 'sc-servicename', 's-siteid'),
    account: at('s-accountname'),
    requestId: at('x-edge-request-id'),
    protocol: at('cs-protocol', 'cs-version'),
    port: at('s-port'),
    action: at('sc-action'),
    edgeResult: at('x-edge-detailed-result-type', 'x-edge-result-type'),
    headers,
    isCloudFront,
  }
}

/** True when the columns can describe an HTTP request. */
export function isRequestLayout(columns: W3cColumns): boolean {
  const hasTarget = columns.method >= 0 || columns.stem >= 0 || columns.uri >= 0
  return hasTarget && (columns.time >= 0 || columns.date >= 0)
}
