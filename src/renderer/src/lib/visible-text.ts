// Log values are hostile: control characters, bidi overrides and invisible characters are shown as
// visible escapes instead of taking effect (a U+202E could otherwise reverse what the agent reads).

export type TextPart = { text: string; escaped: false } | { text: string; escaped: true; title: string }

// C0 controls except TAB/LF/CR, DEL and C1 controls, soft hyphen, Arabic letter mark, zero-width and
// direction marks, line/paragraph separators, embeddings/overrides, word joiner…isolates, BOM and the
// invisible Unicode tag characters.
const ALWAYS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u061C' +
  '\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2069\\uFEFF\\u{E0000}-\\u{E007F}'
const SINGLE_LINE = new RegExp(`[${ALWAYS}\\t\\n\\r]`, 'gu')
const MULTI_LINE = new RegExp(`[${ALWAYS}]|\\r(?!\\n)`, 'gu')

const NAMES: Record<number, string> = {
  0x09: 'TAB', 0x0a: 'LINE FEED', 0x0d: 'CARRIAGE RETURN', 0x1b: 'ESCAPE', 0x00: 'NULL', 0x7f: 'DELETE',
  0x200b: 'ZERO WIDTH SPACE', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'BYTE ORDER MARK',
}

export function codePointLabel(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0')
  return NAMES[code] ? `U+${hex} ${NAMES[code]}` : `U+${hex}`
}

/**
 * The visible stand-in: \t \n \r for those, \xNN for other C0 controls and DEL, else
 * a \uXXXX escape. Plain ASCII escapes render in every font (Control Pictures such as ␛ do not).
 */
export function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0
  if (code === 0x09) return '\\t'
  if (code === 0x0a) return '\\n'
  if (code === 0x0d) return '\\r'
  if (code < 0x80) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
  const hex = code.toString(16).toUpperCase()
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`
}

/** Splits text into plain runs and escaped characters. `multiline` keeps TAB, LF and CRLF as they are. */
export function splitVisible(text: string, multiline = false): TextPart[] {
  const pattern = multiline ? MULTI_LINE : SINGLE_LINE
  pattern.lastIndex = 0
  const parts: TextPart[] = []
  let last = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), escaped: false })
    const code = match[0].codePointAt(0) ?? 0
    parts.push({ text: escapeChar(match[0]), escaped: true, title: codePointLabel(code) })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last), escaped: false })
  return parts
}

/** The same as a plain string (for titles, aria labels and places that cannot hold markup). */
export function toVisibleText(text: string, multiline = false): string {
  const pattern = multiline ? MULTI_LINE : SINGLE_LINE
  return text.replace(pattern, escapeChar)
}

export function hasInvisibles(text: string): boolean {
  SINGLE_LINE.lastIndex = 0
  return SINGLE_LINE.test(text)
}
