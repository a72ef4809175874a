// Converting wall-clock times without a zone into UTC, for a zone the user names.

export class TimeZoneError extends Error {}

const OFFSET_RE = /^(?:UTC|GMT|Z)?\s*([+-])(\d{1,2}):?(\d{2})?$/i

/** Offset in minutes for "+05:30", "-0800", "UTC+2"; null when the text is not an offset. */
export function parseOffset(text: string): number | null {
  const m = OFFSET_RE.exec(text.trim())
  if (!m) return null
  const hours = Number(m[2])
  const minutes = Number(m[3] ?? '0')
  if (hours > 18 || minutes > 59) return null
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
}

/** Validates a zone given by the user and returns its canonical spelling. */
export function normalizeTimeZone(zone: string | undefined): string {
  if (zone === undefined || zone.trim() === '') return 'UTC'
  const text = zone.trim()
  if (/^(utc|gmt|z)$/i.test(text)) return 'UTC'
  const offset = parseOffset(text)
  if (offset !== null) return formatOffset(offset)
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone
  } catch {
    throw new TimeZoneError(`unknown time zone "${text}" (use an IANA name such as Europe/Berlin, or an offset such as +02:00)`)
  }
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(zone, f)
  }
  return f
}

/** Offset (minutes east of UTC) of an IANA zone at a UTC instant. */
function zoneOffsetAt(zone: string, utcMs: number): number {
  const parts = zoneFormatter(zone).formatToParts(new Date(utcMs))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000)
}

/** A converter from wall-clock fields in one zone to UTC epoch ms, caching offsets per hour. */
export function createWallClock(zone: string): (wallMs: number) => number {
  if (zone === 'UTC') return (wallMs) => wallMs
  const fixed = parseOffset(zone)
  if (fixed !== null) return (wallMs) => wallMs - fixed * 60000
  const cache = new Map<number, number>()
  return (wallMs) => {
    const hour = Math.floor(wallMs / 3600000)
    let offset = cache.get(hour)
    if (offset === undefined) {
      // Two passes settle the offset except inside a DST gap, where the later offset wins.
      const first = zoneOffsetAt(zone, hour * 3600000 - zoneOffsetAt(zone, hour * 3600000) * 60000)
      offset = zoneOffsetAt(zone, hour * 3600000 - first * 60000)
      if (cache.size > 100000) cache.clear()
      cache.set(hour, offset)
    }
    return wallMs - offset * 60000
  }
}
