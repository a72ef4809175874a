// Every entry matching a filter, in the grid's order, with its payload: one prepared statement
// iterated row by row (rows as arrays, mapped by position: the hot path of every export), so memory
// does not grow with the number of rows.
import type { EntryDetail, EntryFilter, HeaderList, ResultKind, SortSpec } from '../../shared/types'
import { compileFilter, QueryError } from '../query/compile-filter'
import { ENTRY_COLUMNS } from '../store/columns'
import type { Db } from '../store/db'
import { decodeRaw, PAYLOAD_JOIN, PAYLOAD_SELECT } from '../store/payload-codec'

const COLUMNS = [
  'e.id', 'e.source_id', 'e.position', 'e.ts', 'e.api_user', 'e.agent_user', 'e.function', 'e.result',
  'e.status_code', 'e.status_text', 'e.result_reason', 'e.error_code', 'e.method', 'e.url', 'e.host', 'e.path',
  'e.endpoint', 'e.service', 'e.tenant', 'e.client_ip', 'e.duration_ms', 'e.delay_ms', 'e.correlation_id',
  'e.origin', PAYLOAD_SELECT, 's.name',
].join(', ')

type Cell = string | number | null
type Row = Cell[]

function orderBy(sort: SortSpec | undefined): string {
  const { field, dir } = sort ?? { field: 'ts', dir: 'asc' }
  const column = ENTRY_COLUMNS[field]
  if (!column) throw new QueryError(`cannot sort by "${String(field)}"`)
  const direction = dir === 'desc' ? 'DESC' : 'ASC'
  return column === 'id' ? `e.id ${direction}` : `e.${column} ${direction}, e.id ${direction}`
}

const text = (cell: Cell) => cell as string | null
const num = (cell: Cell) => cell as number | null
const headers = (cell: Cell): HeaderList => (cell ? (JSON.parse(cell as string) as HeaderList) : [])

/** One row, in COLUMNS order, as an EntryDetail (the literal type keeps it complete). */
function toDetail(r: Row): EntryDetail {
  return {
    id: r[0] as number, sourceId: r[1] as number, position: r[2] as number,
    ts: r[3] === null ? null : new Date(r[3] as number).toISOString(),
    apiUser: text(r[4]), agentUser: text(r[5]), function: text(r[6]), result: r[7] as ResultKind,
    statusCode: num(r[8]), statusText: text(r[9]), resultReason: text(r[10]), errorCode: text(r[11]),
    method: text(r[12]), url: text(r[13]), host: text(r[14]), path: text(r[15]), endpoint: text(r[16]),
    service: text(r[17]), tenant: text(r[18]), clientIp: text(r[19]), durationMs: num(r[20]),
    delayMs: num(r[21]), correlationId: text(r[22]), origin: text(r[23]),
    requestHeaders: headers(r[24]), requestBody: text(r[25]), requestBodyEncoding: r[26] as 'base64' | null,
    responseHeaders: headers(r[27]), responseBody: text(r[28]), responseBodyEncoding: r[29] as 'base64' | null,
    raw: decodeRaw(r[30] as unknown as string | Buffer), sourceName: r[31] as string,
  }
}

export interface ExportRowSource {
  count(): number
  rows(): Generator<EntryDetail>
}

/** Validates the filter and sort (throws QueryError) and returns the row iterator and the count. */
export function prepareExportRows(db: Db, filter: EntryFilter, sort?: SortSpec): ExportRowSource {
  const where = compileFilter(filter)
  const from = `FROM entries e JOIN sources s ON s.id = e.source_id`
  const select = db
    .prepare(`SELECT ${COLUMNS} ${from} ${PAYLOAD_JOIN}
      WHERE s.status = 'complete' AND ${where.sql} ORDER BY ${orderBy(sort)}`)
    .raw(true)
  const count = db.prepare(`SELECT count(*) AS n ${from} WHERE s.status = 'complete' AND ${where.sql}`)
  return {
    count: () => (count.get(...where.params) as { n: number }).n,
    rows: function* () {
      for (const row of select.iterate(...where.params)) yield toDetail(row as Row)
    },
  }
}
