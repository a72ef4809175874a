// Picks one timestamp reader per column from its first values: ISO/SQL, epoch, compact, slash dates
// (day-first or month-first, decided from the values), month names. Zone-less values go through `wall`.
import { parseAnyTime, parseEpoch, parseIsoTime, parseSlashDateTime, type WallClock } from '../parse-time'

export type TimeReader = (text: string) => number | null

type Kind = 'iso' | 'epoch' | 'compact' | 'slash' | 'ymdSlash' | 'monthName' | 'any'

const ISO_HEAD_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]|$)/
const EPOCH_RE = /^\d{9,19}(?:\.\d+)?$/
const COMPACT_RE = /^((?:19|20)\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?$/
const SLASH_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*([AaPp][Mm])?)?$/
const YMD_SLASH_RE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T](.*))?$/
const MONTH_NAME_RE =
  /^(?:[A-Za-z]{3,9},?\s+)?(?:([A-Za-z]{3,9})\.?\s+(\d{1,2}),?|(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-])\s*(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*([AaPp][Mm])?(?:\s+(UTC|GMT|Z))?$/
const ZONE_WORD_RE = /\s+(?:UTC|GMT)$/i

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

const MIN_YEAR_MS = Date.UTC(1990, 0, 1)
const MAX_YEAR_MS = Date.UTC(2100, 0, 1)

function plausible(ms: number | null): boolean {
  return ms !== null && ms >= MIN_YEAR_MS && ms < MAX_YEAR_MS
}

function fractionMs(text: string | undefined): number {
  return text ? Math.round(Number(`0.${text}`) * 1000) : 0
}

function readIso(text: string, wall: WallClock): number | null {
  const fast = readIsoFast(text, wall)
  if (fast !== undefined) return fast
  const t = text.trim()
  return parseIsoTime(ZONE_WORD_RE.test(t) ? t.replace(ZONE_WORD_RE, 'Z') : t, wall)
}

function digits(text: string, at: number, count: number): number {
  let n = 0
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

/**
 * "YYYY-MM-DD[T ]HH:MM:SS[.fff][Z|±HH:MM]" without regular expressions (the common case in big
 * files); undefined for any other shape, which the general parser then reads.
 */
function readIsoFast(t: string, wall: WallClock): number | null | undefined {
  if (t.length < 19 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(13) !== 58) return undefined
  const sep = t.charCodeAt(10)
  if ((sep !== 84 && sep !== 32) || t.charCodeAt(16) !== 58) return undefined
  const y = digits(t, 0, 4)
  const mo = digits(t, 5, 2)
  const d = digits(t, 8, 2)
  const h = digits(t, 11, 2)
  const mi = digits(t, 14, 2)
  const sec = digits(t, 17, 2)
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return undefined
  let i = 19
  let ms = 0
  if (t.charCodeAt(i) === 46) {
    let end = i + 1
    while (end < t.length && t.charCodeAt(end) >= 48 && t.charCodeAt(end) <= 57) end++
    if (end === i + 1 || end - i - 1 > 3) return undefined
    ms = digits(t, i + 1, end - i - 1) * (end - i - 1 === 1 ? 100 : end - i - 1 === 2 ? 10 : 1)
    i = end
  }
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, sec, ms)
  if (i === t.length) return wall(wallMs)
  const zone = t.charCodeAt(i)
  if ((zone === 90 || zone === 122) && i + 1 === t.length) return wallMs
  if ((zone === 43 || zone === 45) && (t.length === i + 6 || t.length === i + 5)) {
    const zh = digits(t, i + 1, 2)
    const zm = digits(t, t.length - 2, 2)
    if (zh < 0 || zm < 0 || (t.length === i + 6 && t.charCodeAt(i + 3) !== 58)) return undefined
    return wallMs - (zone === 45 ? -1 : 1) * (zh * 60 + zm) * 60000
  }
  return undefined
}

function readCompact(text: string, wall: WallClock): number | null {
  const m = COMPACT_RE.exec(text.trim())
  if (!m) return null
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], fractionMs(m[7]))
  return Number.isNaN(ms) || +m[2] < 1 || +m[2] > 12 ? null : wall(ms)
}

function readSlash(text: string, wall: WallClock, monthFirst: boolean): number | null {
  const m = SLASH_RE.exec(text.trim())
  if (!m) return null
  const time = m[4] ? `${m[4].replace(',', '.')}${m[4].split(':').length === 2 ? ':00' : ''}` : '00:00:00'
  return parseSlashDateTime(`${m[1]}/${m[2]}/${m[3]} ${time}${m[5] ? ' ' + m[5] : ''}`, wall, monthFirst)
}

function readYmdSlash(text: string, wall: WallClock): number | null {
  const m = YMD_SLASH_RE.exec(text.trim())
  if (!m) return null
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}${m[4] ? ' ' + m[4] : ''}`
  return readIso(iso, wall)
}

function readMonthName(text: string, wall: WallClock): number | null {
  const m = MONTH_NAME_RE.exec(text.trim())
  if (!m) return null
  const month = MONTHS.indexOf((m[1] ?? m[4]).slice(0, 3).toLowerCase())
  if (month < 0) return null
  let hour = +m[6]
  if (m[10]) hour = (hour % 12) + (m[10].toLowerCase() === 'pm' ? 12 : 0)
  const ms = Date.UTC(+m[5], month, +(m[2] ?? m[3]), hour, +m[7], +(m[8] ?? 0), fractionMs(m[9]))
  if (Number.isNaN(ms)) return null
  return m[11] ? ms : wall(ms)
}

function readerFor(kind: Kind, wall: WallClock, monthFirst: boolean): TimeReader {
  switch (kind) {
    case 'iso': return (t) => readIso(t, wall)
    case 'epoch': return (t) => parseEpoch(t.trim())
    case 'compact': return (t) => readCompact(t, wall)
    case 'slash': return (t) => readSlash(t, wall, monthFirst)
    case 'ymdSlash': return (t) => readYmdSlash(t, wall)
    case 'monthName': return (t) => readMonthName(t, wall)
    case 'any': return (t) => parseAnyTime(t, wall)
  }
}

function kindOf(text: string): Kind | null {
  if (ISO_HEAD_RE.test(text)) return 'iso'
  if (COMPACT_RE.test(text)) return 'compact'
  if (EPOCH_RE.test(text)) return 'epoch'
  if (SLASH_RE.test(text)) return 'slash'
  if (YMD_SLASH_RE.test(text)) return 'ymdSlash'
  if (MONTH_NAME_RE.test(text)) return 'monthName'
  return 'any'
}

/**
 * Day-first unless the values prove otherwise: a first part above 12 means day-first, a second part
 * above 12 month-first; undecided values with AM/PM (US exports) are month-first.
 */
export function isMonthFirst(samples: string[]): boolean {
  let hasAmPm = false
  for (const sample of samples) {
    const m = SLASH_RE.exec(sample.trim())
    if (!m) continue
    if (+m[1] > 12) return false
    if (+m[2] > 12) return true
    if (m[5]) hasAmPm = true
  }
  return hasAmPm
}

/**
 * A reader for the column, or null when its first values are not timestamps (at least 4 in 5 must
 * read as plausible dates, or all but one). An `isUtc` column ("TimeGenerated [UTC]") ignores `wall`.
 */
export function chooseTimeReader(samples: string[], wall: WallClock, isUtc = false): TimeReader | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '' && s !== '-')
  if (values.length === 0) return null
  const clock: WallClock = isUtc ? (ms) => ms : wall
  const kinds = new Map<Kind, number>()
  for (const value of values) {
    const kind = kindOf(value)
    if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
  }
  const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (!kind) return null
  const reader = readerFor(kind, clock, isMonthFirst(values))
  const good = values.filter((v) => plausible(reader(v))).length
  // 4 in 5 must read; in a small sample one stray value (a footer, a typo) is tolerated
  if (good < values.length * 0.8 && !(good >= 2 && values.length - good <= 1)) return null
  const fallback = readerFor('any', clock, false)
  return (text) => reader(text) ?? fallback(text)
}
