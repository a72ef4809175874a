// Pattern rules for free text (URLs, bodies, error texts, the raw record): each finds credentials
// by their shape or by the name next to them, rewrites them in place and records them. Rules are
// data; each has a cheap gate so plain text costs a few `includes` calls.
import { SECRET_WORD_RE } from './names'
import { redactJsonMembers } from './json-members'
import { redactKeyValues } from './key-values'
import { JWT_RE, redactAuthorization, redactNamedValue, type Mark } from './value-strategies'

export interface TextContext {
  /** the record failed (VICIdial logs the submitted password only on failed logins) */
  isError: boolean
}

export interface TextRule {
  id: string
  description: string
  /** only worth running when a secret-ish word occurs in the text (rules keyed on names) */
  byName?: boolean
  gate(text: string, ctx: TextContext): boolean
  apply(text: string, mark: Mark): string
}

const AUTH_SCHEME_RE = /\b(bearer|basic|token)(\s+)([A-Za-z0-9._~+/=-]{8,})(?![A-Za-z0-9._~+/=«-])/gi
const USERINFO_RE = /\b([a-z][a-z0-9+.-]{0,20}:\/\/[^/?#@\s:"'<>\\]*:)([^/?#@\s"'<>\\]+)@/gi
const HEADER_LINE_RE = /^([ \t]*[A-Za-z][A-Za-z0-9_-]{1,63}[ \t]*:[ \t]*)([^\r\n"]{1,4096})$/gm
/** cell start, user|, the password, |auth[|auth_api|message|], cell end (CSV, TSV, SQL dumps) */
const VICIDIAL_DATA_RE =
  /(^|["',\t\n(])([^|"',\t\r\n]{0,64}\|)([^|"\t\r\n]{1,128})(\|-?\d{1,4}(?:\|-?\d{1,4}\|[A-Za-z_ ]{0,32}\|)?)(?=$|["',\t\r\n)])/g
const VICIDIAL_ECHO_RE = /(Invalid Username\/Password: ?\|[^|\r\n]{0,64}\|)([^|\r\n]{1,128})\|/g

/** Whether some URL in the text has an `@` in its authority (scheme://user:pw@host) — cheap. */
function hasUserinfo(text: string): boolean {
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    for (let i = at + 3; i < text.length && i < at + 512; i++) {
      const c = text.charCodeAt(i)
      if (c === 64) return true // @
      // / ? # whitespace " ' < > \ end the authority
      if (c === 47 || c === 63 || c === 35 || c <= 32 || c === 34 || c === 39 || c === 60 || c === 62 || c === 92) break
    }
  }
  return false
}

function isBasicCredential(text: string): boolean {
  const decoded = Buffer.from(text, 'base64').toString('utf8')
  if (!/^[^\u0000-\u001f:]*:[^\u0000-\u001f]*$/.test(decoded)) return false
  return Buffer.from(decoded, 'utf8').toString('base64').replace(/=+$/, '') === text.replace(/=+$/, '')
}

function redactAuthSchemes(text: string, mark: Mark): string {
  return text.replace(AUTH_SCHEME_RE, (all, scheme: string, gap: string, credential: string) => {
    const plausible = scheme.toLowerCase() === 'basic' ? isBasicCredential(credential) : /[\d._~+/=-]/.test(credential)
    if (!plausible) return all
    return redactAuthorization(`${scheme}${gap}${credential}`, mark)
  })
}

function redactHeaderLines(text: string, mark: Mark): string {
  return text.replace(HEADER_LINE_RE, (_all, name: string, value: string) =>
    name + redactNamedValue(name.slice(0, name.indexOf(':')).trim(), value, mark),
  )
}

export const TEXT_RULES: readonly TextRule[] = [
  {
    id: 'json-member',
    byName: true,
    description:
      'secret-named JSON members ("password": "…", "Authorization": "Bearer …") at any depth, ' +
      'also JSON-escaped inside strings',
    gate: (text) => text.includes('":') || text.includes('" :') || text.includes('\\":'),
    apply: redactJsonMembers,
  },
  {
    id: 'key-value',
    byName: true,
    description: 'secret-named key=value pairs: query strings, fragments, form bodies, log lines',
    gate: (text) => text.includes('='),
    apply: redactKeyValues,
  },
  {
    id: 'header-line',
    byName: true,
    description: 'credential headers written as "Name: value" lines (HTTP dumps, YAML)',
    gate: (text) => text.includes(':'),
    apply: redactHeaderLines,
  },
  {
    id: 'auth-scheme',
    description: 'Bearer / Basic / Token credentials anywhere in text (the scheme is kept)',
    gate: (text) => /bearer|basic|token/i.test(text),
    apply: redactAuthSchemes,
  },
  {
    id: 'url-userinfo',
    description: 'the password in scheme://user:password@host (the user is kept)',
    gate: hasUserinfo,
    apply: (text, mark) => text.replace(USERINFO_RE, (_all, head: string, pw: string) => `${head}${mark(pw)}@`),
  },
  {
    id: 'jwt',
    description: 'JWTs anywhere: the signature is replaced, header and payload are kept',
    gate: (text) => text.includes('eyJ'),
    apply: (text, mark) => text.replace(JWT_RE, (_all, head: string, signature: string) => head + mark(signature)),
  },
  {
    id: 'vicidial-login-data',
    description: 'VICIdial `data` on failed Agent API logins: user|pass|auth[|auth_api|auth_message|] (the password)',
    gate: (text, ctx) => ctx.isError && text.includes('|'),
    apply: (text, mark) =>
      text.replace(VICIDIAL_DATA_RE, (_all, lead: string, user: string, pw: string, rest: string) =>
        lead + user + mark(pw) + rest,
      ),
  },
  {
    id: 'vicidial-login-echo',
    description: 'the Agent API reply "Invalid Username/Password: |user|pass|…" (the password)',
    gate: (text) => text.includes('Invalid Username/Password'),
    apply: (text, mark) => text.replace(VICIDIAL_ECHO_RE, (_all, head: string, pw: string) => `${head}${mark(pw)}|`),
  },
]

/** Runs every rule whose gate passes; key-name rules only when a secret-ish word occurs at all. */
export function redactText(text: string, mark: Mark, ctx: TextContext): string {
  const named = SECRET_WORD_RE.test(text)
  let out = text
  for (const rule of TEXT_RULES) {
    if (rule.byName && !named) continue
    if (rule.gate(out, ctx)) out = rule.apply(out, mark)
  }
  return out
}
