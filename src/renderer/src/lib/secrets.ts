// Which header and parameter names carry credentials, and the placeholders that replace them when
// a request is copied out of the app (Copy as cURL).

const SECRET_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'apikey',
  'x-auth-token', 'x-access-token', 'x-csrf-token', 'x-xsrf-token', 'x-amz-security-token',
])
const SECRET_HEADER_RE = /(auth|token|secret|api[-_]?key|password|passwd|session|credential|signature|cookie)/i

const SECRET_PARAM_RE =
  /^(pass|passwd|password|pwd|pin|secret|client_secret|token|access_token|refresh_token|id_token|auth|auth_token|apikey|api_key|key|signature|sig|session|sessionid|session_id|sid|jwt|code_verifier)$|pass(word)?$|secret|token|api[-_]?key|(^|[-_])key$|credential/i

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase()
  return SECRET_HEADERS.has(lower) || SECRET_HEADER_RE.test(lower)
}

export function isSecretParam(name: string): boolean {
  return SECRET_PARAM_RE.test(name)
}

/** `<PASS>` for a parameter named pass. */
export function placeholderFor(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase()
  return `<${clean || 'SECRET'}>`
}

/** Keeps the scheme of an Authorization header: "Bearer <TOKEN>", "Basic <CREDENTIALS>". */
export function maskHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase()
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const scheme = /^\s*([A-Za-z][\w-]*)\s+\S/.exec(value)?.[1]
    if (!scheme) return '<CREDENTIALS>'
    return `${scheme} ${/^basic$/i.test(scheme) ? '<CREDENTIALS>' : '<TOKEN>'}`
  }
  if (lower === 'cookie') {
    return value
      .split(';')
      .map((pair) => pair.trim())
      .filter((pair) => pair !== '')
      .map((pair) => `${pair.split('=')[0]}=<COOKIE>`)
      .join('; ')
  }
  return placeholderFor(name)
}

/** Masks secret parameters in a query string or form body, keeping everything else byte for byte. */
export function maskParams(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      if (eq < 0) return pair
      const rawName = pair.slice(0, eq)
      let name = rawName
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '))
      } catch {
        // keep the raw name
      }
      return isSecretParam(name) ? `${rawName}=${placeholderFor(name)}` : pair
    })
    .join('&')
}

/** Masks user info ("user:pass@") and secret query parameters of a URL. */
export function maskUrl(url: string): string {
  const masked = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1<USER>:<PASSWORD>@')
  const q = masked.indexOf('?')
  if (q < 0) return masked
  const hash = masked.indexOf('#', q)
  const query = hash < 0 ? masked.slice(q + 1) : masked.slice(q + 1, hash)
  const rest = hash < 0 ? '' : masked.slice(hash)
  return `${masked.slice(0, q)}?${maskParams(query)}${rest}`
}

const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|[{}[\],:]|[^\s{}[\],:"]+|\s+/g

/**
 * Masks the values of secret-named keys anywhere in a JSON document, token by token so everything
 * else stays byte for byte (JSON.parse would round big numbers). Null when the text is not JSON.
 */
export function maskJson(text: string): string | null {
  try {
    JSON.parse(text)
  } catch {
    return null
  }
  const out: string[] = []
  let previous = ''
  let maskNext: string | null = null
  JSON_TOKEN.lastIndex = 0
  for (let m = JSON_TOKEN.exec(text); m !== null; m = JSON_TOKEN.exec(text)) {
    const token = m[0]
    if (/^\s/.test(token)) {
      out.push(token)
      continue
    }
    if (maskNext !== null && token !== '{' && token !== '[') out.push(JSON.stringify(placeholderFor(maskNext)))
    else out.push(token)
    maskNext = null
    if (token === ':' && previous.startsWith('"')) {
      const key = JSON.parse(previous) as string
      if (isSecretParam(key)) maskNext = key
    }
    previous = token
  }
  return out.join('')
}
