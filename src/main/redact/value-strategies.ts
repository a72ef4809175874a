// How the value of a credential-carrying header / parameter / key is rewritten. Each strategy keeps
// the non-secret structure (scheme, cookie names, attributes, JWT header and payload) and hands
// every secret to `mark`, which records it and returns its tag.
import type { Strategy } from './names'
import { classifyName } from './names'

/** Records a secret and returns what replaces it (the text itself when it is not redactable). */
export type Mark = (secret: string) => string

/** header.payload.signature with a JSON header; group 1 is header and payload with the dot. */
export const JWT_RE = /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.)([A-Za-z0-9_-]{10,})/g
const WHOLE_JWT_RE = /^(eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.)([A-Za-z0-9_-]{10,})$/
const SCHEME_RE = /^(\s*)([A-Za-z][\w.-]*)(\s+)([\s\S]*?)(\s*)$/
const SCHEME_ONLY_RE = /^\s*(?:bearer|basic|digest|negotiate|ntlm|token|jwt|oauth)\s*$/i
const KNOWN_SCHEMES: ReadonlySet<string> = new Set([
  'bearer', 'basic', 'digest', 'negotiate', 'ntlm', 'token', 'jwt', 'oauth', 'hoba', 'mutual', 'vapid', 'scram-sha-1',
  'scram-sha-256', 'aws4-hmac-sha256', 'sharedkey', 'apikey', 'key', 'sso-key', 'splunk', 'ssws', 'dpop', 'mac',
])
/** `name="v", …` or `Name=v, …` (Digest, OAuth 1, AWS4), not base64 padding such as `dXM=`. */
const PARAM_STYLE_RE = /^[\w-]+\s*=\s*(?:"|[^=\s,][^,]*(?:,|$))/
const AUTH_PARAM_RE = /([A-Za-z][\w-]*)(\s*=\s*)("[^"]*"|[^,\s]*)/g
const COOKIE_PAIR_RE = /(^|;)([^=;]*=)([^;]*)/g
/** the first name=value of each Set-Cookie line */
const SET_COOKIE_RE = /(^|\n)([^=;\n]*=)([^;\n]*)/g
/** Digest / OAuth parameters that are proofs of a secret although their names are not. */
const AUTH_PARAM_SECRETS = new Set(['response', 'cnonce', 'oauth_signature', 'oauth_token', 'credential'])

/** Replaces the JWT signature only; null when the text is not exactly one JWT. */
function jwtSignatureOnly(text: string, mark: Mark): string | null {
  const m = WHOLE_JWT_RE.exec(text)
  return m ? m[1] + mark(m[2]) : null
}

/** Whole value, keeping surrounding blanks, quotes, a leading auth scheme and JWT header/payload. */
export function redactWhole(value: string, mark: Mark): string {
  const m = /^(\s*"?)([\s\S]*?)("?\s*)$/.exec(value)
  const [lead, core, trail] = m ? [m[1], m[2], m[3]] : ['', value, '']
  if (core === '') return value
  const scheme = SCHEME_RE.exec(core)
  if (scheme && KNOWN_SCHEMES.has(scheme[2].toLowerCase())) return lead + redactAuthorization(core, mark) + trail
  return lead + (jwtSignatureOnly(core, mark) ?? mark(core)) + trail
}

function redactAuthParams(params: string, mark: Mark): string {
  return params.replace(AUTH_PARAM_RE, (all, name: string, eq: string, value: string) => {
    if (!AUTH_PARAM_SECRETS.has(name.toLowerCase()) && classifyName(name) === null) return all
    const quoted = value.startsWith('"') && value.endsWith('"') && value.length >= 2
    const inner = quoted ? value.slice(1, -1) : value
    if (inner === '') return all
    return `${name}${eq}${quoted ? `"${mark(inner)}"` : mark(inner)}`
  })
}

/** "Bearer <token>" → "Bearer «tag»"; a JWT keeps header and payload; Digest/AWS4 keep non-secret params. */
export function redactAuthorization(value: string, mark: Mark): string {
  if (SCHEME_ONLY_RE.test(value)) return value
  const m = SCHEME_RE.exec(value)
  if (!m) return value.trim() === '' ? value : redactWhole(value, mark)
  const [, lead, scheme, gap, credential, trail] = m
  if (credential === '') return value
  let redacted = PARAM_STYLE_RE.test(credential) ? redactAuthParams(credential, mark) : credential
  // an opaque credential, or parameters none of which looked secret: the whole credential goes
  if (redacted === credential) redacted = jwtSignatureOnly(credential, mark) ?? mark(credential)
  return lead + scheme + gap + redacted + trail
}

function redactCookieValue(value: string, mark: Mark): string {
  const m = /^(\s*)("?)([\s\S]*?)("?)(\s*)$/.exec(value)
  if (!m || m[3] === '') return value
  return m[1] + m[2] + (jwtSignatureOnly(m[3], mark) ?? mark(m[3])) + m[4] + m[5]
}

/** "a=1; sid=xyz" → every value replaced, names kept. */
export function redactCookie(value: string, mark: Mark): string {
  return value.replace(COOKIE_PAIR_RE, (_all, sep: string, name: string, v: string) =>
    sep + name + redactCookieValue(v, mark),
  )
}

/** "sid=xyz; Path=/; HttpOnly" → only the cookie's own value; one cookie per line. */
export function redactSetCookie(value: string, mark: Mark): string {
  return value.replace(SET_COOKIE_RE, (_all, sep: string, name: string, v: string) =>
    sep + name + redactCookieValue(v, mark),
  )
}

export const STRATEGIES: Record<Strategy, (value: string, mark: Mark) => string> = {
  authorization: redactAuthorization,
  cookie: redactCookie,
  'set-cookie': redactSetCookie,
  whole: redactWhole,
}

/** Rewrites a value found under `name`; unchanged when the name is not a credential. */
export function redactNamedValue(name: string, value: string, mark: Mark): string {
  const strategy = classifyName(name)
  return strategy ? STRATEGIES[strategy](value, mark) : value
}
