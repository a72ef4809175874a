// Column names as the auto-mapping sees them: case and punctuation folded, unit and zone hints split off.

export type DurationUnit = 'ns' | 'us' | 'ms' | 's' | 'min'

export interface ColumnName {
  /** the header cell as written (made unique with " (2)", " (3)" when repeated) */
  label: string
  /** lower-case letters and digits only: "Status details" → "statusdetails" */
  key: string
  /** `key` without a trailing unit or zone word: "duration_ms" → "duration" */
  baseKey: string
  unit: DurationUnit | null
  /** "UTC" from "TimeGenerated [UTC]" or "ts_utc": the column's times are UTC */
  isUtc: boolean
}

const UNIT_WORDS: Record<string, DurationUnit> = {
  ns: 'ns', nanos: 'ns', nanoseconds: 'ns',
  us: 'us', µs: 'us', micros: 'us', microseconds: 'us',
  ms: 'ms', msec: 'ms', msecs: 'ms', millis: 'ms', milliseconds: 'ms',
  s: 's', sec: 's', secs: 's', seconds: 's',
  min: 'min', mins: 'min', minutes: 'min',
}

/** A bracketed hint at the end: "Duration (ms)", "TimeGenerated [UTC]". */
const BRACKET_RE = /\s*[([]\s*([^)\]]*?)\s*[)\]]\s*$/
/** A unit word after a separator: "duration_ms", "time-taken s", "elapsed.seconds". */
const SUFFIX_RE = /[\s_.-]+(ns|nanos|nanoseconds|us|µs|micros|microseconds|ms|msecs?|millis|milliseconds|s|secs?|seconds|mins?|minutes|utc|gmt)$/i
/** A capitalised unit word after a camel-case boundary: "elapsedMs", "durationSeconds", "timeUtc". */
const CAMEL_SUFFIX_RE = /(?<=[a-z])(Ns|Nanos|Us|Micros|Ms|Millis|Milliseconds|Sec|Secs|Seconds|Mins?|Minutes|Utc|UTC|Gmt|GMT)$/

export function foldKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '')
}

export function describeColumn(label: string): ColumnName {
  let rest = label.trim()
  let unit: DurationUnit | null = null
  let isUtc = false
  const take = (word: string): void => {
    const w = word.toLowerCase()
    if (w === 'utc' || w === 'gmt' || w === 'z') isUtc = true
    else if (UNIT_WORDS[w]) unit = UNIT_WORDS[w]
  }
  const bracket = BRACKET_RE.exec(rest)
  if (bracket) {
    take(bracket[1])
    rest = rest.slice(0, bracket.index)
  }
  const suffix = SUFFIX_RE.exec(rest) ?? CAMEL_SUFFIX_RE.exec(rest)
  if (suffix && suffix.index > 0) {
    take(suffix[1])
    rest = rest.slice(0, suffix.index)
  }
  return { label, key: foldKey(label), baseKey: foldKey(rest), unit, isUtc }
}

/** Header cells with repeated names made unique, so the mapping can name every column. */
export function uniqueLabels(cells: string[]): string[] {
  const seen = new Map<string, number>()
  return cells.map((cell, index) => {
    const base = cell.trim() === '' ? `column ${index + 1}` : cell.trim()
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return count === 1 ? base : `${base} (${count})`
  })
}
