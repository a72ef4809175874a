// What was called: method, URL (absolute when the record gives or implies one), host, path,
// endpoint template and function name.
import type { HeaderList } from '../../../shared/types'
import { functionName, pathTemplate, splitUrl } from '../normalize'
import { decodeText } from './decode'
import { HOST_HEADERS } from './fields'
import { findHeader } from './headers'
import { pick, type RecordView } from './view'

export interface RequestLine {
  method: string | null
  url: string | null
  host: string | null
  path: string | null
  endpoint: string | null
  function: string | null
}

const ABSOLUTE_RE = /^[a-z][a-z0-9+.-]*:\/\//i
const METHOD_RE = /^[A-Z][A-Z-]{2,15}$/
const SCHEME_RE = /^[a-z][a-z0-9+.-]{0,15}$/
const ROUTE_KEY_RE = /^[A-Z]+\s+(\S.*)$/
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443 }

/** An HTTP method (any case in the log, upper case here); RPC names such as "eth_call" are not. */
function decodeMethod(value: unknown): string | null {
  const text = decodeText(value)
  if (text === null) return null
  const upper = text.toUpperCase()
  return METHOD_RE.test(upper) && (upper === text || /^[a-z]+$/.test(text)) ? upper : null
}

function decodeAbsolute(value: unknown): string | null {
  const text = decodeText(value)
  return text !== null && ABSOLUTE_RE.test(text) ? text : null
}

function decodeRelative(value: unknown): string | null {
  const text = decodeText(value)
  return text !== null && text.startsWith('/') ? text : null
}

function decodeScheme(value: unknown): string | null {
  const text = decodeText(value)?.toLowerCase() ?? null
  return text !== null && SCHEME_RE.test(text) ? text : null
}

function decodePort(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(decodeText(value))
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null
}

/** A route template from the log: "/pets/{petId}", "GET /" → "/", "$connect"; a URL → its path. */
function decodeEndpoint(value: unknown): string | null {
  const text = decodeText(value)
  if (text === null) return null
  if (ABSOLUTE_RE.test(text)) return pathTemplate(splitUrl(text).path ?? '/')
  const routeKey = ROUTE_KEY_RE.exec(text)
  return routeKey ? routeKey[1] : text
}

/** URL, host and path-with-query, composing scheme://host[:port]path when no full URL is logged. */
function locate(view: RecordView, headers: HeaderList | null, template: string | null) {
  const full = pick(view, 'url', decodeAbsolute)
  if (full !== null) return { url: full, ...splitUrl(full) }
  const target = pick(view, 'path', decodeRelative) ?? pick(view, 'url', decodeRelative) ??
    (template?.startsWith('/') ? template : null)
  const host = pick(view, 'host', decodeText) ?? findHeader(headers, HOST_HEADERS)
  const parts = target !== null ? splitUrl(target) : { path: null, query: null }
  const scheme = pick(view, 'scheme', decodeScheme) ?? view.profile.scheme ?? null
  if (host === null || scheme === null || target === null) return { url: target, host, path: parts.path }
  const port = host.includes(':') ? null : pick(view, 'port', decodePort)
  const portText = port !== null && port !== DEFAULT_PORTS[scheme] ? `:${port}` : ''
  return { url: `${scheme}://${host}${portText}${target}`, host: host + portText, path: parts.path }
}

export function resolveRequestLine(view: RecordView, requestHeaders: HeaderList | null): RequestLine {
  const method = pick(view, 'method', decodeMethod)
  const template = pick(view, 'endpoint', decodeEndpoint)
  const { url, host, path } = locate(view, requestHeaders, template)
  const endpoint = template ?? (path !== null ? pathTemplate(path) : null)
  const explicit = pick(view, 'function', decodeText)
  return { method, url, host, path, endpoint, function: explicit ?? functionName(method, endpoint) }
}
