// The API Log Report CSV download. The report wraps every value in quotes without escaping embedded
// quotes, so a row is split on the `","` separators into the header's column count, not by RFC 4180.
// A value with a line break continues on the next lines; extra separators go to the free-text column.
import { forEachLine } from '../line-splitter'
import type { ImportContext } from '../types'
import { ImportRejected } from '../types'
import { describeColumns, toEntry, type ApiLogValues } from './api-log-row'
import { readReportHeader, ROW_START_RE, type ReportHeader } from './report-columns'

/** Physical lines one report row may span before it is given up as broken. */
const MAX_ROW_LINES = 50
const MAX_ROW_CHARS = 4 * 1024 * 1024

interface Pending {
  text: string
  line: number
  lines: number
}

/** Cells of a quoted report line, or null when it is not wrapped in quotes. */
export function splitQuotedLine(text: string): string[] | null {
  if (text.length < 2 || text.charCodeAt(0) !== 34 || text.charCodeAt(text.length - 1) !== 34) return null
  return text.slice(1, -1).split('","')
}

/** Folds surplus cells (a value containing `","`) back into the free-text column. */
export function fitCells(cells: string[], width: number, freeText: number): string[] {
  const extra = cells.length - width
  if (extra <= 0) return cells
  const merged = cells.slice(freeText, freeText + extra + 1).join('","')
  return [...cells.slice(0, freeText), merged, ...cells.slice(freeText + extra + 1)]
}

export class ReportRows {
  private header: ReportHeader | null = null
  private pending: Pending | null = null

  constructor(private readonly ctx: ImportContext) {}

  get hasHeader(): boolean {
    return this.header !== null
  }

  /** Preamble lines until the header (the first row with at least 13 cells), then data rows. */
  takeCells(cells: string[], line: number, raw: string): void {
    if (this.header) {
      this.emit(cells, line, raw)
      return
    }
    const header = readReportHeader(cells)
    if (header) {
      this.header = header
      this.ctx.sink.setMapping(describeColumns(header.labels.map((l, i) => [l, header.columns[i]])))
    }
    this.ctx.sink.skip(line)
  }

  /** One physical line in the report's own quoting. */
  onLine(text: string, line: number): void {
    if (!this.header) {
      if (text.trim() === '') this.ctx.sink.skip(line)
      else this.takeCells(splitQuotedLine(text.trim()) ?? [text], line, text)
      return
    }
    if (this.pending && ROW_START_RE.test(text)) this.abandon()
    const start = this.pending ?? { text: '', line, lines: 0 }
    const joined = start.lines === 0 ? text : `${start.text}\n${text}`
    if (start.lines === 0 && joined.trim() === '') {
      this.ctx.sink.skip(line)
      return
    }
    const cells = splitQuotedLine(joined)
    if (cells && cells.length >= this.header.labels.length) {
      this.pending = null
      this.emit(cells, start.line, joined)
      return
    }
    if (start.lines === 0 && joined.charCodeAt(0) !== 34) {
      this.ctx.sink.error(line, 'not a report row: it does not start with a quote')
      return
    }
    this.pending = { text: joined, line: start.line, lines: start.lines + 1 }
    if (this.pending.lines > MAX_ROW_LINES || joined.length > MAX_ROW_CHARS) this.abandon()
  }

  end(): void {
    if (this.pending) this.abandon()
    if (!this.header) throw new ImportRejected('no API Log Report header row ("API DATE","USER","API SCRIPT",…) found')
  }

  private abandon(): void {
    const pending = this.pending as Pending
    this.pending = null
    const width = (this.header as ReportHeader).labels.length
    const found = splitQuotedLine(pending.text)?.length ?? pending.text.split('","').length
    this.ctx.sink.error(pending.line, `${found} of ${width} report columns (row cut short or malformed)`)
  }

  private emit(cells: string[], line: number, raw: string): void {
    const header = this.header as ReportHeader
    const fitted = fitCells(cells, header.labels.length, header.freeText)
    const values: ApiLogValues = {}
    header.columns.forEach((column, i) => {
      if (column) values[column] = fitted[i] ?? null
    })
    const entry = toEntry(values, line, raw, this.ctx.wall)
    if (typeof entry === 'string') this.ctx.sink.error(line, entry)
    else this.ctx.sink.add(entry)
  }
}

/** The report as downloaded: line by line with the quote-wrapped cells. */
export async function importQuotedReport(input: AsyncIterable<string>, ctx: ImportContext): Promise<void> {
  const rows = new ReportRows(ctx)
  await forEachLine(
    input,
    (text, line) => rows.onLine(text, line),
    (line, length) => ctx.sink.error(line, `line of ${length} characters is too long`),
  )
  rows.end()
}
