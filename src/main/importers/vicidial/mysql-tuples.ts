// Reads the value tuples of a MySQL INSERT statement: '(1,'a\'b',NULL,0.5),(…);' with MySQL string
// escapes (\0 \' \" \b \n \r \t \Z \\ \% \_ and doubled quotes). Values come back as text or null.

export type TupleValue = string | null

export type TupleStep =
  | { kind: 'tuple'; values: TupleValue[]; start: number; end: number }
  /** the statement ended (';'), or the text holds nothing more */
  | { kind: 'end'; end: number }
  /** the tuple continues past the end of the text */
  | { kind: 'incomplete'; start: number }
  | { kind: 'error'; start: number; end: number; message: string }

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a', '\\': '\\', "'": "'", '"': '"',
}

const BACKSLASH = 92

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && isSpace(text.charCodeAt(i))) i++
  return i
}

/** A quoted string starting at the quote `from`; null when the closing quote is not in the text. */
function readString(text: string, from: number): { value: string; next: number } | null {
  const quote = text.charCodeAt(from)
  let out = ''
  let chunkStart = from + 1
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === BACKSLASH) {
      if (i + 1 >= text.length) return null
      const next = text[i + 1]
      out += text.slice(chunkStart, i) + (ESCAPES[next] ?? (next === '%' || next === '_' ? `\\${next}` : next))
      i++
      chunkStart = i + 1
    } else if (c === quote) {
      if (i + 1 >= text.length) return null
      if (text.charCodeAt(i + 1) !== quote) return { value: out + text.slice(chunkStart, i), next: i + 1 }
      out += text.slice(chunkStart, i + 1)
      i++
      chunkStart = i + 1
    }
  }
  return null
}

/** An unquoted literal: NULL, a number, 0x…, or a _charset'…' prefix (the quoted part follows). */
function readBare(text: string, from: number): { value: TupleValue; next: number } {
  let i = from
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 44 || c === 41 || c === 39 || c === 34 || isSpace(c)) break
    i++
  }
  const word = text.slice(from, i)
  return { value: word.toUpperCase() === 'NULL' ? null : word, next: i }
}

/** Reads the next tuple at or after `from` ("(…)" followed by "," or ";"). */
export function nextTuple(text: string, from: number): TupleStep {
  let i = skipSpace(text, from)
  if (i < text.length && text[i] === ',') i = skipSpace(text, i + 1)
  if (i >= text.length) return { kind: 'end', end: i }
  if (text[i] === ';') return { kind: 'end', end: i + 1 }
  const start = i
  if (text[i] !== '(') return { kind: 'error', start, end: text.length, message: `expected "(" at "${text.slice(i, i + 20)}"` }
  const values: TupleValue[] = []
  i++
  for (;;) {
    i = skipSpace(text, i)
    if (i >= text.length) return { kind: 'incomplete', start }
    const c = text[i]
    if (c === ')' && values.length === 0) return { kind: 'tuple', values, start, end: i + 1 }
    if (c === "'" || c === '"') {
      const s = readString(text, i)
      if (!s) return { kind: 'incomplete', start }
      values.push(s.value)
      i = s.next
    } else {
      const bare = readBare(text, i)
      i = bare.next
      if (bare.value !== null && /^_\w+$/.test(bare.value) && (text[i] === "'" || text[i] === '"')) continue
      values.push(bare.value)
    }
    i = skipSpace(text, i)
    if (i >= text.length) return { kind: 'incomplete', start }
    if (text[i] === ',') {
      i++
      continue
    }
    if (text[i] === ')') return { kind: 'tuple', values, start, end: i + 1 }
    return { kind: 'error', start, end: findTupleEnd(text, i), message: `unexpected "${text.slice(i, i + 20)}" in a VALUES tuple` }
  }
}

/** Where to resume after a broken tuple: after the next "),(" or the end of the text. */
function findTupleEnd(text: string, from: number): number {
  const next = text.indexOf('),(', from)
  return next < 0 ? text.length : next + 1
}
