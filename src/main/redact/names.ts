// Which names (headers, query/form parameters, JSON keys, HAR name/value pairs) carry credentials,
// and how their values are redacted. Rules are data: add a row, not a branch.

/** How a value is redacted: see value-strategies.ts. */
export type Strategy = 'authorization' | 'cookie' | 'set-cookie' | 'whole'

export interface NameRule {
  name: RegExp
  strategy: Strategy
  why: string
}

/** Names whose values have their own syntax: only the secret part of the value is replaced. */
export const NAME_RULES: readonly NameRule[] = [
  { name: /^(?:proxy-)?authorization$/i, strategy: 'authorization', why: 'credentials; the scheme is kept' },
  { name: /^cookie$/i, strategy: 'cookie', why: 'cookie values; the cookie names are kept' },
  { name: /^set-cookie2?$/i, strategy: 'set-cookie', why: 'the cookie value; name and attributes are kept' },
]

/** API-key and token headers, whole value secret whatever their words say (compared in lower case). */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'x-api-key', 'api-key', 'apikey', 'x-apikey', 'x-auth-token', 'auth-token', 'x-access-token', 'access-token',
  'x-amz-security-token', 'x-csrf-token', 'x-xsrf-token', 'x-csrftoken', 'csrf-token', 'x-session-id',
  'x-session-token', 'session-id', 'x-goog-api-key', 'x-functions-key', 'x-vault-token', 'x-refresh-token',
  'x-id-token', 'x-client-secret', 'x-api-secret', 'x-gitlab-token', 'x-shopify-hmac-sha256', 'x-twilio-signature',
  'x-slack-signature', 'ocp-apim-subscription-key', 'private-token', 'stripe-signature', 'cf-access-jwt-assertion',
  'x-goog-iap-jwt-assertion', 'x-amzn-oidc-data', 'x-amzn-oidc-accesstoken',
])

/** A word (or two adjacent words run together) anywhere in the name makes it secret. */
export const ANYWHERE_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'passphrase', 'pwd', 'apikey', 'apikeys', 'privatekey', 'sessionid', 'sessid',
  'jsessionid', 'phpsessid', 'sessionkey', 'sessiontoken',
])

/** The last word of the name makes it secret: access_token, api_key, client_secret, phone_pass. */
export const LAST_WORDS: ReadonlySet<string> = new Set([
  'pass', 'pw', 'token', 'tokens', 'key', 'keys', 'secret', 'secrets', 'credential', 'credentials',
  'signature', 'sig', 'session', 'auth', 'cookie', 'otp', 'pin', 'jwt', 'passcode', 'assertion', 'hmac',
])

/** `<qualifier>_key` / `<qualifier>_token` names that are not credentials (cursors, ids, paths). */
export const NOT_SECRET_QUALIFIERS: ReadonlySet<string> = new Set([
  'public', 'sort', 'cache', 'idempotency', 'partition', 'primary', 'foreign', 'object', 'row', 'group',
  'message', 'dedupe', 'dedup', 'routing', 'lookup', 'range', 'search', 'translation', 'i18n', 'unique',
  'next', 'page', 'pagination', 'continuation', 'sync', 'cursor', 'websocket', 'hash', 'shard', 'bucket',
  'route', 'resource', 's3', 'file', 'entity', 'record', 'item', 'event', 'storage', 'blob', 'map', 'dict',
  'dictionary', 'foreign', 'composite', 'natural', 'surrogate', 'index', 'label', 'metric', 'tag',
])

/** Credentials as URL / form parameters (Google's ?key=), too generic as JSON keys (S3 logs' "key"). */
export const PARAM_ONLY_NAMES: ReadonlySet<string> = new Set(['key', 'sig'])

/** Names that look secret by their words but are not (compared in lower case). */
export const NOT_SECRET_NAMES: ReadonlySet<string> = new Set([
  'sec-websocket-key', 'sec-websocket-accept', 'token_type', 'tokentype', 'keyid', 'key_id', 'public_key',
])

const NOT_SECRET_VALUES: ReadonlySet<string> = new Set([
  'null', 'nil', 'none', 'undefined', 'true', 'false', 'yes', 'no', 'on', 'off', '0', '1', 'n/a', 'redacted',
  'hidden', 'masked', '[redacted]', '[filtered]', '<redacted>',
])

/** Values that are never secrets: empty, booleans, nulls, and placeholders such as XXXX or ****. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim()
  if (v === '' || /^[*xX•.#_-]+$/.test(v) || !/[\p{L}\p{N}]/u.test(v)) return true
  return NOT_SECRET_VALUES.has(v.toLowerCase())
}

const WORD_SPLIT_RE = /[^a-z0-9]+/

/** "x-Api-Key" → [x, api, key]; "accessToken" → [access, token]; trailing numbers dropped. */
export function nameWords(name: string): string[] {
  const words = name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(WORD_SPLIT_RE)
    .filter((w) => w !== '')
  while (words.length > 1 && /^\d+$/.test(words[words.length - 1])) words.pop()
  return words
}

/** True when a parameter / key name says its value is a credential. */
export function isSecretName(name: string): boolean {
  if (name.length > 128 || NOT_SECRET_NAMES.has(name.toLowerCase())) return false
  const words = nameWords(name)
  if (words.length === 0) return false
  for (let i = 0; i < words.length; i++) {
    if (ANYWHERE_WORDS.has(words[i]) || (i > 0 && ANYWHERE_WORDS.has(words[i - 1] + words[i]))) return true
  }
  const last = words[words.length - 1]
  const before = words.length > 1 ? words[words.length - 2] : ''
  if (LAST_WORDS.has(last)) return !NOT_SECRET_QUALIFIERS.has(before)
  return before !== '' && LAST_WORDS.has(before + last)
}

function classifyUncached(name: string): Strategy | null {
  const trimmed = name.trim()
  for (const rule of NAME_RULES) if (rule.name.test(trimmed)) return rule.strategy
  return CREDENTIAL_HEADERS.has(trimmed.toLowerCase()) || isSecretName(trimmed) ? 'whole' : null
}

/** Logs repeat the same few hundred names: their verdicts are remembered (a bounded cache). */
const verdicts = new Map<string, Strategy | null>()
const MAX_VERDICTS = 10_000

/** How a value under this name is redacted, or null when the name is not a credential. */
export function classifyName(name: string): Strategy | null {
  let verdict = verdicts.get(name)
  if (verdict === undefined) {
    verdict = classifyUncached(name)
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear()
    verdicts.set(name, verdict)
  }
  return verdict
}

/** Like classifyName, for keys of JSON objects. */
export function classifyJsonKey(name: string): Strategy | null {
  return PARAM_ONLY_NAMES.has(name.trim().toLowerCase()) ? null : classifyName(name)
}

/** Cheap gate: text that cannot contain a secret-named key or a credential header name. */
export const SECRET_WORD_RE = /pass|pwd|secret|token|key|sig|auth|sess|cred|cookie|otp|pin|jwt|pw|assertion|hmac/i
