// Turning what the customer reported ("it failed at 09:05 our time") into the UTC window searched.
import type { TriageRequest, TriageWindow } from '../../shared/triage-types'
import { parseIsoTime } from '../importers/parse-time'
import { QueryError } from '../query/compile-filter'
import { createWallClock, normalizeTimeZone, TimeZoneError } from '../util/time-zone'
import { utcClock, utcDateTime, utcSpan, zoneClock } from './format'

/** A triage request that cannot be answered as given (shown to the user as one line). */
export class TriageInputError extends QueryError {
  constructor(message: string) {
    super(message)
    this.name = 'TriageInputError'
  }
}

export const DEFAULT_TOLERANCE_MINUTES = 30
export const MAX_TOLERANCE_MINUTES = 7 * 24 * 60
const MINUTE = 60_000

export interface ResolvedWindow {
  fromMs: number
  toMs: number
  lastGoodMs: number | null
  window: TriageWindow
}

const HAS_ZONE_RE = /(?:Z|[+-]\d{2}:?\d{2}|[+-]\d{2})$/i

function zoneOf(request: TriageRequest): string {
  try {
    return normalizeTimeZone(request.timeZone)
  } catch (error) {
    if (error instanceof TimeZoneError) throw new TriageInputError(`timeZone: ${error.message}`)
    throw error
  }
}

function toleranceOf(request: TriageRequest): number {
  const tolerance = request.toleranceMinutes ?? DEFAULT_TOLERANCE_MINUTES
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > MAX_TOLERANCE_MINUTES) {
    throw new TriageInputError(`toleranceMinutes: expected 0 to ${MAX_TOLERANCE_MINUTES}, got ${tolerance}`)
  }
  return tolerance
}

/** Parses a reported time; one without an offset is read in `zone`. */
export function parseReportedTime(text: string, zone: string, field: string): number {
  const ms = parseIsoTime(text, createWallClock(zone))
  if (ms === null || Number.isNaN(ms)) {
    throw new TriageInputError(`${field}: not a valid time: "${text.slice(0, 60)}" (use ISO-8601, e.g. 2024-05-01T09:05 or 2024-05-01T13:05Z)`)
  }
  return ms
}

function describeAt(text: string, atMs: number, zone: string, tolerance: number, fromMs: number, toMs: number): string {
  const reported = HAS_ZONE_RE.test(text.trim())
    ? `the reported time ${text.trim()} (${utcDateTime(atMs)})`
    : zone === 'UTC'
      ? `the reported time ${utcDateTime(atMs)}`
      : `the reported ${zoneClock(atMs, zone)} (${utcClock(atMs)} UTC)`
  return `Searched ${utcSpan(fromMs, toMs)}: ${reported} ± ${tolerance} minutes.`
}

function describeRange(zone: string, tolerance: number, fromMs: number, toMs: number): string {
  const widened = tolerance > 0 ? `, widened by ${tolerance} minutes on each side` : ''
  const read = zone === 'UTC' ? '' : ` (times without an offset read in ${zone})`
  return `Searched ${utcSpan(fromMs, toMs)}: the reported window${read}${widened}.`
}

/** Validates the time fields of a request and returns the UTC window. */
export function resolveWindow(request: TriageRequest): ResolvedWindow {
  const zone = zoneOf(request)
  const hasRange = request.from !== undefined || request.to !== undefined
  if (request.at !== undefined && hasRange) throw new TriageInputError('give either a failure time (at) or a window (from and to), not both')
  if (request.at === undefined && !hasRange) throw new TriageInputError('give the failure time (at) or a window (from and to)')
  const lastGoodMs = request.lastGood !== undefined ? parseReportedTime(request.lastGood, zone, 'lastGood') : null
  if (request.at !== undefined) {
    const tolerance = toleranceOf(request)
    const atMs = parseReportedTime(request.at, zone, 'at')
    const fromMs = atMs - tolerance * MINUTE
    const toMs = atMs + Math.max(tolerance, 1) * MINUTE
    const description = describeAt(request.at, atMs, zone, tolerance, fromMs, toMs)
    return { fromMs, toMs, lastGoodMs, window: window(fromMs, toMs, atMs, zone, tolerance, description) }
  }
  if (request.from === undefined || request.to === undefined) throw new TriageInputError('a window needs both from and to')
  const tolerance = request.toleranceMinutes !== undefined ? toleranceOf(request) : 0
  const fromMs = parseReportedTime(request.from, zone, 'from') - tolerance * MINUTE
  const toMs = parseReportedTime(request.to, zone, 'to') + tolerance * MINUTE
  if (toMs <= fromMs) throw new TriageInputError('the window must end after it starts (to after from)')
  return { fromMs, toMs, lastGoodMs, window: window(fromMs, toMs, null, zone, tolerance, describeRange(zone, tolerance, fromMs, toMs)) }
}

function window(fromMs: number, toMs: number, atMs: number | null, zone: string, tolerance: number, description: string): TriageWindow {
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    reportedAt: atMs === null ? null : new Date(atMs).toISOString(),
    timeZone: zone,
    toleranceMinutes: tolerance,
    description,
  }
}
