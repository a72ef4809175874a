// Cell values as exports write them: durations with units, outcome words, "200 OK" codes.
import type { ResultKind } from '../../../shared/types'
import { parseStatus } from '../normalize'
import { RESULT_WORDS } from './field-aliases'
import type { DurationUnit } from './header-names'

const UNIT_MS: Record<DurationUnit, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, min: 60000 }

const WORD_UNITS: Record<string, DurationUnit> = {
  ns: 'ns', nanos: 'ns', nanoseconds: 'ns',
  us: 'us', µs: 'us', micros: 'us', microseconds: 'us',
  ms: 'ms', msec: 'ms', msecs: 'ms', millis: 'ms', millisecond: 'ms', milliseconds: 'ms',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  m: 'min', min: 'min', mins: 'min', minute: 'min', minutes: 'min',
}

const NUMBER_UNIT_RE = /^(-?\d+(?:[.,]\d+)?|-?[.,]\d+)\s*([a-zµ]+)?$/i
const CLOCK_RE = /^(\d+):([0-5]\d):([0-5]\d(?:[.,]\d+)?)$/
const COMPOUND_RE = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/i

function decimal(text: string): number {
  return Number(text.includes(',') && !text.includes('.') ? text.replace(',', '.') : text)
}

const SUFFIX_MS: ReadonlyArray<[string, number]> = [['ms', 1], ['us', 1e-3], ['µs', 1e-3], ['ns', 1e-6], ['s', 1000]]

/** "350 ms", "1.2s": a decimal number and a short unit (the common case, without a regex). */
function numberWithUnit(value: string): number | null {
  for (const [suffix, factor] of SUFFIX_MS) {
    if (!value.endsWith(suffix)) continue
    const number = value.slice(0, value.length - suffix.length).trimEnd()
    const n = +number
    return number !== '' && Number.isFinite(n) ? tidy(n * factor) : null
  }
  return null
}

/** Rounds away binary noise (0.1 s → 100, not 100.00000000000001) while keeping sub-ms detail. */
function tidy(ms: number): number {
  return Math.round(ms * 1e6) / 1e6
}

/**
 * Milliseconds from "350", "350 ms", "1.2 s", "1,5s", "00:00:01.250", "1m30s"; a plain number is read
 * in the column's unit (milliseconds unless the header says otherwise). Null when not a duration.
 */
export function parseDuration(text: string, unit: DurationUnit | null): number | null {
  const value = text.trim()
  if (value === '' || value === '-') return null
  const last = value.charCodeAt(value.length - 1)
  if (last >= 48 && last <= 57) {
    const plain = +value
    if (Number.isFinite(plain)) return tidy(plain * UNIT_MS[unit ?? 'ms'])
  } else {
    const fast = numberWithUnit(value)
    if (fast !== null) return fast
  }
  const m = NUMBER_UNIT_RE.exec(value)
  if (m) {
    const n = decimal(m[1])
    if (!Number.isFinite(n)) return null
    if (!m[2]) return tidy(n * UNIT_MS[unit ?? 'ms'])
    const word = WORD_UNITS[m[2].toLowerCase()]
    return word ? tidy(n * UNIT_MS[word]) : null
  }
  const clock = CLOCK_RE.exec(value)
  if (clock) return tidy((+clock[1] * 3600 + +clock[2] * 60 + decimal(clock[3])) * 1000)
  const compound = COMPOUND_RE.exec(value)
  if (compound && (compound[1] || compound[2] || compound[3] || compound[4])) {
    const [h, min, s, ms] = [compound[1], compound[2], compound[3], compound[4]].map((p) => (p ? Number(p) : 0))
    return tidy(h * 3_600_000 + min * 60_000 + s * 1000 + ms)
  }
  return null
}

/** Outcome from a word such as Success / Error / FAILED / true; null when the word is not one. */
export function parseResultWord(text: string): ResultKind | null {
  const word = text.trim().toLowerCase()
  return word === '' ? null : (RESULT_WORDS[word] ?? null)
}

function isDigit(text: string, at: number): boolean {
  const c = text.charCodeAt(at)
  return c >= 48 && c <= 57
}

/** An HTTP status (100–599) at the start of the value: "200", "404 Not Found"; else null. */
export function parseHttpStatus(text: string): number | null {
  if (text.length === 3 && isDigit(text, 0) && isDigit(text, 1) && isDigit(text, 2)) {
    const n = +text
    return n >= 100 && n <= 599 ? n : null
  }
  const status = parseStatus(text)
  return status !== null && status >= 100 && status <= 599 ? status : null
}

/**
 * Remembers a function's answers for the first `limit` distinct inputs: log columns such as result,
 * status or endpoint repeat a handful of values millions of times.
 */
export function memoize<T>(read: (text: string) => T, limit = 512): (text: string) => T {
  const seen = new Map<string, T>()
  return (text) => {
    const known = seen.get(text)
    if (known !== undefined || seen.has(text)) return known as T
    const value = read(text)
    if (seen.size < limit) seen.set(text, value)
    return value
  }
}

/** The words after the code in "404 Not Found"; null when there are none. */
export function statusTextAfterCode(text: string): string | null {
  const m = /^\s*\d{3}\s+(.+?)\s*$/.exec(text)
  return m ? m[1] : null
}
