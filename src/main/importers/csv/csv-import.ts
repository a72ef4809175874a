// The CSV parse loop: header row, a bounded sample of rows to settle the mapping, then one row at a time.
import type { ImportContext } from '../types'
import { ImportRejected } from '../types'
import { autoMap } from './auto-map'
import { CsvReader } from './csv-reader'
import { sniffDialect, completeLines } from './dialect'
import { headerProblem } from './detect-csv'
import { describeColumn, uniqueLabels, type ColumnName } from './header-names'
import { peekText } from './head-text'
import { compileRowReader, type RowReader } from './record-plan'
import { applyUserMapping, describeMapping, noTimeColumn, readUserMapping, reservedBy } from './user-mapping'

/** Text read before choosing the delimiter. */
const SNIFF_CHARS = 64 * 1024
/** Rows held back to settle the mapping (time format, ambiguous columns), bounded by count and size. */
const SAMPLE_ROWS = 200
const SAMPLE_CHARS = 4 * 1024 * 1024

/** A row read while the mapping is not settled yet; `error` when the reader could not read it. */
interface HeldRow {
  cells: string[]
  line: number
  raw: string
  error?: string
}

class CsvImport {
  private header: { columns: ColumnName[]; raw: string } | null = null
  private held: HeldRow[] = []
  private heldChars = 0
  private readRow: RowReader | null = null
  private width = 0

  constructor(
    private readonly ctx: ImportContext,
    private readonly skipLines: number,
  ) {}

  readonly onRecord = (cells: string[], line: number, raw: string): void => {
    if (line <= this.skipLines || raw.trim() === '') {
      this.ctx.sink.skip(line)
      return
    }
    if (this.readRow) this.handleRow(cells, line, raw)
    else if (!this.header) this.takeHeader(cells, raw, line)
    else this.hold({ cells, line, raw })
  }

  /** Reader errors keep their place among held rows, so errors are reported in file order. */
  readonly onError = (line: number, message: string): void => {
    if (this.header && !this.readRow) this.held.push({ cells: [], line, raw: '', error: message })
    else this.ctx.sink.error(line, message)
  }

  /** Settles the mapping if the file ended during sampling (a header alone has nothing to map). */
  finish(): void {
    if (!this.header) throw new ImportRejected('the file has no header row')
    if (!this.readRow && this.held.length > 0) this.settle()
  }

  private takeHeader(cells: string[], raw: string, line: number): void {
    const problem = headerProblem(cells)
    if (problem) throw new ImportRejected(`not a CSV log with a header row: ${problem}`)
    const columns = uniqueLabels(cells).map(describeColumn)
    this.header = { columns, raw }
    this.width = columns.length
    this.ctx.sink.skip(line)
  }

  private hold(row: HeldRow): void {
    this.held.push(row)
    this.heldChars += row.raw.length
    if (this.held.length >= SAMPLE_ROWS || this.heldChars >= SAMPLE_CHARS) this.settle()
  }

  private settle(): void {
    const { columns } = this.header as { columns: ColumnName[] }
    const headerRaw = this.header?.raw
    const sampled = this.held.filter((r) => r.error === undefined && r.raw !== headerRaw).slice(0, 50)
    const samples = columns.map((_, i) => sampled.map((r) => r.cells[i] ?? ''))
    const user = readUserMapping(columns, this.ctx.mapping)
    const auto = autoMap(columns, samples, this.ctx.wall, reservedBy(user))
    const hasUserMapping = user.columns.size > 0
    const fields = applyUserMapping(auto.fields, user)
    if (!fields.has('ts') && !hasUserMapping) throw noTimeColumn(columns)
    this.ctx.sink.setMapping(describeMapping(fields, columns))
    this.readRow = compileRowReader({ columns, fields, samples, wall: this.ctx.wall, layout: auto.layout })
    const held = this.held
    this.held = []
    for (const row of held) {
      if (row.error !== undefined) this.ctx.sink.error(row.line, row.error)
      else this.handleRow(row.cells, row.line, row.raw)
    }
  }

  private handleRow(cells: string[], line: number, raw: string): void {
    if (cells.length > this.width && cells.slice(this.width).some((c) => c.trim() !== '')) {
      this.ctx.sink.error(line, `${cells.length} fields but the header has ${this.width}`)
      return
    }
    if (raw === this.header?.raw) {
      this.ctx.sink.skip(line) // the header again (concatenated exports)
      return
    }
    const entry = (this.readRow as RowReader)(cells, line, raw)
    if (typeof entry === 'string') this.ctx.sink.error(line, entry)
    else this.ctx.sink.add(entry)
  }
}

export async function importCsv(input: AsyncIterable<string>, ctx: ImportContext): Promise<void> {
  const peeked = await peekText(input, SNIFF_CHARS)
  const dialect = sniffDialect(completeLines(peeked.head, peeked.isWhole))
  const job = new CsvImport(ctx, dialect.skipLines)
  const reader = new CsvReader(job.onRecord, {
    delimiter: dialect.delimiter,
    lineBreak: dialect.lineBreak,
    onError: job.onError,
  })
  for await (const chunk of peeked.text) reader.push(chunk)
  reader.end()
  job.finish()
}
