// Turning one JSON value into the type an entry field needs. Every decoder returns null for a
// value it cannot use, so the mapper moves on to the next candidate field.
import type { ResultKind } from '../../../shared/types'
import { blankToNull, parseStatus } from '../normalize'
import { stringifyJson } from '../../util/json-text'

export type TimeUnit = 'ns' | 'us' | 'ms' | 's'

const TO_MS: Record<TimeUnit, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000 }

/** Text of a string, number or boolean; null for blanks, "-", objects and arrays. */
export function decodeText(value: unknown): string | null {
  if (typeof value === 'string') return blankToNull(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  if (typeof value === 'boolean') return String(value)
  return null
}

/** Only real text: `"error": true` is a flag, not a reason. */
export function decodeString(value: unknown): string | null {
  return typeof value === 'string' ? blankToNull(value) : null
}

/** Names, ids and codes: text or a number, never a boolean flag or an object. */
export function decodeId(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? decodeText(value) : null
}

/** HTTP status; a retry list such as "502, 200" gives the last (final) one. */
export function decodeStatus(value: unknown): number | null {
  if (typeof value === 'string' && value.includes(',')) {
    const parts = value.split(',')
    return parseStatus(parts[parts.length - 1])
  }
  return parseStatus(value)
}

const UNIT_SUFFIX_RE = /^\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(ns|us|µs|μs|ms|s|m|h)?\s*$/i
const SUFFIX_UNITS: Record<string, number> = {
  ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000,
}

function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000
}

/**
 * A duration in ms from a number in `unit`, a numeric string, or a string with its own unit
 * ("12ms", "1.5s", "250µs"); negative values (-1 = "not available") give null.
 */
export function decodeDuration(value: unknown, unit: TimeUnit): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? roundMs(value * TO_MS[unit]) : null
  }
  if (typeof value !== 'string') return null
  const m = UNIT_SUFFIX_RE.exec(value)
  if (!m) return null
  const factor = m[2] ? SUFFIX_UNITS[m[2].toLowerCase()] ?? SUFFIX_UNITS[m[2]] : TO_MS[unit]
  const n = Number(m[1]) * factor
  return Number.isFinite(n) ? roundMs(n) : null
}

const IPV4_PORT_RE = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/
const IPV6_PORT_RE = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/

/** A client address without its port; the first hop of a comma list; the host of [host, port]. */
export function decodeIp(value: unknown): string | null {
  if (Array.isArray(value)) return value.length > 0 ? decodeIp(value[0]) : null
  const text = decodeText(value)
  if (text === null) return null
  const first = text.includes(',') ? text.slice(0, text.indexOf(',')).trim() : text
  const v4 = IPV4_PORT_RE.exec(first)
  if (v4) return v4[1]
  const v6 = IPV6_PORT_RE.exec(first)
  if (v6) return v6[1]
  return blankToNull(first)
}

const OUTCOMES: Record<string, ResultKind> = {
  success: 'success', succeeded: 'success', successful: 'success', ok: 'success', pass: 'success',
  passed: 'success', true: 'success', allowed: 'success', allow: 'success', accepted: 'success',
  completed: 'success', complete: 'success',
  error: 'error', errored: 'error', failure: 'error', failed: 'error', fail: 'error', false: 'error',
  denied: 'error', deny: 'error', rejected: 'error', blocked: 'error', block: 'error', timeout: 'error',
  exception: 'error',
  notice: 'notice', warning: 'notice', warn: 'notice', partial: 'notice',
}

/** The source's own outcome: booleans, or words such as success / failure / NOTICE. */
export function decodeOutcome(value: unknown): ResultKind | null {
  if (typeof value === 'boolean') return value ? 'success' : 'error'
  if (typeof value !== 'string') return null
  return Object.hasOwn(OUTCOMES, value.trim().toLowerCase()) ? OUTCOMES[value.trim().toLowerCase()] : null
}

/** Bodies: strings as they are, objects and arrays re-serialised as JSON. */
export function decodeBody(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value === '' ? null : value
  // hardening (issue 7): stringifyJson does not overflow the stack on deeply nested bodies
  if (typeof value === 'object') return stringifyJson(value)
  return String(value)
}
