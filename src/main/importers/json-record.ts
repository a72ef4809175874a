// Maps one parsed JSON log record (gateway, proxy or application access log) onto an entry. The
// field names live in json-record/fields.ts and json-record/profiles.ts; this file only assembles.
import type { EntryRecord } from '../store/entry-record'
import type { EntrySink } from './types'
import { decodeBody, decodeDuration } from './json-record/decode'
import { headersWithPrefix, normalizeHeaders } from './json-record/headers'
import { isObject, type JsonObject } from './json-record/lookup'
import { resolveOutcome, type Outcome } from './json-record/outcome'
import { errorFromBody } from './error-body'
import { resolveParties } from './json-record/parties'
import { resolveRequestLine } from './json-record/request-line'
import { unwrapRecord } from './json-record/unwrap'
import { pick, viewRecord, type RecordView } from './json-record/view'
import { parseAnyTime, type WallClock } from './parse-time'

export { isObject, type JsonObject }

export interface RecordSource {
  /** 1-based line number or element index */
  position: number
  /** the record's original text */
  raw: string
  wall: WallClock
  /** a time found outside the record (e.g. a timestamp prefix on the line) */
  fallbackTs?: number | null
}

function headersOf(view: RecordView, side: 'request' | 'response') {
  const listed = pick(view, side === 'request' ? 'requestHeaders' : 'responseHeaders', normalizeHeaders)
  const prefix = view.profile.headerPrefixes?.[side]
  return listed ?? (prefix ? headersWithPrefix(view.record, prefix) : null)
}

function timeOf(view: RecordView, wall: WallClock, envelopeTs: unknown): number | null {
  return pick(view, 'ts', (value) => parseAnyTime(value, wall)) ?? parseAnyTime(envelopeTs, wall)
}

/**
 * The entry for one JSON record, or null when the record is not an API call (no method, URL,
 * endpoint, function or status: a startup message, a metrics line).
 */
export function mapJsonRecord(input: JsonObject, source: RecordSource): EntryRecord | null {
  const { record, envelopeTs } = unwrapRecord(input)
  const view = viewRecord(record)
  const requestHeaders = headersOf(view, 'request')
  const responseHeaders = headersOf(view, 'response')
  const line = resolveRequestLine(view, requestHeaders)
  const outcome = resolveOutcome(view)
  const isCall = line.method || line.url || line.endpoint || line.function || outcome.statusCode !== null
  if (!isCall) return null
  const responseBody = pick(view, 'responseBody', decodeBody)
  return {
    position: source.position,
    ts: timeOf(view, source.wall, envelopeTs) ?? source.fallbackTs ?? null,
    ...line,
    ...withBodyError(outcome, responseBody),
    ...resolveParties(view, requestHeaders, responseHeaders),
    durationMs: pick(view, 'duration', (value, alias) => decodeDuration(value, alias.unit ?? 'ms')),
    delayMs: pick(view, 'delay', (value, alias) => decodeDuration(value, alias.unit ?? 'ms')),
    requestHeaders,
    requestBody: pick(view, 'requestBody', decodeBody),
    responseHeaders,
    responseBody,
    raw: source.raw,
  }
}

/** A failed call whose log gives no reason: the API's own JSON error body usually does. */
function withBodyError(outcome: Outcome, responseBody: string | null): Outcome {
  if (outcome.result !== 'error' || (outcome.resultReason !== null && outcome.errorCode !== null)) return outcome
  const body = errorFromBody(responseBody)
  return { ...outcome, resultReason: outcome.resultReason ?? body.reason, errorCode: outcome.errorCode ?? body.code }
}

/** Maps a parsed record and hands it to the sink: an entry, a skip (not an API call) or an error. */
export function emitRecord(sink: EntrySink, record: JsonObject, source: RecordSource): void {
  let entry: EntryRecord | null
  try {
    entry = mapJsonRecord(record, source)
  } catch (error) {
    sink.error(source.position, `cannot read the record: ${(error as Error).message}`)
    return
  }
  if (entry) sink.add(entry)
  else sink.skip(source.position)
}
