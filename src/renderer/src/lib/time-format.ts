// Timestamps are always shown unambiguously: "2024-05-01 14:05:12.345 UTC" or, in local mode, with
// the offset: "2024-05-01 16:05:12.345 +02:00". Datetime inputs show wall-clock time in the same zone.

export type TimeMode = 'utc' | 'local'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  ms: number
}

function partsOf(date: Date, mode: TimeMode): Parts {
  if (mode === 'utc') {
    return {
      year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
      hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(), ms: date.getUTCMilliseconds(),
    }
  }
  return {
    year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(),
    hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(), ms: date.getMilliseconds(),
  }
}

/** "+02:00" for the local zone at that instant (DST-aware); "UTC" in UTC mode. */
export function zoneSuffix(date: Date, mode: TimeMode): string {
  if (mode === 'utc') return 'UTC'
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  return `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
}

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Full timestamp with milliseconds and zone. */
export function formatTimestamp(value: string | number | Date | null, mode: TimeMode): string {
  if (value === null) return ''
  const date = toDate(value)
  if (!date) return String(value)
  const p = partsOf(date, mode)
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.ms, 3)} ${zoneSuffix(date, mode)}`
}

/** Date and time to the second, with zone (chips, summaries). */
export function formatDateTime(value: string | number | Date, mode: TimeMode, withZone = true): string {
  const date = toDate(value)
  if (!date) return String(value)
  const p = partsOf(date, mode)
  const base = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
  const withMs = p.ms !== 0 ? `${base}.${pad(p.ms, 3)}` : base
  return withZone ? `${withMs} ${zoneSuffix(date, mode)}` : withMs
}

/** Short axis label suited to the tick step: "14:05", "14:05:30", "05-01 14:00", "2024-05-01". */
export function formatAxisLabel(ms: number, stepMs: number, mode: TimeMode): string {
  const p = partsOf(new Date(ms), mode)
  const hm = `${pad(p.hour)}:${pad(p.minute)}`
  if (stepMs < 60_000) return `${hm}:${pad(p.second)}`
  if (stepMs >= 86_400_000) return `${p.year}-${pad(p.month)}-${pad(p.day)}`
  if (p.hour === 0 && p.minute === 0) return `${pad(p.month)}-${pad(p.day)}`
  return hm
}

/**
 * Text for a time input: "2024-05-01 14:05:12" (".345" when there are milliseconds), in the zone.
 * A local wall time that occurs twice (the hour repeated when DST ends) gets its offset appended.
 */
export function toInputValue(iso: string | undefined, mode: TimeMode): string {
  if (!iso) return ''
  const date = toDate(iso)
  if (!date) return ''
  const wall = formatDateTime(date, mode, false)
  if (mode === 'local' && fromInputValue(wall, mode) !== date.toISOString()) return `${wall} ${zoneSuffix(date, mode)}`
  return wall
}

const INPUT_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i

/**
 * Parses what an agent types or pastes into a time input: "2024-05-01", "2024-05-01 14:05",
 * "2024-05-01T14:05:12.345", optionally with a zone ("Z", "UTC", "+02:00") that then wins over
 * the display zone. Returns an ISO instant, or null when the text is not a time.
 */
export function fromInputValue(value: string, mode: TimeMode): string | null {
  const m = INPUT_RE.exec(value.trim())
  if (!m) return null
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0))
  const ms = Number((m[7] ?? '0').padEnd(3, '0'))
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null
  const zone = m[8]
  let time: number
  if (zone) {
    const offset = /^[+-]/.test(zone) ? zoneOffsetMinutes(zone) : 0
    time = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000
  } else if (mode === 'utc') {
    time = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  } else {
    time = new Date(year, month - 1, day, hour, minute, second, ms).getTime()
  }
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

function zoneOffsetMinutes(zone: string): number {
  const digits = zone.replace(':', '')
  const sign = digits[0] === '-' ? -1 : 1
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)))
}

/** "UTC", or "UTC+02:00" for local time: a compact tag next to time inputs. */
export function shortZoneLabel(mode: TimeMode, at: Date = new Date()): string {
  return mode === 'utc' ? 'UTC' : `UTC${zoneSuffix(at, 'local')}`
}

/** "UTC" or "local, UTC+02:00" describing the zone times are shown in. */
export function zoneLabel(mode: TimeMode, at: Date = new Date()): string {
  return mode === 'utc' ? 'UTC' : `local, UTC${zoneSuffix(at, 'local')}`
}

/** "850 ms", "1.25 s", "2 min 05 s", "3 h 10 min" */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return ''
  if (ms < 1) return `${ms.toFixed(2)} ms`
  if (ms < 1000) return `${Math.round(ms * 10) / 10} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  const totalSeconds = Math.round(ms / 1000)
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)} min ${pad(totalSeconds % 60)} s`
  const minutes = Math.round(totalSeconds / 60)
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`
  return `${Math.round(minutes / 60 / 24)} days`
}

/** Human span between two instants, e.g. "8 h 00 min". */
export function formatSpan(fromIso: string | null, toIso: string | null): string {
  if (!fromIso || !toIso) return ''
  return formatDuration(Date.parse(toIso) - Date.parse(fromIso))
}
