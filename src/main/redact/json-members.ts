// Credential values in JSON text, found by their key at any depth without parsing (so no recursion
// and no failure on truncated documents): "password": "…", "Authorization": "Bearer …", HAR-style
// {"name": "X-Api-Key", "value": "…"}, and the same inside JSON-escaped strings (\"token\":\"…\").
import { STRATEGIES, type Mark } from './value-strategies'
import { classifyJsonKey, classifyName, type Strategy } from './names'

const MEMBER_RE = /"((?:[^"\\\r\n]|\\.){1,128}?)"(\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?![\w.]))/g
const ESCAPED_MEMBER_RE = /\\"([^"\\]{1,128})\\"(\s*:\s*)(\\"[^"\\]*\\"|-?\d+(?:\.\d+)?(?![\w.]))/g
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

export function redactJsonMembers(text: string, mark: Mark): string {
  let out = text
  if (out.includes('"name"')) {
    out = out.replace(NAME_VALUE_RE, (all, c1: string, name: string, c2: string, value: string) => {
      const strategy = strategyForKey(name, classifyName)
      return strategy ? `"name"${c1}"${name}"${c2}${redactLiteral(`"${value}"`, strategy, mark)}` : all
    })
  }
  out = out.replace(MEMBER_RE, (all, key: string, colon: string, literal: string) => {
    const strategy = strategyForKey(key, classifyJsonKey)
    return strategy ? `"${key}"${colon}${redactLiteral(literal, strategy, mark)}` : all
  })
  if (out.includes('\\"')) {
    out = out.replace(ESCAPED_MEMBER_RE, (all, key: string, colon: string, literal: string) => {
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
