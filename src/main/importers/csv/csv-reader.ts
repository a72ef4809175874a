// Streaming RFC 4180 reader: quoted fields with embedded delimiters, doubled quotes and line breaks.
// Lines without a quote take a fast path (one native split); only quoted records walk the state machine.

/** Longest record kept; a longer one (usually an unclosed quote) is reported and re-read line by line. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024

/** `line` is the 1-based line the record starts on; `raw` its text without the final line break. */
export type RecordHandler = (fields: string[], line: number, raw: string) => void
export type RecordErrorHandler = (line: number, message: string) => void

export interface CsvReaderOptions {
  delimiter: string
  /** '\n' (also covers CRLF) or '\r' for files with lone CR line breaks */
  lineBreak?: '\n' | '\r'
  maxRecordChars?: number
  onError?: RecordErrorHandler
}

const QUOTE = 34
const CR = 13
/** A record that ends where the buffer ends: wait for more text (or the end of input). */
const INCOMPLETE = -1
const UNKNOWN = -2

export class CsvReader {
  private buf = ''
  private pos = 0
  private line = 1
  /** cached index of the next quote at or after the current record, -1 for none, UNKNOWN */
  private quoteAt = UNKNOWN
  /** line break after the field being read (cache for `fieldEnd`) */
  private breakAt = -1
  /** text after the current record's start needed before an incomplete record is tried again */
  private retryLength = 0
  /** inside an over-long line that is being dropped */
  private skipping = false
  /** chunks received since the buffer was last read */
  private pending: string[] = []
  private pendingLength = 0
  private readonly delimiter: string
  private readonly lineBreak: string
  private readonly stripCr: boolean
  private readonly maxChars: number
  private readonly onError: RecordErrorHandler

  constructor(
    private readonly onRecord: RecordHandler,
    options: CsvReaderOptions,
  ) {
    this.delimiter = options.delimiter
    this.lineBreak = options.lineBreak ?? '\n'
    this.stripCr = this.lineBreak === '\n'
    this.maxChars = options.maxRecordChars ?? MAX_RECORD_CHARS
    this.onError = options.onError ?? (() => {})
  }

  push(text: string): void {
    const chunk = this.skipping ? this.skipRest(text) : text
    if (chunk === '') return
    this.pending.push(chunk)
    this.pendingLength += chunk.length
    // a record cut off by the end of the buffer is read again only once the text after its start has
    // doubled, so a record much longer than the chunks costs linear time, not quadratic
    if (this.buf.length - this.pos + this.pendingLength < this.retryLength) return
    this.takePending()
    this.drain(false)
  }

  /** Reads what is left, including a last record without a line break. */
  end(): void {
    this.takePending()
    this.drain(true)
    this.buf = ''
    this.pos = 0
    this.quoteAt = UNKNOWN
  }

  /** Drops the rest of an over-long line; returns the text after its line break. */
  private skipRest(chunk: string): string {
    const at = chunk.indexOf(this.lineBreak)
    if (at < 0) return ''
    this.skipping = false
    this.line++
    return chunk.slice(at + 1)
  }

  private takePending(): void {
    if (this.pending.length === 0) return
    const rest = this.pos < this.buf.length ? this.buf.slice(this.pos) : ''
    this.buf = rest + this.pending.join('')
    this.pending = []
    this.pendingLength = 0
    this.quoteAt = this.quoteAt >= this.pos ? this.quoteAt - this.pos : UNKNOWN
    this.pos = 0
  }

  private drain(atEnd: boolean): void {
    const { buf, lineBreak } = this
    while (this.pos < buf.length) {
      const start = this.pos
      let stop = buf.indexOf(lineBreak, start)
      if (stop < 0) {
        if (atEnd) stop = buf.length
        else if (buf.length - start > this.maxChars) this.startSkipping()
        else this.retryLength = this.retryAfter(start)
        if (!atEnd) break
      }
      if (!this.hasQuoteBefore(start, stop)) {
        this.emitLine(start, stop)
        continue
      }
      const tooLong = buf.length - start > this.maxChars
      if (this.readQuoted(start, atEnd)) continue
      this.retryLength = this.retryAfter(start)
      if (atEnd) this.recover(stop, 'unterminated quoted field')
      else if (tooLong) this.recover(stop, 'record too long (unclosed quote?)')
      else break
    }
  }

  /** Twice the text after `start`, capped so that the length limit is still checked in time. */
  private retryAfter(start: number): number {
    return Math.min(2 * (this.buf.length - start), this.maxChars + 1)
  }

  /** A line longer than the limit with no line break yet: reported, then dropped up to its break. */
  private startSkipping(): void {
    this.onError(this.line, `line longer than ${this.maxChars} characters`)
    this.skipping = true
    this.retryLength = 0
    this.pos = this.buf.length
  }

  private hasQuoteBefore(start: number, stop: number): boolean {
    if (this.quoteAt === UNKNOWN || (this.quoteAt >= 0 && this.quoteAt < start)) {
      this.quoteAt = this.buf.indexOf('"', start)
    }
    return this.quoteAt >= 0 && this.quoteAt < stop
  }

  /** Fast path: a physical line without quotes is one record. */
  private emitLine(start: number, stop: number): void {
    this.retryLength = 0
    const raw = this.slice(start, stop)
    this.pos = stop + 1
    const line = this.line++
    this.onRecord(raw === '' ? [''] : raw.split(this.delimiter), line, raw)
  }

  /** The first physical line of a broken record is reported; reading resumes on the next line. */
  private recover(stop: number, message: string): void {
    this.retryLength = 0
    this.onError(this.line, message)
    this.line++
    this.pos = stop + 1
  }

  /** Reads one record that contains a quote; false when the buffer ends inside it. */
  private readQuoted(start: number, atEnd: boolean): boolean {
    const { buf, delimiter } = this
    const fields: string[] = []
    let i = start
    this.breakAt = -1
    for (;;) {
      let value = ''
      if (buf.charCodeAt(i) === QUOTE) {
        const closeAt = this.closingQuote(i + 1, atEnd)
        if (closeAt < 0) return false
        value = buf.slice(i + 1, closeAt)
        if (value.includes('""')) value = value.replace(/""/g, '"')
        i = closeAt + 1
      }
      // an unquoted field, or text after a closing quote (not RFC 4180, kept as typed)
      const end = this.fieldEnd(i, atEnd)
      if (end < 0) return false
      if (end > i) value += this.slice(i, end)
      fields.push(value)
      i = end
      if (i < buf.length && buf.startsWith(delimiter, i)) {
        i += delimiter.length
        continue
      }
      this.retryLength = 0
      const raw = this.slice(start, i)
      const line = this.line
      this.line += 1 + countOf(raw, this.lineBreak)
      this.pos = i + 1
      this.onRecord(fields, line, raw)
      return true
    }
  }

  /** Index of the quote closing a field whose content starts at `from`; -1 when not in the buffer yet. */
  private closingQuote(from: number, atEnd: boolean): number {
    const { buf } = this
    let i = from
    for (;;) {
      const q = buf.indexOf('"', i)
      if (q < 0) return -1
      if (q + 1 >= buf.length) return atEnd ? q : -1
      if (buf.charCodeAt(q + 1) !== QUOTE) return q
      i = q + 2
    }
  }

  /** Index of the delimiter or line break that ends the field at `from`. */
  private fieldEnd(from: number, atEnd: boolean): number {
    const { buf } = this
    if (this.breakAt < from) this.breakAt = buf.indexOf(this.lineBreak, from)
    const br = this.breakAt
    const d = buf.indexOf(this.delimiter, from)
    if (d >= 0 && (br < 0 || d < br)) return d
    if (br >= 0) return br
    return atEnd ? buf.length : INCOMPLETE
  }

  /** Text of [from, to) without a CR that belongs to a CRLF line break at `to`. */
  private slice(from: number, to: number): string {
    const { buf } = this
    const atBreak = to >= buf.length || buf.charCodeAt(to) === 10
    if (this.stripCr && atBreak && to > from && buf.charCodeAt(to - 1) === CR) return buf.slice(from, to - 1)
    return buf.slice(from, to)
  }
}

function countOf(text: string, needle: string): number {
  let count = 0
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++
  return count
}

/** Feeds every chunk through a reader. */
export async function readCsv(
  input: AsyncIterable<string>,
  onRecord: RecordHandler,
  options: CsvReaderOptions,
): Promise<void> {
  const reader = new CsvReader(onRecord, options)
  for await (const chunk of input) reader.push(chunk)
  reader.end()
}
