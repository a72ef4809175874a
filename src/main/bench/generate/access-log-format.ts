// Apache "combined" access log: the API user is the authenticated remote user.
import type { SyntheticCall } from './calls'
import type { LogFormat } from './log-format'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number) => (n < 10 ? `0${n}` : String(n))

/** `16/Nov/2026:14:03:22 +0000`, cached per second (consecutive lines share it). */
function clfTimeFormatter(): (ts: number) => string {
  let second = -1
  let text = ''
  return (ts) => {
    const s = Math.floor(ts / 1000)
    if (s !== second) {
      const d = new Date(s * 1000)
      second = s
      text = `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
    }
    return text
  }
}

/** Response size in bytes, as a body of that kind would have. */
function responseBytes(call: SyntheticCall): string {
  if (call.error) return String(90 + (call.index % 80))
  switch (call.endpoint.action) {
    case 'delete':
      return '-'
    case 'list':
      return String(600 + ((call.index * 7919) % 2400))
    default:
      return String(380 + ((call.index * 104729) % 260))
  }
}

export function accessLogFormat(): LogFormat {
  const clfTime = clfTimeFormatter()
  return {
    header: () => '',
    record(call) {
      const target = call.query ? `${call.path}?${call.query}` : call.path
      return `${call.clientIp} - ${call.user.name} [${clfTime(call.ts)}] "${call.endpoint.method} ${target} HTTP/1.1" ${call.status} ${responseBytes(call)} "-" "${call.user.userAgent}"\n`
    },
    footer: () => '',
  }
}
