// HAProxy specifics: the termination state in words, and names for captured header values (the log
// has the values only; their names live in the HAProxy configuration).
import type { HeaderList } from '../../../shared/types'

const END_CAUSE: Record<string, string> = {
  C: 'the client aborted or closed the connection',
  S: 'the server aborted, refused or failed the connection',
  P: 'the proxy ended the session (deny, check or security filter)',
  L: 'the proxy answered locally',
  R: 'a proxy resource ran out (memory, sockets, ports)',
  I: 'the proxy hit an internal error',
  D: 'the session was killed (server marked down)',
  U: 'the session was killed (server back up, other server preferred)',
  K: 'the session was killed by an administrator',
  c: 'the client timed out',
  s: 'the server timed out',
}

const END_PHASE: Record<string, string> = {
  R: 'while waiting for the complete request',
  Q: 'while queued for a connection slot',
  C: 'while waiting for the connection to the server',
  H: 'while waiting for the complete response headers',
  D: 'during the data transfer',
  L: 'while sending the last data to the client',
  T: 'while tarpitted',
}

/** Termination state in words: "SH--" → "SH: the server aborted, … response headers"; "----" → null. */
export function terminationText(state: string): string | null {
  const cause = END_CAUSE[state[0]]
  const phase = END_PHASE[state[1]]
  if (!cause && !phase) return null
  const words = [cause ?? 'the session ended', phase].filter(Boolean).join(' ')
  return `${state.slice(0, 2)}: ${words}`
}

const AGENT_RE =
  /^(?:Mozilla|curl|Wget|python|Java|okhttp|Go-http-client|PostmanRuntime|Apache-HttpClient)\b|\(.*\)/i
const ID_RE = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i
const ADDRESS = '(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)'
const ADDRESS_LIST_RE = new RegExp(`^${ADDRESS}(?:, ?${ADDRESS})*$`, 'i')
const HOST_RE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/i

/** A header name for a captured value when its shape makes it obvious, else "Captured-Header-<n>". */
export function capturedName(value: string, index: number, prefix: string): string {
  if (/^https?:\/\//i.test(value)) return 'Referer'
  if (ID_RE.test(value)) return 'X-Request-ID'
  if (ADDRESS_LIST_RE.test(value)) return 'X-Forwarded-For'
  if (HOST_RE.test(value) && !/^\d+(?:\.\d+)+$/.test(value)) return 'Host'
  if (AGENT_RE.test(value)) return 'User-Agent'
  return `${prefix}-${index + 1}`
}

/** "{a|b|}" contents → [name, value] pairs, empty values left out. */
export function capturedHeaders(text: string | undefined, prefix: string): HeaderList {
  const out: HeaderList = []
  if (!text) return out
  text.split('|').forEach((value, i) => {
    if (value !== '' && value !== '-') out.push([capturedName(value, i, prefix), value])
  })
  return out
}
