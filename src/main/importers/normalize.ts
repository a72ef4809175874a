// Mapping helpers shared by the importers: outcome from status, URL parts, path templates.
import type { ResultKind } from '../../shared/types'

/** Below 400 success; 400 and up, or no response (0 / missing), error. */
export function resultFromStatus(status: number | null | undefined): ResultKind {
  if (status === null || status === undefined || !Number.isFinite(status) || status <= 0) return 'error'
  return status < 400 ? 'success' : 'error'
}

/** Parses an integer status such as 200, "200" or "200 OK"; null when absent or "-". */
export function parseStatus(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value < 1000 ? value : null
  if (typeof value !== 'string') return null
  const m = /^\s*(\d{1,3})\b/.exec(value)
  return m ? Number(m[1]) : null
}

export interface UrlParts {
  host: string | null
  path: string | null
  query: string | null
}

/** Splits an absolute URL or an origin-relative target ("/a/b?c") without throwing. */
export function splitUrl(url: string): UrlParts {
  const abs = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(url)
  if (abs) {
    const authority = abs[2].replace(/^[^@]*@/, '')
    return { host: authority || null, path: abs[3] || '/', query: abs[4] ? abs[4].slice(1) : null }
  }
  const rel = /^([^?#]*)(\?[^#]*)?/.exec(url)
  const path = rel?.[1] ?? ''
  return { host: null, path: path || null, query: rel?.[2] ? rel[2].slice(1) : null }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HEX_RE = /^[0-9a-f]{12,}$/i
const NUMERIC_RE = /^[+-]?\d+(?:[.,]\d+)?$/
const TOKEN_RE = /^[A-Za-z0-9_-]{20,}$/

/** True when a path segment looks like an identifier rather than a resource name. */
export function isIdSegment(segment: string): boolean {
  if (segment === '') return false
  if (NUMERIC_RE.test(segment) || UUID_RE.test(segment)) return true
  if (HEX_RE.test(segment) && /\d/.test(segment)) return true
  // long opaque tokens that mix letters and digits (base62 ids, hashes)
  if (TOKEN_RE.test(segment) && /\d/.test(segment) && /[A-Za-z]/.test(segment)) return true
  // e.g. "user_123", "ORD-2024-0001": a word followed by a number
  return /^[A-Za-z]{1,12}[-_]\d{2,}(?:[-_]\d+)*$/.test(segment)
}

/** "/contacts/42/notes/9f1c…" → "/contacts/{id}/notes/{id}"; the query string is dropped. */
export function pathTemplate(path: string): string {
  const clean = path.split(/[?#]/, 1)[0] || '/'
  return clean
    .split('/')
    .map((segment) => {
      let decoded = segment
      try {
        decoded = decodeURIComponent(segment)
      } catch {
        // keep the raw segment
      }
      return isIdSegment(decoded) ? '{id}' : segment
    })
    .join('/')
}

/** Function shown in the filter: "PUT /contacts/{id}". */
export function functionName(method: string | null | undefined, template: string | null): string | null {
  if (!template) return method ? method.toUpperCase() : null
  return method ? `${method.toUpperCase()} ${template}` : template
}

/** Decodes "a=1&b=2" into pairs; '+' is a space as in forms. */
export function parseQuery(query: string | null): Array<[string, string]> {
  if (!query) return []
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=')
      const key = eq < 0 ? part : part.slice(0, eq)
      const value = eq < 0 ? '' : part.slice(eq + 1)
      return [safeDecode(key), safeDecode(value)]
    })
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** Null for empty strings and the "-" placeholder many logs use. */
export function blankToNull(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const text = typeof value === 'string' ? value : String(value)
  const trimmed = text.trim()
  return trimmed === '' || trimmed === '-' ? null : trimmed
}

/** Parses a number; null for blanks and "-". */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  const text = blankToNull(value)
  if (text === null) return null
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}
