// JSON documents of log records: a top-level array (Kong http-log batches, mitmproxy flows, console
// exports), an object wrapping the array ({"records":[…]}, Elasticsearch hits.hits), or one record.
// The document is streamed element by element; it is never parsed whole unless it is one record.
import { emitRecord, isObject } from './json-record'
import { isRecordArrayPath, looksLikeHar } from './json-record/wrappers'
import { JsonStructureError, streamJsonArray } from './json-array-stream'
import { MAX_LINE_LENGTH } from './line-splitter'
import { parseJsonLine } from './ndjson'
import { ImportRejected, type Detection, type ImportContext, type Importer, type TextInput } from './types'

/** Largest document read whole as a single record. */
export const MAX_SINGLE_RECORD_CHARS = 64 * 1024 * 1024

/** Keeps the text of the document while it may still turn out to be one record. */
class DocumentCapture {
  private chunks: string[] = []
  private length = 0
  overflow = false
  private stopped = false

  async *tee(input: TextInput): AsyncGenerator<string> {
    for await (const chunk of input) {
      if (!this.stopped && !this.overflow) this.keep(chunk)
      yield chunk
    }
  }

  /** The records are in an array: the whole text is not needed. */
  stop(): void {
    this.stopped = true
    this.chunks = []
  }

  text(): string {
    return this.chunks.join('')
  }

  private keep(chunk: string): void {
    this.length += chunk.length
    if (this.length > MAX_SINGLE_RECORD_CHARS) {
      this.overflow = true
      this.chunks = []
    } else {
      this.chunks.push(chunk)
    }
  }
}

function importElement(text: string, index: number, context: ImportContext): void {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    context.sink.error(index, `element ${index} is not valid JSON: ${(error as Error).message}`)
    return
  }
  if (!isObject(value)) {
    context.sink.error(index, `element ${index} is not a JSON object`)
    return
  }
  emitRecord(context.sink, value, { position: index, raw: text, wall: context.wall })
}

/** No records array: the document must be one record object. */
function importSingle(capture: DocumentCapture, context: ImportContext): void {
  if (capture.overflow) {
    throw new ImportRejected(
      'the JSON document has no array of records and is too large to read as one record',
    )
  }
  const text = capture.text().trim()
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const firstLine = text.slice(0, text.search(/\r?\n|$/))
    const hint = parseJsonLine(firstLine).kind === 'object' ? '; one object per line is NDJSON' : ''
    throw new ImportRejected(`the JSON document cannot be read (${(error as Error).message})${hint}`)
  }
  if (!isObject(value)) {
    throw new ImportRejected('the JSON document is neither an array of records nor a record object')
  }
  emitRecord(context.sink, value, { position: 1, raw: text, wall: context.wall })
}

async function parseJson(input: TextInput, context: ImportContext): Promise<void> {
  const capture = new DocumentCapture()
  let count = 0
  const onElement = (text: string, index: number) => {
    count = index
    importElement(text, index, context)
  }
  const target = (path: readonly string[]) => {
    const hit = isRecordArrayPath(path)
    if (hit) capture.stop()
    return hit
  }
  try {
    // hardening (issue 7): an element longer than a line may be is reported and skipped, not held whole
    const onOverlong = (index: number, length: number) => {
      count = index
      context.sink.error(index, `element ${index} is too long to read (${length} characters)`)
    }
    const result = await streamJsonArray(capture.tee(input), target, onElement, MAX_LINE_LENGTH, onOverlong)
    if (!result.found) return importSingle(capture, context)
    if (result.truncated) {
      const message = `the document ends before the array is closed (truncated after element ${count})`
      context.sink.error(count + 1, message)
    }
  } catch (error) {
    if (!(error instanceof JsonStructureError)) throw error
    if (count === 0) throw new ImportRejected(`not a JSON document of records: ${error.message}`)
    context.sink.error(count + 1, `malformed JSON after element ${count}: ${error.message}`)
  }
}

const WRAPPER_HEAD_RE =
  /"(?:records|Records|logs|data|items|results|events|flows|entries|value)"\s*:\s*\[|"hits"\s*:\s*\{/

/** A line that opens another object (possibly after a timestamp prefix): NDJSON's second line. */
function startsWithObject(line: string | undefined): boolean {
  return line !== undefined && (line.trimStart().startsWith('{') || parseJsonLine(line).kind === 'object')
}

function detectObject(head: string): Detection {
  if (looksLikeHar(head)) return { kind: 'match', confidence: 0.5 }
  const lines = head.split(/\r\n|\n|\r/)
  const first = parseJsonLine(lines[0])
  if (first.kind === 'object' && startsWithObject(lines.slice(1).find((line) => line.trim() !== ''))) {
    return { kind: 'no-match', reason: 'one JSON object per line (NDJSON), not one document' }
  }
  if (WRAPPER_HEAD_RE.test(head)) return { kind: 'match', confidence: 0.9 }
  // a record on one line (complete, or longer than the head) reads as well through NDJSON, which wins
  const oneLine = first.kind === 'object' || lines.length === 1
  return { kind: 'match', confidence: oneLine ? 0.5 : 0.8 }
}

export function detectJson(head: string): Detection {
  const text = head.trimStart()
  if (text.startsWith('[')) {
    const next = text.slice(1).trimStart()
    const ofObjects = next === '' || next.startsWith('{') || next.startsWith(']')
    return { kind: 'match', confidence: ofObjects ? 0.9 : 0.3 }
  }
  if (text.startsWith('{')) return detectObject(text)
  return { kind: 'no-match', reason: 'does not start with "[" or "{"' }
}

export const jsonImporter: Importer = {
  id: 'json',
  label: 'JSON',
  detect: (head) => detectJson(head),
  parse: parseJson,
}
