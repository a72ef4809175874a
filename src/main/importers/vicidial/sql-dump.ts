// mysqldump (or phpMyAdmin) SQL with `INSERT INTO vicidial_api_log VALUES (…),(…);` statements.
// Read line by line: mysqldump writes one statement per line, phpMyAdmin one tuple per line; a tuple
// split over lines by a literal line break is carried over. Every other statement is skipped.
// Positions are the line a tuple starts on (tuples of one extended INSERT share it).
import { forEachLine } from '../line-splitter'
import type { ImportContext } from '../types'
import { describeColumns, LOG_COLUMNS, toEntry, type ApiLogColumn, type ApiLogValues } from './api-log-row'
import { ApiUrlCache } from './api-url-cache'
import { nextTuple, type TupleValue } from './mysql-tuples'

/** `INSERT INTO [`db`.]`table` [(`col`, …)] VALUES` (also IGNORE / REPLACE) */
const INSERT_RE =
  /^\s*(?:INSERT|REPLACE)\s+(?:(?:IGNORE|DELAYED|LOW_PRIORITY|HIGH_PRIORITY)\s+)*INTO\s+(?:[`"]?\w+[`"]?\.)?[`"]?(\w+)[`"]?\s*(?:\(([^)]*)\))?\s*VALUES\s*/i
const CREATE_RE = /^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:[`"]?\w+[`"]?\.)?[`"]?(\w+)[`"]?/i
const COLUMN_DEF_RE = /^\s*[`"](\w+)[`"]\s+\w/
const URL_TABLE_COLUMNS = ['api_id', 'api_date', 'remote_ip', 'url']
/** A tuple may span at most this much text before it is reported as broken (each line re-reads it). */
const MAX_TUPLE_CHARS = 16 * 1024 * 1024
const MAX_TUPLE_LINES = 1000

type Table = 'log' | 'urls' | 'other'

function tableKind(name: string): Table {
  const n = name.toLowerCase()
  if (n === 'vicidial_api_log' || n === 'vicidial_api_log_archive') return 'log'
  if (n === 'vicidial_api_urls' || n === 'vicidial_api_urls_archive') return 'urls'
  return 'other'
}

function columnList(text: string): string[] {
  return text.split(',').map((c) => c.trim().replace(/^[`"]|[`"]$/g, '').toLowerCase())
}

export class SqlDumpReader {
  private columns: Record<'log' | 'urls', string[]> = { log: [...LOG_COLUMNS], urls: URL_TABLE_COLUMNS }
  private creating: 'log' | 'urls' | null = null
  private created: string[] = []
  /** inside the VALUES of an INSERT into this table */
  private inserting: { table: Table; columns: string[] } | null = null
  /** the text of a tuple that continues on the next line, where it started, over how many lines */
  private carry: { text: string; line: number; lines: number } | null = null
  private hasMapping = false
  private hasJoined = false
  private readonly urls = new ApiUrlCache()

  constructor(private readonly ctx: ImportContext) {}

  onLine(text: string, line: number): void {
    if (this.inserting && !this.carry && !/^\s*[(,;]/.test(text)) this.inserting = null
    if (this.inserting?.table === 'other') {
      this.skipOther(text, line)
      return
    }
    if (this.inserting) {
      this.readValues(text, 0, line)
      return
    }
    if (this.creating) {
      this.readColumnDef(text)
      this.ctx.sink.skip(line)
      return
    }
    const insert = INSERT_RE.exec(text)
    if (insert) {
      const table = tableKind(insert[1])
      const columns = insert[2] ? columnList(insert[2]) : table === 'other' ? [] : this.columns[table]
      this.inserting = { table, columns }
      if (table === 'other') this.skipOther(text, line)
      else this.readValues(text, insert[0].length, line)
      return
    }
    const create = CREATE_RE.exec(text)
    if (create && tableKind(create[1]) !== 'other') {
      this.creating = tableKind(create[1]) as 'log' | 'urls'
      this.created = []
    }
    this.ctx.sink.skip(line)
  }

  end(): void {
    if (this.carry) this.ctx.sink.error(this.carry.line, 'the dump ends inside a VALUES tuple')
    this.carry = null
  }

  /** Rows of other tables are not read, only skipped up to the statement's end. */
  private skipOther(text: string, line: number): void {
    if (text.trimEnd().endsWith(';')) this.inserting = null
    this.ctx.sink.skip(line)
  }

  private readColumnDef(text: string): void {
    const column = COLUMN_DEF_RE.exec(text)
    if (column) this.created.push(column[1].toLowerCase())
    if (/^\s*\)/.test(text)) {
      if (this.created.length > 0) this.columns[this.creating as 'log' | 'urls'] = this.created
      this.creating = null
    }
  }

  private readValues(lineText: string, from: number, line: number): void {
    const carry = this.carry
    const text = carry ? `${carry.text}\n${lineText}` : lineText
    const startLine = carry ? carry.line : line
    let i = carry ? 0 : from
    this.carry = null
    const insert = this.inserting as { table: Table; columns: string[] }
    let tuples = 0
    for (;;) {
      const step = nextTuple(text, i)
      if (step.kind === 'end') {
        if (step.end <= text.length && text[step.end - 1] === ';') this.inserting = null
        break
      }
      if (step.kind === 'incomplete') {
        const held = tuples === 0 ? (carry?.lines ?? 1) + 1 : 1
        this.keepCarry(text.slice(step.start), tuples === 0 ? startLine : line, held)
        break
      }
      const at = tuples === 0 ? startLine : line
      tuples++
      if (step.kind === 'error') this.ctx.sink.error(at, step.message)
      else this.takeTuple(insert, step.values, at, text.slice(step.start, step.end))
      i = step.end
    }
    if (tuples === 0 && !this.carry) this.ctx.sink.skip(line)
  }

  /** A tuple continued on the next line (a literal line break inside a string), within bounds. */
  private keepCarry(text: string, line: number, lines: number): void {
    if (text.length > MAX_TUPLE_CHARS || lines > MAX_TUPLE_LINES) {
      this.ctx.sink.error(line, `VALUES tuple longer than ${MAX_TUPLE_LINES} lines or ${MAX_TUPLE_CHARS} characters`)
      this.inserting = null
      return
    }
    this.carry = { text, line, lines }
  }

  private takeTuple(insert: { table: Table; columns: string[] }, values: TupleValue[], line: number, raw: string): void {
    const row: Record<string, TupleValue> = {}
    insert.columns.forEach((column, i) => {
      row[column] = values[i] ?? null
    })
    if (insert.table === 'urls') {
      this.urls.put(row.api_id, row.url, row.remote_ip)
      this.ctx.sink.skip(line)
      return
    }
    if (values.length !== insert.columns.length) {
      this.ctx.sink.error(line, `${values.length} values for ${insert.columns.length} columns of vicidial_api_log`)
      return
    }
    this.setMappingOnce(insert.columns)
    const joined = this.urls.take(row.api_id)
    if (joined && !this.hasJoined) this.noteJoin(insert.columns)
    const entry = toEntry({ ...(row as ApiLogValues), url: joined?.url ?? null, remote_ip: joined?.remoteIp ?? null }, line, raw, this.ctx.wall)
    if (typeof entry === 'string') this.ctx.sink.error(line, entry)
    else this.ctx.sink.add(entry)
  }

  private setMappingOnce(columns: string[]): void {
    if (this.hasMapping) return
    this.hasMapping = true
    this.ctx.sink.setMapping(this.mappingOf(columns))
  }

  /** The URL and client IP come from vicidial_api_urls rows read earlier in the dump. */
  private noteJoin(columns: string[]): void {
    this.hasJoined = true
    this.ctx.sink.setMapping({ ...this.mappingOf(columns), ...describeColumns([['vicidial_api_urls.remote_ip', 'remote_ip'], ['vicidial_api_urls.url', 'url']]) })
  }

  private mappingOf(columns: string[]): Record<string, string> {
    const known = new Set<string>([...LOG_COLUMNS])
    return describeColumns(columns.map((c) => [c, known.has(c) ? (c as ApiLogColumn) : null]))
  }
}

export async function importSqlDump(input: AsyncIterable<string>, ctx: ImportContext): Promise<void> {
  const reader = new SqlDumpReader(ctx)
  await forEachLine(
    input,
    (text, line) => reader.onLine(text, line),
    (line, length) => ctx.sink.error(line, `line of ${length} characters is too long`),
  )
  reader.end()
}
