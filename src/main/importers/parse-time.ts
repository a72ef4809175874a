// Timestamp parsing shared by the importers. Every function returns UTC epoch ms or null.

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
}

/** Converts wall-clock epoch ms (fields read as if UTC) to real UTC in the source's zone. */
export type WallClock = (wallMs: number) => number

function fraction(text: string | undefined): number {
  if (!text) return 0
  return Math.round(Number(`0.${text}`) * 1000)
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0
  const sign = zone[0] === '-' ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'))
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}:?\d{2}|[+-]\d{2}(?!\d))?$/

/**
 * ISO-8601 and SQL-style "YYYY-MM-DD HH:MM[:SS[.fff]][zone]"; a time without a zone is read in the
 * source's zone through `wall`. A bare date is midnight.
 */
export function parseIsoTime(text: string, wall: WallClock): number | null {
  const trimmed = text.trim()
  const m = ISO_RE.exec(trimmed)
  if (!m) {
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed)
    return d ? wall(Date.UTC(+d[1], +d[2] - 1, +d[3])) : null
  }
  const wallMs = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0), fraction(m[7]))
  if (Number.isNaN(wallMs)) return null
  return m[8] ? wallMs - zoneOffsetMinutes(m[8]) * 60000 : wall(wallMs)
}

const CLF_RE = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:\s+([+-]\d{4}))?$/

/** Common Log Format time: "10/Oct/2000:13:55:36 -0700" (the zone is optional). */
export function parseClfTime(text: string, wall: WallClock): number | null {
  const m = CLF_RE.exec(text.trim())
  if (!m) return null
  const month = MONTHS[m[2].toLowerCase()]
  if (month === undefined) return null
  const wallMs = Date.UTC(+m[3], month, +m[1], +m[4], +m[5], +m[6], fraction(m[7]))
  return m[8] ? wallMs - zoneOffsetMinutes(m[8]) * 60000 : wall(wallMs)
}

/**
 * Epoch numbers: seconds (with fraction), milliseconds, microseconds or nanoseconds, told apart
 * by magnitude (valid for dates between 1973 and 2286).
 */
export function parseEpoch(value: number | string): number | null {
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(n) || n <= 0) return null
  if (n < 1e11) return Math.round(n * 1000)
  if (n < 1e14) return Math.round(n)
  if (n < 1e17) return Math.round(n / 1000)
  return Math.round(n / 1e6)
}

const DMY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(AM|PM)?$/i

/** "dd/mm/yyyy, hh:mm:ss.fff" (Azure Log Analytics exports) or with `monthFirst` "mm/dd/yyyy". */
export function parseSlashDateTime(text: string, wall: WallClock, monthFirst = false): number | null {
  const m = DMY_RE.exec(text.trim())
  if (!m) return null
  let hour = +m[4]
  if (m[8]) hour = (hour % 12) + (m[8].toUpperCase() === 'PM' ? 12 : 0)
  const [day, month] = monthFirst ? [+m[2], +m[1]] : [+m[1], +m[2]]
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  return wall(Date.UTC(+m[3], month - 1, day, hour, +m[5], +(m[6] ?? 0), fraction(m[7])))
}

/** Tries every known textual form, then epoch numbers; null when nothing fits. */
export function parseAnyTime(value: unknown, wall: WallClock): number | null {
  if (typeof value === 'number') return parseEpoch(value)
  if (typeof value !== 'string' || value.trim() === '') return null
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return parseEpoch(text)
  const parsed =
    parseIsoTime(text, wall) ??
    parseClfTime(text, wall) ??
    parseSlashDateTime(text, wall) ??
    parseRfc2822(text)
  return parsed
}

/** RFC 2822 / HTTP dates ("Tue, 15 Nov 1994 08:12:31 GMT"), which always carry a zone. */
function parseRfc2822(text: string): number | null {
  if (!/^[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(:\d{2})?\s+(GMT|UTC|[+-]\d{4})$/.test(text)) {
    return null
  }
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? null : ms
}
