// "Copy as cURL": a runnable command for an entry's request with every credential replaced by a
// placeholder, so it can be pasted into a ticket without leaking a customer's secrets.
import type { HeaderList } from '../../../shared/types'
import { isSecretHeader, maskHeaderValue, maskJson, maskParams, maskUrl } from './secrets'

export interface CurlRequest {
  method: string | null
  url: string | null
  requestHeaders: HeaderList
  requestBody: string | null
  requestBodyEncoding: 'base64' | null
}

/** POSIX shell single-quoting: 'it'\''s'. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

const DROPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'transfer-encoding'])

function headerOf(headers: HeaderList, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1]
}

function maskBody(body: string, contentType: string): string {
  const type = contentType.toLowerCase()
  if (type.includes('json') || /^\s*[{[]/.test(body)) {
    const masked = maskJson(body)
    if (masked !== null) return masked
  }
  if (type.includes('x-www-form-urlencoded') || /^[^\s=&]+=[^\s&]*(&[^\s=&]+=[^\s&]*)*$/.test(body)) {
    return maskParams(body)
  }
  return body
}

export function buildCurl(request: CurlRequest): string {
  const method = (request.method ?? 'GET').toUpperCase()
  const lines = [`curl ${shellQuote(maskUrl(request.url ?? ''))}`]
  if (method !== 'GET' || request.requestBody) lines.push(`-X ${shellQuote(method)}`)
  for (const [name, value] of request.requestHeaders) {
    const lower = name.toLowerCase()
    if (name.startsWith(':') || DROPPED_HEADERS.has(lower)) continue
    if (lower === 'accept-encoding') {
      lines.push('--compressed')
      continue
    }
    const shown = isSecretHeader(name) ? maskHeaderValue(name, value) : value
    lines.push(`-H ${shellQuote(`${name}: ${shown}`)}`)
  }
  if (request.requestBody) {
    if (request.requestBodyEncoding === 'base64') {
      lines.push(`--data-binary @request-body.bin  # binary body (base64 in the log) not inlined`)
    } else {
      const contentType = headerOf(request.requestHeaders, 'content-type') ?? ''
      lines.push(`--data-raw ${shellQuote(maskBody(request.requestBody, contentType))}`)
    }
  }
  return lines.join(' \\\n  ')
}
