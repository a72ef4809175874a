// A short error text and code from an API's JSON error body ({"message": …, "code": …} and kin).

/** Longest error text kept. */
export const MAX_REASON_LENGTH = 500
/** Bodies longer than this are not parsed for an error message. */
export const MAX_ERROR_BODY_LENGTH = 256 * 1024

export interface BodyError {
  reason: string | null
  code: string | null
}

const NONE: BodyError = { reason: null, code: null }
/** Top-level fields holding a human-readable message, most telling first. */
const REASON_KEYS = [
  'message',
  'error_description',
  'detail',
  'title',
  'errorMessage',
  'error_message',
  'error',
]
const CODE_KEYS = ['code', 'errorCode', 'error_code']
const WHITESPACE_RE = /\s+/g

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function shorten(text: string): string | null {
  const flat = text.replace(WHITESPACE_RE, ' ').trim()
  if (flat === '') return null
  return flat.length > MAX_REASON_LENGTH ? `${flat.slice(0, MAX_REASON_LENGTH - 1)}…` : flat
}

function firstText(body: Json, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = body[key]
    if (typeof value === 'string') {
      const text = shorten(value)
      if (text) return text
    }
  }
  return null
}

function firstCode(body: Json, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = body[key]
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200)
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  }
  return null
}

function reasonOf(body: Json): string | null {
  const direct = firstText(body, REASON_KEYS)
  if (direct) return direct
  if (isObject(body.error)) return firstText(body.error, REASON_KEYS)
  const errors = body.errors
  if (Array.isArray(errors) && isObject(errors[0])) return firstText(errors[0], REASON_KEYS)
  return null
}

function codeOf(body: Json): string | null {
  const code = firstCode(body, CODE_KEYS) ?? (isObject(body.error) ? firstCode(body.error, CODE_KEYS) : null)
  if (code !== null) return code
  // OAuth 2 (RFC 6749 §5.2): "error" is the code when "error_description" carries the text
  return typeof body.error_description === 'string' ? firstCode(body, ['error']) : null
}

/** Reads {message|error_description|detail|title|error, code|errorCode|error.code} from a JSON body. */
export function errorFromBody(text: string | null | undefined): BodyError {
  if (!text || text.length > MAX_ERROR_BODY_LENGTH) return NONE
  const start = text.trimStart()
  if (!start.startsWith('{')) return NONE
  let body: unknown
  try {
    body = JSON.parse(start)
  } catch {
    return NONE
  }
  if (!isObject(body)) return NONE
  return { reason: reasonOf(body), code: codeOf(body) }
}
