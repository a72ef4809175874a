// Who made a request, derived from credentials before they are redacted. Never returns a secret.
import type { HeaderList } from '../../shared/types'

function base64UrlDecode(text: string): string | null {
  try {
    return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')
  } catch {
    return null
  }
}

// The signature may be a redaction tag (issue 5): a redacted JWT still names its subject.
const JWT_RE = /^[A-Za-z0-9_-]{2,}\.([A-Za-z0-9_-]{2,})\.(?:[A-Za-z0-9_-]*|«redacted:[0-9a-f]{6}»)$/

/** The subject of a JWT (sub, or a user-ish claim); null when the token is not a JWT. */
export function jwtSubject(token: string): string | null {
  const m = JWT_RE.exec(token.trim())
  if (!m) return null
  const json = base64UrlDecode(m[1])
  if (!json) return null
  try {
    const claims = JSON.parse(json) as Record<string, unknown>
    for (const key of ['sub', 'preferred_username', 'username', 'email', 'client_id', 'azp', 'appid']) {
      const value = claims[key]
      if (typeof value === 'string' && value.trim() !== '') return value.trim()
    }
  } catch {
    return null
  }
  return null
}

/** The user of an Authorization header value: Basic user name or JWT subject. */
export function identityFromAuthorization(value: string): string | null {
  const m = /^\s*(\S+)\s+(.+)$/.exec(value)
  if (!m) return null
  const scheme = m[1].toLowerCase()
  if (scheme === 'basic') {
    // not base64 (e.g. a redaction tag, issue 5): no user, rather than the bytes of a lenient decode
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(m[2].trim())) return null
    const decoded = Buffer.from(m[2].trim(), 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    const user = colon >= 0 ? decoded.slice(0, colon) : ''
    return user.trim() !== '' && !/[\u0000-\u001f]/.test(user) ? user : null
  }
  if (scheme === 'bearer') return jwtSubject(m[2])
  return null
}

/** API user from request headers: Authorization (Basic user / JWT sub), else a JWT in an API-key header. */
export function identityFromHeaders(headers: HeaderList): string | null {
  for (const [name, value] of headers) {
    if (/^(proxy-)?authorization$/i.test(name)) {
      const user = identityFromAuthorization(value)
      if (user) return user
    }
  }
  for (const [name, value] of headers) {
    if (/^x-(api-key|auth-token|access-token)$/i.test(name)) {
      const sub = jwtSubject(value)
      if (sub) return sub
    }
  }
  return null
}
