// `name=value` pairs with a credential name, wherever they are: query strings, URL fragments, form
// bodies, `k=v` log lines, VICIdial URLs (pass, phone_pass, agent_pass). A linear scan from each
// '=' (no regex backtracking over long lines).
import { safeDecode } from '../importers/normalize'
import { classifyName } from './names'
import { STRATEGIES, type Mark } from './value-strategies'

const MAX_NAME = 64

function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128)
  for (const c of chars) table[c.charCodeAt(0)] = 1
  return table
}

const NAME_CHARS = charTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-[]')
/** where a value ends: separators of query strings, cookies, quoting, markup, JSON-escaped text */
const VALUE_STOPS = charTable('&\t\n\r "\'<>#,;|\\{}()[]')

const isNameChar = (code: number) => code < 128 && NAME_CHARS[code] === 1
const isValueStop = (code: number) => code < 128 && VALUE_STOPS[code] === 1

function valueEnd(text: string, from: number): number {
  let end = from
  while (end < text.length && !isValueStop(text.charCodeAt(end))) end++
  return end
}

function nameStart(text: string, eq: number): number {
  let start = eq
  while (start > 0 && eq - start < MAX_NAME && isNameChar(text.charCodeAt(start - 1))) start--
  // a name cut by the length limit is not a name
  return start > 0 && isNameChar(text.charCodeAt(start - 1)) ? eq : start
}

const TOKEN_VALUE_RE = /^[A-Za-z0-9%+/=_~-]{4,}$/

/**
 * Script rather than parameters: `d.prototype.keys=function(…)`, `this.key=++Qe`, `a.J[b.key]=b`.
 * A dotted name (a member expression in code, rare in forms) counts only with a token-like value.
 */
function looksLikeCode(name: string, value: string, next: string | undefined): boolean {
  return next === '(' || (name.includes('.') && !(TOKEN_VALUE_RE.test(value) && /[A-Za-z0-9]{4}/.test(value)))
}

/** Rewrites the values of credential-named `name=value` pairs in place. */
export function redactKeyValues(text: string, mark: Mark): string {
  let out = ''
  let copied = 0
  let eq = text.indexOf('=')
  // a later '=' inside the same run of value characters ends where the earlier one did: scanned once
  let runEnd = 0
  while (eq >= 0) {
    const start = nameStart(text, eq)
    const end = eq + 1 < runEnd ? runEnd : (runEnd = valueEnd(text, eq + 1))
    let next = eq + 1
    if (start < eq && end > eq + 1) {
      const written = text.slice(start, eq)
      const name = (/[%+]/.test(written) ? safeDecode(written) : written).replace(/\[\]$/, '')
      const value = text.slice(eq + 1, end)
      const strategy = looksLikeCode(name, value, text[end]) ? null : classifyName(name)
      if (strategy) {
        const redacted = STRATEGIES[strategy](value, mark)
        if (redacted !== value) {
          out += text.slice(copied, eq + 1) + redacted
          copied = next = end
        }
      }
    }
    // values that are not secret are searched too: a URL inside a parameter has its own query
    eq = text.indexOf('=', next)
  }
  return copied === 0 ? text : out + text.slice(copied)
}
