// Reads entries with id > afterId into a ColumnChunk, in one read transaction (one snapshot). Runs
// in the index worker for big loads and in-process for small ones.
import type { Db } from '../../store/db'
import {
  DICT_COLUMNS, DICT_FIELDS, RESULT_CODES, STATUS_NULL, UnsupportedDataError, type CodeArray, type ColumnChunk, type DictField,
} from './column-chunk'
import { Dictionary } from './dictionary'
import { sortByTs } from './ts-order'

const MAX_ID = 0xffffffff
const SELECT = `SELECT id, ts, result, status_code, ${DICT_FIELDS.map((f) => DICT_COLUMNS[f]).join(', ')}
  FROM entries WHERE id > ? ORDER BY id`

class ChunkBuilder {
  readonly id: Uint32Array
  readonly ts: Float64Array
  readonly result: Uint8Array
  readonly status: Uint16Array
  readonly codes = {} as Record<DictField, CodeArray>
  readonly dicts = {} as Record<DictField, Dictionary>
  rows = 0

  constructor(
    private readonly capacity: number,
    private lastId: number,
  ) {
    this.id = new Uint32Array(capacity)
    this.ts = new Float64Array(capacity)
    this.result = new Uint8Array(capacity)
    this.status = new Uint16Array(capacity)
    for (const field of DICT_FIELDS) {
      this.codes[field] = new Uint16Array(capacity)
      this.dicts[field] = new Dictionary()
    }
  }

  add(row: unknown[]): void {
    const i = this.rows++
    const id = row[0]
    if (typeof id !== 'number' || !Number.isInteger(id) || id <= this.lastId || id > MAX_ID) {
      throw new UnsupportedDataError(`entry id ${String(id)}`)
    }
    this.lastId = id
    this.id[i] = id
    const ts = row[1]
    if (ts !== null && typeof ts !== 'number') throw new UnsupportedDataError(`entry ${id}: ts is ${typeof ts}`)
    this.ts[i] = ts === null ? NaN : ts
    const result = RESULT_CODES.get(row[2] as never)
    if (result === undefined) throw new UnsupportedDataError(`entry ${id}: result ${String(row[2])}`)
    this.result[i] = result
    const status = row[3]
    if (status !== null && !(typeof status === 'number' && Number.isInteger(status) && status >= 0 && status < STATUS_NULL)) {
      throw new UnsupportedDataError(`entry ${id}: status ${String(status)}`)
    }
    this.status[i] = status === null ? STATUS_NULL : status
    for (let f = 0; f < DICT_FIELDS.length; f++) this.encode(DICT_FIELDS[f], row[4 + f], i, id)
  }

  private encode(field: DictField, value: unknown, i: number, id: number): void {
    const wanted = field === 'sourceId' ? 'number' : 'string'
    if (value !== null && typeof value !== wanted) throw new UnsupportedDataError(`entry ${id}: ${field} is ${typeof value}`)
    const code = this.dicts[field].encode(value as string | number | null)
    let codes = this.codes[field]
    if (code > 0xffff && codes instanceof Uint16Array) {
      codes = this.codes[field] = Uint32Array.from(codes)
    }
    codes[i] = code
  }

  finish(): ColumnChunk {
    const n = this.rows
    const trim = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T): T =>
      (n === this.capacity ? a : a.slice(0, n)) as T
    const codes = {} as Record<DictField, CodeArray>
    const values = {} as Record<DictField, Array<string | number | null>>
    for (const field of DICT_FIELDS) {
      codes[field] = trim(this.codes[field])
      values[field] = this.dicts[field].values
    }
    const ts = trim(this.ts)
    const order = sortByTs(ts, n)
    return { rows: n, id: trim(this.id), ts, result: trim(this.result), status: trim(this.status), codes, values, order }
  }
}

/** Every entry with id > afterId, read in one snapshot. Throws UnsupportedDataError on odd values. */
export function readChunk(db: Db, afterId: number): ColumnChunk {
  const read = () => {
    const count = (db.prepare('SELECT count(*) FROM entries WHERE id > ?').pluck().get(afterId) as number) ?? 0
    const builder = new ChunkBuilder(count, afterId)
    for (const row of db.prepare(SELECT).raw(true).iterate(afterId) as Iterable<unknown[]>) {
      if (builder.rows === count) throw new Error('entries changed while being read')
      builder.add(row)
    }
    return builder.finish()
  }
  return db.inTransaction ? read() : db.transaction(read).deferred()
}
