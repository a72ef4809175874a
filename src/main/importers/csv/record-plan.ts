// Compiles a column mapping into one function per file that turns a CSV record into an EntryRecord.
// Everything that can be decided once (time format, units, which columns) is decided here.
import type { ResultKind } from '../../../shared/types'
import type { EntryRecord } from '../../store/entry-record'
import { functionName, pathTemplate, resultFromStatus, splitUrl } from '../normalize'
import { parseAnyTime, type WallClock } from '../parse-time'
import type { ColumnSamples, FieldColumns } from './auto-map'
import { MAPPABLE_FIELDS, type MappableField } from './field-aliases'
import type { ColumnName, DurationUnit } from './header-names'
import type { KnownLayout } from './known-layouts'
import { chooseTimeReader, type TimeReader } from './time-format'
import { memoize, parseDuration, parseHttpStatus, parseResultWord, statusTextAfterCode } from './value-parsers'

/** An entry, or the reason the record is unusable. */
export type RowReader = (cells: string[], line: number, raw: string) => EntryRecord | string

type TextField = Extract<
  MappableField,
  | 'apiUser' | 'agentUser' | 'statusText' | 'resultReason' | 'errorCode' | 'host' | 'path' | 'endpoint'
  | 'service' | 'tenant' | 'clientIp' | 'correlationId' | 'origin'
>
const TEXT_FIELDS: readonly TextField[] = [
  'apiUser', 'agentUser', 'statusText', 'resultReason', 'errorCode', 'host', 'path', 'endpoint', 'service',
  'tenant', 'clientIp', 'correlationId', 'origin',
]

const REQUEST_LINE_RE = /^([A-Z]{3,10})\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?$/
const ERROR_NAME_RE = /error|fail|fault|exception/i

/** First non-blank trimmed value among the columns ('-' counts as blank). */
function firstValue(cells: string[], indexes: number[]): string | null {
  for (let k = 0; k < indexes.length; k++) {
    const v = cells[indexes[k]]
    if (v === undefined || v === '') continue
    const t = v.trim()
    if (t !== '' && t !== '-') return t
  }
  return null
}

/** Non-blank values joined with a space (a function named by several columns). */
function joinedValue(cells: string[], indexes: number[]): string | null {
  if (indexes.length < 2) return firstValue(cells, indexes)
  let out: string | null = null
  for (const i of indexes) {
    const t = firstValue(cells, [i])
    if (t !== null) out = out === null ? t : `${out} ${t}`
  }
  return out
}

export interface PlanInput {
  columns: ColumnName[]
  fields: FieldColumns
  samples: ColumnSamples
  wall: WallClock
  layout: KnownLayout | null
}

function timeReader(input: PlanInput, indexes: number[]): TimeReader {
  const first = indexes[0]
  const column = input.columns[first]
  return (
    chooseTimeReader(input.samples[first] ?? [], input.wall, column.isUtc) ??
    ((text: string) => parseAnyTime(text, input.wall))
  )
}

function resultReader(layout: KnownLayout | null): (text: string) => ResultKind | null {
  const own = layout?.resultValues
  return memoize((text) => {
    if (own) {
      const kind = own[text.trim().toLowerCase()]
      if (kind) return kind
    }
    const word = parseResultWord(text)
    if (word) return word
    const status = parseHttpStatus(text)
    return status === null ? null : resultFromStatus(status)
  })
}

/** Columns whose content means failure: an error code, or a reason column named like an error. */
function errorSignalColumns(input: PlanInput): number[] {
  const out = [...(input.fields.get('errorCode') ?? [])]
  for (const i of input.fields.get('resultReason') ?? []) if (ERROR_NAME_RE.test(input.columns[i].label)) out.push(i)
  return out
}

/** Everything about a file's mapping that is decided once, before the first row. */
interface Plan {
  /** columns per field, looked up once (a plain object: cheap to read per row) */
  cols: Readonly<Record<MappableField, number[]>>
  readTime: TimeReader | null
  tsLabel: string
  readResult: (text: string) => ResultKind | null
  errorCols: number[]
  hasStatus: boolean
  texts: ReadonlyArray<readonly [TextField, number[]]>
  durationUnit: DurationUnit | null
  delayUnit: DurationUnit | null
  methodOfEndpoint: (endpoint: string) => string | null
}

function compilePlan(input: PlanInput): Plan {
  const { fields, columns } = input
  const cols = Object.fromEntries(MAPPABLE_FIELDS.map((f) => [f, fields.get(f) ?? []])) as Record<MappableField, number[]>
  const tsCols = cols.ts
  return {
    cols,
    readTime: tsCols.length > 0 ? timeReader(input, tsCols) : null,
    tsLabel: tsCols.length > 0 ? columns[tsCols[0]].label : '',
    readResult: resultReader(input.layout),
    errorCols: errorSignalColumns(input),
    hasStatus: cols.statusCode.length > 0,
    texts: TEXT_FIELDS.map((f) => [f, cols[f]] as const).filter(([, c]) => c.length > 0),
    durationUnit: columns[cols.durationMs[0]]?.unit ?? null,
    delayUnit: columns[cols.delayMs[0]]?.unit ?? null,
    methodOfEndpoint: memoize((endpoint) => REQUEST_LINE_RE.exec(endpoint)?.[1] ?? null),
  }
}

function newEntry(position: number, raw: string): EntryRecord {
  return {
    position, ts: null, apiUser: null, agentUser: null, function: null, result: 'success',
    statusCode: null, statusText: null, resultReason: null, errorCode: null, method: null, url: null,
    host: null, path: null, endpoint: null, service: null, tenant: null, clientIp: null, durationMs: null,
    delayMs: null, correlationId: null, origin: null, requestBody: null, responseBody: null, raw,
  }
}

/** Status code ("404 Not Found" gives the text too), duration and delay. */
function fillStatusAndTimings(entry: EntryRecord, cells: string[], plan: Plan): void {
  const status = firstValue(cells, plan.cols.statusCode)
  if (status !== null) {
    entry.statusCode = parseHttpStatus(status)
    if (entry.statusText === null) entry.statusText = statusTextAfterCode(status)
  }
  const duration = firstValue(cells, plan.cols.durationMs)
  if (duration !== null) entry.durationMs = parseDuration(duration, plan.durationUnit)
  const delay = firstValue(cells, plan.cols.delayMs)
  if (delay !== null) entry.delayMs = parseDuration(delay, plan.delayUnit)
}

export function compileRowReader(input: PlanInput): RowReader {
  const plan = compilePlan(input)
  const { cols, texts } = plan
  return (cells, line, raw) => {
    const entry = newEntry(line, raw)
    if (plan.readTime) {
      const text = firstValue(cells, cols.ts)
      if (text !== null) {
        entry.ts = plan.readTime(text)
        if (entry.ts === null) return `unrecognised time "${text.slice(0, 60)}" in column "${plan.tsLabel}"`
      }
    }
    for (let i = 0; i < texts.length; i++) entry[texts[i][0]] = firstValue(cells, texts[i][1])
    entry.function = joinedValue(cells, cols.function)
    readRequest(entry, cells, cols.method, cols.url)
    fillStatusAndTimings(entry, cells, plan)
    entry.requestBody = bodyValue(cells, cols.requestBody)
    entry.responseBody = bodyValue(cells, cols.responseBody)
    const resultCols = cols.result
    const own = resultCols.length > 0 ? plan.readResult(firstValue(cells, resultCols) ?? '') : null
    entry.result = outcome(entry, own, plan.hasStatus, cells, plan.errorCols)
    deriveRequestParts(entry, plan.methodOfEndpoint)
    return entry
  }
}

function bodyValue(cells: string[], indexes: number[]): string | null {
  for (const i of indexes) if (cells[i] !== undefined && cells[i].trim() !== '') return cells[i]
  return null
}

/** Method and URL, splitting a request line ("GET /a?b HTTP/1.1") found in a URL column. */
function readRequest(entry: EntryRecord, cells: string[], methodCols: number[], urlCols: number[]): void {
  const method = firstValue(cells, methodCols)
  let url = firstValue(cells, urlCols)
  const line = url ? REQUEST_LINE_RE.exec(url) : null
  if (line) url = line[2]
  entry.method = method ? method.toUpperCase() : (line?.[1] ?? null)
  entry.url = url
}

/**
 * The source's own outcome word first, then the HTTP status; failing that, content in an error column
 * means error, a status column left blank means no response (error), and anything else success.
 */
function outcome(entry: EntryRecord, own: ResultKind | null, hasStatus: boolean, cells: string[], errorCols: number[]): ResultKind {
  if (own) return own
  if (entry.statusCode !== null && entry.statusCode !== undefined) return resultFromStatus(entry.statusCode)
  if (errorCols.length > 0 && firstValue(cells, errorCols) !== null) return 'error'
  return hasStatus ? 'error' : 'success'
}

/** Host and path from the URL, method from "GET /x" endpoints, function from method + path template. */
function deriveRequestParts(entry: EntryRecord, methodOfEndpoint: (endpoint: string) => string | null): void {
  if (entry.endpoint && !entry.method) entry.method = methodOfEndpoint(entry.endpoint)
  if (entry.url && (!entry.host || !entry.path)) {
    const parts = splitUrl(entry.url)
    entry.host ??= parts.host
    entry.path ??= parts.path
  }
  if (!entry.function && (entry.path || entry.endpoint || entry.method)) {
    entry.function = functionName(entry.method, entry.path ? pathTemplate(entry.path) : (entry.endpoint ?? null))
  }
}
