// Splits streamed text into lines (LF, CRLF or lone CR) without holding more than one line.

/** Longest line kept; longer lines are reported and skipped, never buffered whole. */
export const MAX_LINE_LENGTH = 64 * 1024 * 1024

export type LineHandler = (line: string, lineNumber: number) => void
export type OverlongHandler = (lineNumber: number, length: number) => void

const BREAK = /[\r\n]/g

export class LineSplitter {
  private rest = ''
  private lineNumber = 0
  private pendingCr = false
  private overlongLength = 0

  constructor(
    private readonly onLine: LineHandler,
    private readonly onOverlong: OverlongHandler = () => {},
    private readonly maxLength = MAX_LINE_LENGTH,
  ) {}

  push(chunk: string): void {
    if (chunk === '') return
    let text = chunk
    if (this.pendingCr) {
      this.pendingCr = false
      if (text.startsWith('\n')) text = text.slice(1)
    }
    let start = 0
    BREAK.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = BREAK.exec(text)) !== null) {
      const at = match.index
      this.emit(text.slice(start, at))
      if (text.charCodeAt(at) === 13) {
        if (at + 1 === text.length) {
          this.pendingCr = true
          start = at + 1
          break
        }
        if (text.charCodeAt(at + 1) === 10) BREAK.lastIndex = at + 2
      }
      start = BREAK.lastIndex
    }
    if (start < text.length) this.keep(text.slice(start))
  }

  /** Emits the last line when the text does not end with a line break. */
  end(): void {
    if (this.rest !== '' || this.overlongLength > 0) this.emit('')
  }

  private keep(tail: string): void {
    if (this.overlongLength > 0) {
      this.overlongLength += tail.length
      return
    }
    if (this.rest.length + tail.length > this.maxLength) {
      this.overlongLength = this.rest.length + tail.length
      this.rest = ''
      return
    }
    this.rest = this.rest === '' ? tail : this.rest + tail
  }

  private emit(head: string): void {
    this.lineNumber++
    if (this.overlongLength > 0) {
      const length = this.overlongLength + head.length
      this.overlongLength = 0
      this.onOverlong(this.lineNumber, length)
      return
    }
    const line = this.rest === '' ? head : this.rest + head
    this.rest = ''
    if (line.length > this.maxLength) this.onOverlong(this.lineNumber, line.length)
    else this.onLine(line, this.lineNumber)
  }
}

/** Feeds every chunk of `input` through a splitter; the common loop of line-based importers. */
export async function forEachLine(
  input: AsyncIterable<string>,
  onLine: LineHandler,
  onOverlong?: OverlongHandler,
): Promise<void> {
  const splitter = new LineSplitter(onLine, onOverlong)
  for await (const chunk of input) splitter.push(chunk)
  splitter.end()
}
