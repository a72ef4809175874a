// Optional fields after the Apache/nginx combined (or common) part: X-Forwarded-For, request time,
// request id, upstream fields. Their meaning is settled once per file from the head sample.
import type { EntryRecord } from '../../store/entry-record'
import { addHeader, dash } from './entry'
import { splitFields, type SplitResult } from './fields'

export type TrailerRole =
  | 'xff' // "$http_x_forwarded_for"
  | 'seconds' // nginx $request_time, "0.123"
  | 'micros' // Apache %D
  | 'int-seconds' // Apache %T
  | 'seconds-micros' // Apache "%T/%D"
  | 'request-id' // nginx $request_id, a UUID
  | 'ignore'

export interface TrailerSample {
  tokens: SplitResult
  status: string
}

const ADDRESS_RE = /^(?:unknown|(?=[^.:]*[.:])[0-9A-Fa-f.:[\]]+)$/
const DECIMAL_RE = /^\d+\.\d+$/
const INTEGER_RE = /^\d+$/
const SLASH_PAIR_RE = /^\d+\/\d+$/
const ID_RE = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i
const KEY_VALUE_RE = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/
const MAX_COLUMNS = 16
const DURATION_ROLES = new Set<TrailerRole>(['seconds', 'micros', 'int-seconds', 'seconds-micros'])
const XFF_KEYS = new Set(['xff', 'x_forwarded_for', 'http_x_forwarded_for'])

function isAddressList(value: string): boolean {
  return value.split(',').every((part) => ADDRESS_RE.test(part.trim()))
}

/** Tokens after the user agent (combined) or after the byte count (common). */
export function splitTrailer(text: string): SplitResult {
  return splitFields(text)
}

function columnValues(samples: readonly TrailerSample[], index: number) {
  const values: string[] = []
  let quoted = true
  let statusLike = 0
  for (const { tokens, status } of samples) {
    const value = tokens.fields[index]
    if (value === undefined) continue
    if (!tokens.quoted[index]) quoted = false
    if (value === status) statusLike++
    const isKeyValue = !tokens.quoted[index] && KEY_VALUE_RE.test(value)
    if (value !== '-' && value !== '' && !isKeyValue) values.push(value)
  }
  return { values, quoted, statusLike }
}

function classify(values: string[], statusLike: number, quoted: boolean): TrailerRole | 'integer' {
  const all = (re: RegExp) => values.every((v) => re.test(v))
  if (all(DECIMAL_RE)) return 'seconds'
  if (all(SLASH_PAIR_RE)) return 'seconds-micros'
  if (all(ID_RE)) return 'request-id'
  if (all(INTEGER_RE)) return statusLike >= values.length * 0.8 ? 'ignore' : 'integer'
  if (quoted && values.every(isAddressList)) return 'xff' // a bare "host:port" is an upstream address
  return 'ignore'
}

/**
 * Roles of the trailing columns: the first quoted column of addresses (or only "-") is X-Forwarded-For;
 * upstream fields (a bare address, later times, a status echoing the line's) are ignored;
 * the first decimal column is $request_time; a single integer column is %D (microseconds) when any
 * sampled value exceeds 60, else %T (seconds). Columns that fit nothing are ignored.
 */
export function profileTrailer(samples: readonly TrailerSample[]): TrailerRole[] {
  const width = Math.min(MAX_COLUMNS, Math.max(0, ...samples.map((s) => s.tokens.fields.length)))
  const roles: Array<TrailerRole | 'integer'> = []
  for (let i = 0; i < width; i++) {
    const { values, quoted, statusLike } = columnValues(samples, i)
    roles.push(values.length === 0 ? (quoted ? 'xff' : 'ignore') : classify(values, statusLike, quoted))
  }
  const integers = roles.filter((r) => r === 'integer').length
  const seen = new Set<TrailerRole>()
  return roles.map((role, i) => {
    let final: TrailerRole = role === 'integer' ? (integers === 1 ? integerRole(samples, i) : 'ignore') : role
    const isDuration = DURATION_ROLES.has(final)
    if (isDuration && seen.has('seconds')) final = 'ignore' // later times are upstream times
    if (final === 'xff' && seen.has('xff')) final = 'ignore'
    seen.add(isDuration ? 'seconds' : final)
    return final
  })
}

function integerRole(samples: readonly TrailerSample[], index: number): TrailerRole {
  const max = Math.max(...samples.map((s) => Number(s.tokens.fields[index] ?? 0) || 0))
  return max > 60 ? 'micros' : 'int-seconds'
}

/** Seconds text → ms, rounded to the microsecond; null when not a number. */
export function secondsToMs(text: string): number | null {
  const n = Number(text)
  return text === '' || !Number.isFinite(n) || n < 0 ? null : Math.round(n * 1e6) / 1e3
}

function applyKeyValue(entry: EntryRecord, key: string, value: string, state: TrailerState): void {
  const name = key.toLowerCase()
  if (name === 'rt' || name === 'request_time' || name === 'reqtime') entry.durationMs = secondsToMs(value)
  else if (/^(?:request_?id|req_?id|rid|x_request_id)$/.test(name)) entry.correlationId = dash(value)
  else if (XFF_KEYS.has(name)) state.xff = dash(value)
}

export interface TrailerState {
  xff: string | null
}

/** Applies the trailing tokens of one line to its entry; returns the X-Forwarded-For list, if any. */
export function applyTrailer(
  entry: EntryRecord,
  tokens: SplitResult,
  roles: readonly TrailerRole[],
): string | null {
  const state: TrailerState = { xff: null }
  const { fields, quoted } = tokens
  for (let i = 0; i < fields.length; i++) {
    const value = fields[i]
    const kv = quoted[i] ? null : KEY_VALUE_RE.exec(value)
    if (kv) {
      applyKeyValue(entry, kv[1], kv[2].replace(/^"|"$/g, ''), state)
      continue
    }
    applyRole(entry, roles[i] ?? 'ignore', value, state)
  }
  if (state.xff !== null) addHeader(entry, 'X-Forwarded-For', state.xff)
  return state.xff
}

function applyRole(entry: EntryRecord, role: TrailerRole, value: string, state: TrailerState): void {
  if (value === '-' || role === 'ignore') return
  if (role === 'xff') state.xff = dash(value)
  else if (role === 'seconds') entry.durationMs = secondsToMs(value)
  else if (role === 'int-seconds') entry.durationMs = INTEGER_RE.test(value) ? Number(value) * 1000 : null
  else if (role === 'micros') entry.durationMs = INTEGER_RE.test(value) ? Number(value) / 1000 : null
  else if (role === 'seconds-micros') {
    const micros = value.slice(value.indexOf('/') + 1)
    entry.durationMs = INTEGER_RE.test(micros) ? Number(micros) / 1000 : null
  } else if (role === 'request-id') entry.correlationId = value
}
