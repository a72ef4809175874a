// NDJSON / JSON Lines: one JSON log record per line (gateway access logs, CloudWatch exports whose
// lines carry a timestamp prefix, Elasticsearch dumps). Each line is mapped by json-record.
import { emitRecord, isObject, type JsonObject } from './json-record'
import { isWrapperObject, looksLikeHar } from './json-record/wrappers'
import { forEachLine } from './line-splitter'
import { parseAnyTime, type WallClock } from './parse-time'
import type { Detection, ImportContext, Importer, TextInput } from './types'

/** "2024-05-01T10:00:00.000Z {…}", "2024-05-01 10:00:00,123\tINFO\t{…}" or "1714557600000 {…}" */
const PREFIX_TIME = String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?`
const PREFIX_EPOCH = String.raw`\d{10}(?:\d{3})?(?:\.\d+)?`
/** the time, then at most three plain tokens (request id, level), then the object */
const PREFIX_RE = new RegExp(
  String.raw`^\s*(${PREFIX_TIME}|${PREFIX_EPOCH})(?:[ \t]+[^\s{]+){0,3}[ \t]+(?=\{)`,
)
/** Plain-text lines Lambda's runtime writes between a function's own JSON log lines. */
const PLATFORM_LINE_RE = /^(?:START|END|REPORT|INIT_START|EXTENSION|TELEMETRY)\s+(?:RequestId:|Runtime|Name:)/
const OPEN_BRACE = 123
const DETECT_LINES = 20

export type ParsedLine =
  | { kind: 'object'; value: JsonObject; json: string; prefixTime: string | null }
  | { kind: 'blank' }
  | { kind: 'platform' }
  | { kind: 'bad'; reason: string }

function firstNonSpace(line: string): number {
  let i = 0
  while (i < line.length && line.charCodeAt(i) <= 32) i++
  return i
}

/** One line: a JSON object, optionally after a timestamp prefix. */
export function parseJsonLine(line: string): ParsedLine {
  const start = firstNonSpace(line)
  if (start === line.length) return { kind: 'blank' }
  let json = start === 0 ? line : line.slice(start)
  let prefixTime: string | null = null
  if (line.charCodeAt(start) !== OPEN_BRACE) {
    const prefix = PREFIX_RE.exec(line)
    if (!prefix && PLATFORM_LINE_RE.test(line)) return { kind: 'platform' }
    if (!prefix) return { kind: 'bad', reason: 'not a JSON object (the line does not start with "{")' }
    prefixTime = prefix[1]
    json = line.slice(prefix[0].length)
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    return { kind: 'bad', reason: `not valid JSON: ${(error as Error).message}` }
  }
  if (!isObject(value)) return { kind: 'bad', reason: 'not a JSON object' }
  return { kind: 'object', value, json, prefixTime }
}

function importLine(line: string, lineNumber: number, context: ImportContext, wall: WallClock): void {
  const parsed = parseJsonLine(line)
  if (parsed.kind === 'blank') return
  if (parsed.kind === 'platform') return context.sink.skip(lineNumber)
  if (parsed.kind === 'bad') {
    context.sink.error(lineNumber, parsed.reason)
    return
  }
  const fallbackTs = parsed.prefixTime === null ? null : parseAnyTime(parsed.prefixTime, wall)
  emitRecord(context.sink, parsed.value, { position: lineNumber, raw: line, wall, fallbackTs })
}

/** Verdict over the first non-blank lines of the head; its last line may be cut short. */
export function detectNdjson(head: string): Detection {
  const lines = head.split(/\r\n|\n|\r/)
  const cutShort = !/[\r\n]$/.test(head)
  let objects = 0
  let bad = 0
  let only: JsonObject | null = null
  for (let i = 0; i < lines.length && objects + bad < DETECT_LINES; i++) {
    const parsed = parseJsonLine(lines[i])
    if (parsed.kind === 'blank' || parsed.kind === 'platform') continue
    const isLast = cutShort && i === lines.length - 1
    if (parsed.kind === 'bad') {
      if (isLast) return objects > 0 ? verdict(objects, bad, only) : partialFirstLine(lines[i], head)
      if (objects === 0) return { kind: 'no-match', reason: 'the first line is not a JSON object' }
      bad++
      continue
    }
    objects++
    only = objects === 1 ? parsed.value : null
  }
  return verdict(objects, bad, only)
}

function verdict(objects: number, bad: number, only: JsonObject | null): Detection {
  if (objects === 0) return { kind: 'no-match', reason: 'no JSON object lines' }
  if (bad * 2 > objects) {
    return { kind: 'no-match', reason: `${bad} of the first ${objects + bad} lines are not JSON objects` }
  }
  if (objects > 1) return { kind: 'match', confidence: 0.9 }
  if (only && isWrapperObject(only)) {
    return { kind: 'no-match', reason: 'one JSON document wrapping an array, not one object per line' }
  }
  return { kind: 'match', confidence: 0.6 }
}

/** A first line longer than the head: a big one-line record, unless it is a document envelope. */
function partialFirstLine(line: string, head: string): Detection {
  if (!/^\s*\{\s*"/.test(line) && !PREFIX_RE.test(line)) {
    return { kind: 'no-match', reason: 'the first line is not a JSON object' }
  }
  if (looksLikeHar(head)) return { kind: 'no-match', reason: 'a HAR document, not one object per line' }
  return { kind: 'match', confidence: 0.55 }
}

export const ndjsonImporter: Importer = {
  id: 'ndjson',
  label: 'NDJSON',
  detect: (head) => detectNdjson(head),
  parse: async (input: TextInput, context: ImportContext) => {
    const wall = context.wall
    await forEachLine(
      input,
      (line, lineNumber) => importLine(line, lineNumber, context, wall),
      (lineNumber, length) =>
        context.sink.error(lineNumber, `line is too long to read (${length} characters)`),
    )
  },
}
