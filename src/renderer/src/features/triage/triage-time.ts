// Times as the customer reports them: a wall-clock time in their zone (an IANA name or ±HH:MM).
// The backend does the real conversion; this reads the same text for the form's checks and for the
// "= 14:30 UTC" preview next to the input.
import { formatDateTime, type TimeMode } from '../../lib/time-format'

export interface ZoneChoice {
  value: string
  label: string
}

/** Zones support agents meet most often, west to east. */
export const COMMON_ZONES: readonly ZoneChoice[] = [
  { value: 'UTC', label: 'UTC' },
  { value: 'Pacific/Honolulu', label: 'Hawaii (Pacific/Honolulu)' },
  { value: 'America/Anchorage', label: 'Alaska (America/Anchorage)' },
  { value: 'America/Los_Angeles', label: 'US Pacific (America/Los_Angeles)' },
  { value: 'America/Phoenix', label: 'Arizona (America/Phoenix)' },
  { value: 'America/Denver', label: 'US Mountain (America/Denver)' },
  { value: 'America/Chicago', label: 'US Central (America/Chicago)' },
  { value: 'America/New_York', label: 'US Eastern (America/New_York)' },
  { value: 'America/Mexico_City', label: 'Mexico City (America/Mexico_City)' },
  { value: 'America/Bogota', label: 'Bogotá, Lima (America/Bogota)' },
  { value: 'America/Sao_Paulo', label: 'São Paulo (America/Sao_Paulo)' },
  { value: 'Europe/London', label: 'UK, Ireland (Europe/London)' },
  { value: 'Europe/Berlin', label: 'Central Europe (Europe/Berlin)' },
  { value: 'Europe/Athens', label: 'Eastern Europe (Europe/Athens)' },
  { value: 'Africa/Johannesburg', label: 'South Africa (Africa/Johannesburg)' },
  { value: 'Asia/Dubai', label: 'Gulf (Asia/Dubai)' },
  { value: 'Asia/Kolkata', label: 'India (Asia/Kolkata)' },
  { value: 'Asia/Manila', label: 'Philippines (Asia/Manila)' },
  { value: 'Asia/Singapore', label: 'Singapore (Asia/Singapore)' },
  { value: 'Asia/Tokyo', label: 'Japan (Asia/Tokyo)' },
  { value: 'Australia/Sydney', label: 'Sydney (Australia/Sydney)' },
  { value: 'Pacific/Auckland', label: 'New Zealand (Pacific/Auckland)' },
]

const OFFSET_RE = /^([+-])(\d{2}):?(\d{2})$/
const WALL_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i

/** The zone of this computer, e.g. "Europe/Berlin" (UTC when the runtime does not say). */
export function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

/** Minutes east of UTC for "+02:00" / "-0430"; null when the text is not an offset. */
export function parseOffset(text: string): number | null {
  const m = OFFSET_RE.exec(text.trim())
  if (!m) return null
  const hours = Number(m[2])
  const minutes = Number(m[3])
  if (hours > 14 || minutes > 59) return null
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
}

/** Whether the backend will accept the zone: UTC, ±HH:MM or an IANA name this runtime knows. */
export function isValidZone(zone: string): boolean {
  const text = zone.trim()
  if (text === '' || /^(utc|gmt|z)$/i.test(text) || parseOffset(text) !== null) return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text })
    return true
  } catch {
    return false
  }
}

/** Minutes east of UTC of an IANA zone at an instant. */
function ianaOffset(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000)
}

/** Minutes east of UTC of `zone` at the instant `ms`. */
export function zoneOffsetAt(ms: number, zone: string): number {
  const text = zone.trim()
  if (text === '' || /^(utc|gmt|z)$/i.test(text)) return 0
  return parseOffset(text) ?? ianaOffset(ms, text)
}

/** A wall-clock time in `zone` as an instant (DST-aware: the offset is checked at the result). */
function wallToUtc(wallMs: number, zone: string): number {
  const first = wallMs - zoneOffsetAt(wallMs, zone) * 60_000
  const second = wallMs - zoneOffsetAt(first, zone) * 60_000
  return second
}

/**
 * Reads "2024-03-12 10:30", "2024-03-12T10:30:15" or "2024-03-12" in `zone`; an explicit offset
 * ("…Z", "…-04:00") wins over the zone. Returns epoch ms, or null when the text is not a time.
 */
export function parseReportedTime(text: string, zone: string): number | null {
  const m = WALL_RE.exec(text.trim())
  if (!m) return null
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0))
  const ms = Number((m[7] ?? '0').padEnd(3, '0'))
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return null
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const explicit = m[8]
  if (explicit) return wall - (parseOffset(explicit) ?? 0) * 60_000
  if (!isValidZone(zone)) return null
  return wallToUtc(wall, zone)
}

/** Whether the text carries its own offset (then the zone picker does not apply to it). */
export function hasExplicitZone(text: string): boolean {
  return /(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})$/i.test(text.trim())
}

/** "2024-03-12 14:07:48 – 14:57:09 UTC" (the date once when both are on the same day). */
export function formatTimeSpan(first: string | null, last: string | null, mode: TimeMode): string {
  if (!first) return ''
  const a = formatDateTime(first, mode)
  if (!last || last === first) return a
  const b = formatDateTime(last, mode)
  const day = a.slice(0, 11)
  return b.startsWith(day) ? `${a.slice(0, a.lastIndexOf(' '))} – ${b.slice(11)}` : `${a} – ${b}`
}
