// HAR 1.2 (HTTP Archive) from browsers, proxies and API clients: log.entries streamed one at a time.
import { parseHarEntry } from './har-entry'
import { JsonStructureError, streamJsonArray } from './json-array-stream'
import { MAX_LINE_LENGTH } from './line-splitter'
import { ImportRejected, type Detection, type ImportContext, type Importer } from './types'

const LOG_FIRST_RE = /^\{\s*"log"\s*:\s*\{/
const LOG_ANYWHERE_RE = /"log"\s*:\s*\{/
const HAR_KEY_RE = /"(?:entries|creator|version)"\s*:/
const ENTRIES_RE = /"entries"\s*:\s*\[/
const isEntries = (path: readonly string[]) => path.length === 2 && path[0] === 'log' && path[1] === 'entries'

/** `{"log": {` with HAR keys: 0.95; a "log" object with an entries array further in: 0.6. */
export function detectHar(head: string): Detection {
  const start = head.replace(/^\uFEFF/, '').trimStart()
  if (!start.startsWith('{')) return { kind: 'no-match', reason: 'not a JSON object' }
  if (LOG_FIRST_RE.test(start)) {
    if (HAR_KEY_RE.test(start)) return { kind: 'match', confidence: 0.95 }
    return { kind: 'no-match', reason: '"log" object without entries, creator or version' }
  }
  if (LOG_ANYWHERE_RE.test(start) && ENTRIES_RE.test(start)) return { kind: 'match', confidence: 0.6 }
  return { kind: 'no-match', reason: 'JSON object without a "log" object' }
}

function addEntry(text: string, index: number, ctx: ImportContext): void {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    ctx.sink.error(index, `entry is not valid JSON: ${(error as Error).message}`)
    return
  }
  const entry = parseHarEntry(value, text, index, ctx.wall)
  if (typeof entry === 'string') ctx.sink.error(index, entry)
  else ctx.sink.add(entry)
}

async function parseHar(input: AsyncIterable<string>, ctx: ImportContext): Promise<void> {
  let seen = 0
  const onElement = (text: string, index: number) => {
    seen = index
    addEntry(text, index, ctx)
  }
  let result
  try {
    // hardening (issue 7): an entry longer than a line may be is reported and skipped, not held whole
    const onOverlong = (index: number, length: number) => {
      seen = index
      ctx.sink.error(index, `entry ${index} is too long to read (${length} characters)`)
    }
    result = await streamJsonArray(input, isEntries, onElement, MAX_LINE_LENGTH, onOverlong)
  } catch (error) {
    if (!(error instanceof JsonStructureError)) throw error
    if (seen === 0) throw new ImportRejected(`not a valid HAR file: ${error.message}`)
    ctx.sink.error(seen + 1, `the rest of the file cannot be read after entry ${seen}: ${error.message}`)
    return
  }
  if (!result.found) {
    throw new ImportRejected(
      'not a HAR file: no "log.entries" array was found (the file may be cut off before it)',
    )
  }
  if (result.truncated) {
    const why = `the file is cut off inside log.entries after entry ${result.count}: the rest is lost`
    ctx.sink.error(result.count + 1, why)
  }
}

export const harImporter: Importer = {
  id: 'har',
  label: 'HAR',
  detect: (head) => detectHar(head),
  parse: parseHar,
}
