// Envelopes that carry the real log record inside: Elasticsearch hits ({_index, _source}) and
// CloudWatch Logs events ({timestamp, message: "<json>"}, Logs Insights {"@timestamp", "@message"}).
import { isObject, type JsonObject } from './lookup'

export interface Unwrapped {
  record: JsonObject
  /** the envelope's time, used when the inner record has none */
  envelopeTs: unknown
}

const CLOUDWATCH_KEYS = new Set([
  'timestamp', 'message', 'ingestionTime', 'logStreamName', 'logGroupName', 'eventId', 'id',
  '@timestamp', '@message', '@logStream', '@log', '@ingestionTime', '@ptr',
])

function isCloudWatchEvent(record: JsonObject): boolean {
  for (const key of Object.keys(record)) if (!CLOUDWATCH_KEYS.has(key)) return false
  return true
}

function parseObject(text: string): JsonObject | null {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{')) return null
  try {
    const parsed: unknown = JSON.parse(trimmed)
    return isObject(parsed) ? parsed : null
  } catch {
    return null
  }
}

export function unwrapRecord(record: JsonObject): Unwrapped {
  const source = record._source
  if (isObject(source) && (Object.hasOwn(record, '_index') || Object.hasOwn(record, '_id'))) {
    return { record: source, envelopeTs: undefined }
  }
  const message = record.message ?? record['@message']
  if (typeof message === 'string' && isCloudWatchEvent(record)) {
    const inner = parseObject(message)
    if (inner) return { record: inner, envelopeTs: record.timestamp ?? record['@timestamp'] }
  }
  return { record, envelopeTs: undefined }
}
