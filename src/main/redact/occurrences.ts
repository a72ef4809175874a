// Replaces every occurrence of the secrets a record's structured rules found, in every text field,
// in the spellings they take there: as is, JSON-escaped (once or twice), URL- or form-encoded.
import { safeDecode } from '../importers/normalize'
import { isInsideTag } from './tag'

/** Secrets shorter than this are only replaced where a rule found them (a short one would hit words). */
export const MIN_GLOBAL_LENGTH = 4
/** Letters-only secrets (human passwords, or words a rule mistook for one) need this length too. */
export const MIN_GLOBAL_WORD_LENGTH = 8
/** Secrets shorter than this must stand alone (not inside a longer word) to be replaced. */
export const MIN_UNBOUNDED_LENGTH = 12

export interface Needle {
  text: string
  replacement: string
  /** only where not part of a longer alphanumeric run */
  bounded: boolean
}

const ALNUM_RE = /[A-Za-z0-9]/
/** `%2C`, `\n`, `\u00e9` before a match end a word too */
const ESCAPE_BEFORE_RE = /(?:%[0-9A-Fa-f]{2}|\\[nrtbf/]|\\u[0-9A-Fa-f]{4})$/

const hexEscape = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
const strictEncode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, hexEscape)
const jsonEscape = (text: string) => JSON.stringify(text).slice(1, -1)

const MAX_CACHED_SPELLINGS = 5_000

/** The spellings a secret can take in logs, remembered in `memo` (the same secrets recur row after row). */
export function spellings(secret: string, memo?: Map<string, string[]>): string[] {
  let cached = memo?.get(secret)
  if (cached === undefined) {
    cached = spellingsOf(secret)
    if (memo && memo.size >= MAX_CACHED_SPELLINGS) memo.clear()
    memo?.set(secret, cached)
  }
  return cached
}

function spellingsOf(secret: string): string[] {
  const out = new Set<string>([secret])
  const addEncoded = (text: string) => {
    const json = jsonEscape(text)
    const slashed = json.replace(/\//g, '\\/')
    const twice = jsonEscape(json)
    out.add(json).add(slashed).add(twice).add(jsonEscape(slashed)).add(twice.replace(/\//g, '\\/'))
    const url = encodeURIComponent(text)
    out.add(url).add(url.replace(/%20/g, '+')).add(strictEncode(text))
    out.add(url.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()))
  }
  addEncoded(secret)
  if (/%[0-9A-Fa-f]{2}|\+/.test(secret)) {
    const decoded = safeDecode(secret)
    out.add(decoded)
    addEncoded(decoded)
  }
  return [...out]
}

/** Needles for a set of secrets, longest first so a longer spelling wins over its own prefix. */
export function needlesFor(
  secrets: Iterable<[string, string]>,
  substitutions: Map<string, string>,
  memo?: Map<string, string[]>,
): Needle[] {
  const needles = new Map<string, Needle>()
  for (const [secret, tag] of secrets) {
    if (secret.length < MIN_GLOBAL_LENGTH) continue
    if (secret.length < MIN_GLOBAL_WORD_LENGTH && /^\p{L}+$/u.test(secret)) continue
    for (const text of spellings(secret, memo)) {
      if (needles.has(text)) continue
      needles.set(text, { text, replacement: tag, bounded: text.length < MIN_UNBOUNDED_LENGTH })
    }
  }
  for (const [text, replacement] of substitutions) needles.set(text, { text, replacement, bounded: false })
  return [...needles.values()].sort((a, b) => b.text.length - a.text.length)
}

function standsAlone(text: string, start: number, end: number, needle: string): boolean {
  if (ALNUM_RE.test(needle[0]) && start > 0 && ALNUM_RE.test(text[start - 1])) {
    if (!ESCAPE_BEFORE_RE.test(text.slice(Math.max(0, start - 6), start))) return false
  }
  return !(ALNUM_RE.test(needle[needle.length - 1]) && end < text.length && ALNUM_RE.test(text[end]))
}

function replaceNeedle(text: string, needle: Needle): string {
  let index = text.indexOf(needle.text)
  if (index < 0) return text
  let out = ''
  let copied = 0
  while (index >= 0) {
    const end = index + needle.text.length
    if ((!needle.bounded || standsAlone(text, index, end, needle.text)) && !isInsideTag(text, index)) {
      out += text.slice(copied, index) + needle.replacement
      copied = end
      index = text.indexOf(needle.text, end)
    } else {
      index = text.indexOf(needle.text, index + 1)
    }
  }
  return copied === 0 ? text : out + text.slice(copied)
}

/** Replaces every needle (at least `minLength` long) in the text. */
export function replaceOccurrences(text: string, needles: readonly Needle[], minLength = 0): string {
  let out = text
  for (const needle of needles) if (needle.text.length >= minLength) out = replaceNeedle(out, needle)
  return out
}
