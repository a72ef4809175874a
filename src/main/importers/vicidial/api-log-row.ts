// One vicidial_api_log row (from a report, a dump or a table export) and its mapping onto an entry.
// FORMATS.md §1: api_date is web-server local time without a zone; run_time is seconds; there is no
// HTTP status. Passwords in URLs and DATA are kept verbatim here: redaction is a later pipeline step.
import type { ResultKind } from '../../../shared/types'
import type { EntryRecord } from '../../store/entry-record'
import { splitUrl } from '../normalize'
import { parseIsoTime, type WallClock } from '../parse-time'

/** Columns of vicidial_api_log in table order (run_time, webserver, api_url were added by upgrades). */
export const LOG_COLUMNS = [
  'api_id', 'user', 'api_date', 'api_script', 'function', 'agent_user', 'value', 'result', 'result_reason',
  'source', 'data', 'run_time', 'webserver', 'api_url',
] as const
/** Joined from vicidial_api_urls (or the report's REMOTE IP / FULL URL STRING columns). */
export const URL_COLUMNS = ['remote_ip', 'url'] as const

export type ApiLogColumn = (typeof LOG_COLUMNS)[number] | (typeof URL_COLUMNS)[number]
export type ApiLogValues = Partial<Record<ApiLogColumn, string | null>>

/** Which entry fields each column fills (what `setMapping` reports). */
export const COLUMN_FIELDS: Readonly<Record<ApiLogColumn, string | null>> = {
  api_id: 'correlationId',
  user: 'apiUser',
  api_date: 'ts',
  api_script: 'service',
  function: 'function',
  agent_user: 'agentUser',
  value: null,
  result: 'result',
  result_reason: 'resultReason',
  source: 'origin',
  data: 'responseBody',
  run_time: 'durationMs',
  webserver: null,
  api_url: null,
  remote_ip: 'clientIp',
  url: 'url,host,path,endpoint',
}

function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const t = value.trim()
  return t === '' ? null : t
}

/**
 * The user id of a report cell "6666 - Admin User" (the report appends " - full name" and cuts the
 * whole to 30 characters). VICIdial user ids have no spaces, so the id is everything before " - ".
 */
export function userId(value: string | null | undefined): string | null {
  const t = text(value)
  if (t === null) return null
  const cut = t.indexOf(' - ')
  return cut > 0 ? t.slice(0, cut) : t
}

/** SUCCESS / ERROR / NOTICE in any case; anything else (e.g. a translated word) counts as a notice. */
export function resultOf(value: string | null | undefined): ResultKind {
  const word = (value ?? '').trim().toUpperCase()
  if (word === 'SUCCESS') return 'success'
  if (word === 'ERROR') return 'error'
  return 'notice'
}

/** run_time is seconds as text ("0.012345"); milliseconds, kept to the microsecond. */
export function runTimeMs(value: string | null | undefined): number | null {
  const t = text(value)
  if (t === null) return null
  const seconds = Number(t)
  return Number.isFinite(seconds) ? Math.round(seconds * 1e6) / 1e3 : null
}

const API_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/

/** A MySQL DATETIME "YYYY-MM-DD HH:MM:SS" in the server's zone; null for zero or impossible dates. */
export function readApiDate(date: string, wall: WallClock): number | null {
  const m = API_DATE_RE.exec(date)
  if (!m) return parseIsoTime(date, wall)
  const [month, day, hour, minute, second] = [+m[2], +m[3], +m[4], +m[5], +m[6]]
  if (+m[1] < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null
  return wall(Date.UTC(+m[1], month - 1, day, hour, minute, second))
}

/** The entry for one row, or why the row is unusable. */
export function toEntry(values: ApiLogValues, position: number, raw: string, wall: WallClock): EntryRecord | string {
  const date = text(values.api_date)
  if (date === null) return 'no API date'
  const ts = readApiDate(date, wall)
  if (ts === null) return `unrecognised API date "${date.slice(0, 40)}"`
  const url = text(values.url)
  const parts = url ? splitUrl(url) : null
  const data = values.data ?? null
  return {
    position,
    ts,
    apiUser: userId(values.user),
    agentUser: userId(values.agent_user),
    function: text(values.function),
    result: resultOf(values.result),
    statusCode: null,
    statusText: null,
    resultReason: text(values.result_reason),
    errorCode: null,
    method: null,
    url,
    host: parts?.host ?? null,
    path: parts?.path ?? null,
    endpoint: parts?.path ?? null,
    service: text(values.api_script),
    tenant: null,
    clientIp: text(values.remote_ip),
    durationMs: runTimeMs(values.run_time),
    delayMs: null,
    correlationId: text(values.api_id),
    origin: text(values.source),
    requestBody: null,
    responseBody: data !== null && data.trim() !== '' ? data : null,
    raw,
  }
}

/** column label → entry field(s), for the columns that fill one. */
export function describeColumns(labels: Array<[label: string, column: ApiLogColumn | null]>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [label, column] of labels) {
    const field = column ? COLUMN_FIELDS[column] : null
    if (field) out[label] = field
  }
  return out
}
