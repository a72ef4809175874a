// Table exports with a column-name header: the TSV of `mysql -e "SELECT * FROM vicidial_api_log"`
// (batch mode: tab-separated, \t \n \\ \0 escaped, NULL for null) and CSV exports of the table
// (phpMyAdmin, Workbench, DBeaver…). Extra columns url / remote_ip (from a JOIN with
// vicidial_api_urls) fill the URL and client IP.
import { CsvReader } from '../csv/csv-reader'
import { completeLines, sniffDialect } from '../csv/dialect'
import { peekText } from '../csv/head-text'
import { forEachLine } from '../line-splitter'
import type { ImportContext } from '../types'
import { ImportRejected } from '../types'
import { describeColumns, LOG_COLUMNS, toEntry, type ApiLogColumn, type ApiLogValues } from './api-log-row'

const ALIASES: Readonly<Record<string, ApiLogColumn>> = {
  full_url: 'url',
  full_url_string: 'url',
  api_url_full: 'url',
  ip: 'remote_ip',
  client_ip: 'remote_ip',
}
const REQUIRED: readonly ApiLogColumn[] = ['user', 'api_date', 'function']

/** A header cell as a table column name: `api_date`, "API_DATE", vicidial_api_log.api_date → api_date. */
function columnOf(cell: string): ApiLogColumn | null {
  const name = cell.trim().replace(/^[`"']|[`"']$/g, '').replace(/^.*\./, '').toLowerCase()
  if ((LOG_COLUMNS as readonly string[]).includes(name) || name === 'url' || name === 'remote_ip') return name as ApiLogColumn
  return ALIASES[name] ?? null
}

/** Table columns of a header row, or null when it is not a vicidial_api_log header. */
export function readTableHeader(cells: string[]): Array<ApiLogColumn | null> | null {
  const columns = cells.map(columnOf)
  return REQUIRED.every((c) => columns.includes(c)) ? columns : null
}

const MYSQL_ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', '0': '\0', '\\': '\\' }

function unescapeMysql(value: string): string | null {
  if (value === 'NULL') return null
  if (!value.includes('\\')) return value
  return value.replace(/\\(.)/g, (_, c: string) => MYSQL_ESCAPES[c] ?? c)
}

class TableRows {
  private columns: Array<ApiLogColumn | null> | null = null

  constructor(
    private readonly ctx: ImportContext,
    private readonly unescape: (value: string) => string | null,
  ) {}

  take(cells: string[], line: number, raw: string): void {
    if (raw.trim() === '') return this.ctx.sink.skip(line)
    if (!this.columns) {
      this.columns = readTableHeader(cells)
      if (!this.columns) throw new ImportRejected('the first row is not a vicidial_api_log column header (api_id, user, api_date, …)')
      const columns = this.columns
      this.ctx.sink.setMapping(describeColumns(cells.map((c, i) => [c.trim(), columns[i]])))
      return this.ctx.sink.skip(line)
    }
    if (cells.length > this.columns.length) {
      return this.ctx.sink.error(line, `${cells.length} fields but the header has ${this.columns.length}`)
    }
    const values: ApiLogValues = {}
    this.columns.forEach((column, i) => {
      if (column && cells[i] !== undefined) values[column] = this.unescape(cells[i])
    })
    const entry = toEntry(values, line, raw, this.ctx.wall)
    if (typeof entry === 'string') this.ctx.sink.error(line, entry)
    else this.ctx.sink.add(entry)
  }

  end(): void {
    if (!this.columns) throw new ImportRejected('the file has no vicidial_api_log column header')
  }
}

/** `mysql -e` batch output: one row per line, tab-separated, backslash escapes. */
export async function importMysqlTsv(input: AsyncIterable<string>, ctx: ImportContext): Promise<void> {
  const rows = new TableRows(ctx, unescapeMysql)
  await forEachLine(
    input,
    (text, line) => rows.take(text.split('\t'), line, text),
    (line, length) => ctx.sink.error(line, `line of ${length} characters is too long`),
  )
  rows.end()
}

/** A CSV export of the table (RFC 4180 quoting; NULL written as NULL). */
export async function importTableCsv(input: AsyncIterable<string>, ctx: ImportContext): Promise<void> {
  const peeked = await peekText(input, 64 * 1024)
  const dialect = sniffDialect(completeLines(peeked.head, peeked.isWhole))
  const rows = new TableRows(ctx, (v) => (v === 'NULL' ? null : v))
  const reader = new CsvReader((cells, line, raw) => rows.take(cells, line, raw), {
    delimiter: dialect.delimiter,
    lineBreak: dialect.lineBreak,
    onError: (line, message) => ctx.sink.error(line, message),
  })
  for await (const chunk of peeked.text) reader.push(chunk)
  reader.end()
  rows.end()
}
