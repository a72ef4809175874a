// Credential values in JSON text, found by their key at any depth without parsing (so no recursion
// and no failure on truncated documents): "password": "…", "Authorization": "Bearer …", HAR-style
// {"name": "X-Api-Key", "value": "…"}, and the same inside JSON-escaped strings (\"token\":\"…\").
import { STRATEGIES, type Mark } from './value-strategies'
import { classifyJsonKey, classifyName, SECRET_WORD_RE, type Strategy } from './names'

// Sticky: tried only where a secret-ish word occurs inside a key (see replaceNamedMembers).
const MEMBER_RE = /"((?:[^"\\\r\n]|\\.){1,128}?)"(\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?![\w.]))/y
const ESCAPED_MEMBER_RE = /\\"([^"\\]{1,128})\\"(\s*:\s*)(\\"[^"\\]*\\"|-?\d+(?:\.\d+)?(?![\w.]))/y
const SECRET_WORDS = new RegExp(SECRET_WORD_RE.source, 'gi')
const NAME_VALUE_RE = /"name"(\s*:\s*)"((?:[^"\\]|\\.){1,256}?)"(\s*,\s*"value"\s*:\s*)"((?:[^"\\]|\\.)*)"/g

function decodeJsonString(quoted: string): string | null {
  try {
    const value: unknown = JSON.parse(quoted)
    return typeof value === 'string' ? value : null
  } catch {
    return null
  }
}

/** Redacts a JSON string literal (with its quotes) or number under a credential name. */
function redactLiteral(literal: string, strategy: Strategy, mark: Mark): string {
  if (!literal.startsWith('"')) {
    const tag = STRATEGIES.whole(literal, mark)
    return tag === literal ? literal : `"${tag}"`
  }
  const inner = literal.slice(1, -1)
  if (!inner.includes('\\')) return `"${STRATEGIES[strategy](inner, mark)}"`
  const decoded = decodeJsonString(literal)
  if (decoded === null) return `"${STRATEGIES[strategy](inner, mark)}"`
  const redacted = STRATEGIES[strategy](decoded, mark)
  return redacted === decoded ? literal : JSON.stringify(redacted)
}

function strategyForKey(key: string, classify: (name: string) => Strategy | null): Strategy | null {
  return classify(key.includes('\\') ? (decodeJsonString(`"${key}"`) ?? key) : key)
}

/**
 * Rewrites the members whose key holds a secret-ish word. Only keys can name a credential, so
 * instead of matching every member of a large document, each occurrence of such a word is traced
 * back to the quote that opens its string and the member pattern is tried there.
 */
function replaceNamedMembers(
  text: string,
  member: RegExp,
  escaped: boolean,
  replace: (all: string, key: string, colon: string, literal: string) => string,
): string {
  let out = ''
  let copied = 0
  SECRET_WORDS.lastIndex = 0
  for (let word = SECRET_WORDS.exec(text); word !== null; word = SECRET_WORDS.exec(text)) {
    const quote = text.lastIndexOf('"', word.index)
    if (quote < 0) continue
    const isEscapedQuote = quote > 0 && text.charCodeAt(quote - 1) === 92
    if (isEscapedQuote !== escaped) continue
    const start = escaped ? quote - 1 : quote
    if (start < copied) continue
    member.lastIndex = start
    const found = member.exec(text)
    const keyEnd = start + (escaped ? 2 : 1) + (found?.[1].length ?? 0)
    if (!found || word.index >= keyEnd) continue
    out += text.slice(copied, start) + replace(found[0], found[1], found[2], found[3])
    copied = start + found[0].length
    SECRET_WORDS.lastIndex = copied
  }
  return copied === 0 ? text : out + text.slice(copied)
}

export function redactJsonMembers(text: string, mark: Mark): string {
  let out = text
  if (out.includes('"name"')) {
    out = out.replace(NAME_VALUE_RE, (all, c1: string, name: string, c2: string, value: string) => {
      const strategy = strategyForKey(name, classifyName)
      return strategy ? `"name"${c1}"${name}"${c2}${redactLiteral(`"${value}"`, strategy, mark)}` : all
    })
  }
  out = replaceNamedMembers(out, MEMBER_RE, false, (all, key, colon, literal) => {
    const strategy = strategyForKey(key, classifyJsonKey)
    return strategy ? `"${key}"${colon}${redactLiteral(literal, strategy, mark)}` : all
  })
  if (out.includes('\\"')) {
    out = replaceNamedMembers(out, ESCAPED_MEMBER_RE, true, (all, key, colon, literal) => {
      const strategy = classifyJsonKey(key)
      if (!strategy) return all
      const quoted = literal.startsWith('\\"')
      const value = quoted ? literal.slice(2, -2) : literal
      const redacted = STRATEGIES[quoted ? strategy : 'whole'](value, mark)
      return redacted === value ? all : `\\"${key}\\"${colon}\\"${redacted}\\"`
    })
  }
  return out
}
