// Plain-language formatting shared by the triage answers, next steps and reports.
import type { TriageBaseline } from '../../shared/triage-types'
import { parseOffset } from '../util/time-zone'

const MINUTE = 60_000

/** "2024-05-01" */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** "14:05" or with seconds "14:05:12" */
export function utcClock(ms: number, seconds = false): string {
  const iso = new Date(ms).toISOString()
  return seconds ? iso.slice(11, 19) : iso.slice(11, 16)
}

/** "2024-05-01 14:05 UTC" (seconds shown when not zero and asked for) */
export function utcDateTime(ms: number, seconds = false): string {
  const showSeconds = seconds && Math.floor(ms / 1000) % 60 !== 0
  return `${utcDate(ms)} ${utcClock(ms, showSeconds)} UTC`
}

/** An entry time for sentences: "2024-05-01 14:05:12 UTC"; "an unknown time" for null. */
export function entryTime(iso: string | null): string {
  if (iso === null) return 'an unknown time'
  return utcDateTime(Date.parse(iso), true)
}

/** "2024-05-01 13:35–14:35 UTC", or both dates when the span crosses midnight. */
export function utcSpan(fromMs: number, toMs: number): string {
  if (utcDate(fromMs) === utcDate(Math.max(fromMs, toMs - 1))) {
    return `${utcDate(fromMs)} ${utcClock(fromMs)}–${utcClock(toMs)} UTC`
  }
  return `${utcDateTime(fromMs)} – ${utcDateTime(toMs)}`
}

/** The wall-clock time of an instant in a zone (IANA name or ±HH:MM): "09:05 America/New_York". */
export function zoneClock(ms: number, zone: string): string {
  const offset = parseOffset(zone)
  if (offset !== null) return `${utcClock(ms + offset * MINUTE)} (UTC${zone})`
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms))
  return `${text} ${zone}`
}

/** "14:05 UTC (10:05 America/New_York)" when the customer's zone differs from UTC. */
export function forCustomer(ms: number, zone: string): string {
  const utc = utcDateTime(ms)
  return zone === 'UTC' ? utc : `${utc} (${zoneClock(ms, zone)})`
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`
}

/** A rate for sentences: "about 30", "about 2.5", "less than 0.1". */
export function aboutNumber(value: number): string {
  if (value < 0.1) return 'less than 0.1'
  if (value < 10) return `about ${Math.round(value * 10) / 10}`
  return `about ${Math.round(value)}`
}

/** Minutes as "45 minutes" / "2.5 hours" / "3 days". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / MINUTE)
  if (minutes < 120) return plural(minutes, 'minute')
  const hours = Math.round((ms / 3_600_000) * 10) / 10
  if (hours < 48) return `${hours} hours`
  return `${Math.round((ms / 86_400_000) * 10) / 10} days`
}

/** Quotes log text for a sentence, shortened. */
export function quote(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`
}

const BASIS_TEXT: Record<TriageBaseline['basis'], string> = {
  before: 'before the window',
  after: 'after the window',
  day_before: 'in the same window a day earlier',
  last_good: 'around the reported last-good time',
  none: 'nowhere (no log around the window)',
}

/** "about 30 requests per hour before the window" */
export function baselineText(baseline: TriageBaseline): string {
  return `${aboutNumber(baseline.ratePerHour ?? 0)} requests per hour ${BASIS_TEXT[baseline.basis]}`
}
