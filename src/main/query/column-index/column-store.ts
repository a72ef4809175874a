// The in-memory columns of every entry, in id order: id, ts, result, status code and the
// dictionary-encoded fields, plus the (ts, id) order. Grows by appending chunks of newer entries.
import { DICT_FIELDS, UnsupportedDataError, type CodeArray, type ColumnChunk, type DictField } from './column-chunk'
import { Dictionary } from './dictionary'
import { countNullTs, mergeOrder } from './ts-order'

type Numeric = Uint8Array | Uint16Array | Uint32Array | Float64Array

function grow<T extends Numeric>(array: T, capacity: number, make: (n: number) => T): T {
  const next = make(capacity)
  next.set(array)
  return next
}

export class ColumnStore {
  rows = 0
  id: Uint32Array = new Uint32Array(0)
  ts: Float64Array = new Float64Array(0)
  result: Uint8Array = new Uint8Array(0)
  status: Uint16Array = new Uint16Array(0)
  readonly codes = {} as Record<DictField, CodeArray>
  readonly dicts = {} as Record<DictField, Dictionary>
  /** row positions in ascending (ts, id) order */
  order: Uint32Array = new Uint32Array(0)
  /** rows with a NULL time (they lead `order`) */
  nullTs = 0
  /** bumped on every append (caches of derived data compare it) */
  version = 0

  constructor() {
    for (const field of DICT_FIELDS) {
      this.codes[field] = new Uint16Array(0)
      this.dicts[field] = new Dictionary()
    }
  }

  get capacity(): number {
    return this.id.length
  }

  /** Id of the newest entry, 0 when empty. */
  get lastId(): number {
    return this.rows > 0 ? this.id[this.rows - 1] : 0
  }

  append(chunk: ColumnChunk): void {
    if (chunk.rows === 0) return
    if (chunk.id[0] <= this.lastId) throw new UnsupportedDataError(`entry ${chunk.id[0]} is not newer than ${this.lastId}`)
    const base = this.rows
    if (base === 0) return this.adopt(chunk)
    this.reserve(base + chunk.rows)
    this.id.set(chunk.id, base)
    this.ts.set(chunk.ts, base)
    this.result.set(chunk.result, base)
    this.status.set(chunk.status, base)
    for (const field of DICT_FIELDS) this.appendCodes(field, chunk, base)
    this.rows = base + chunk.rows
    this.order = mergeOrder(this.ts, this.order, chunk.order, base)
    this.nullTs = countNullTs(this.ts, this.order)
    this.version++
  }

  /** The first chunk: its arrays become the columns as they are (no copy of a big first load). */
  private adopt(chunk: ColumnChunk): void {
    this.id = chunk.id
    this.ts = chunk.ts
    this.result = chunk.result
    this.status = chunk.status
    for (const field of DICT_FIELDS) {
      const dict = this.dicts[field]
      const local = chunk.values[field]
      for (let code = 1; code < local.length; code++) {
        if (dict.encode(local[code]) !== code) throw new Error(`${field}: a fresh dictionary re-coded a value`)
      }
      this.codes[field] = chunk.codes[field]
    }
    this.rows = chunk.rows
    this.order = chunk.order
    this.nullTs = countNullTs(this.ts, this.order)
    this.version++
  }

  /** Row position of an entry id, or -1. */
  positionOf(id: number): number {
    const ids = this.id
    const guess = id - ids[0]
    if (guess >= 0 && guess < this.rows && ids[guess] === id) return guess
    let lo = 0
    let hi = this.rows
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (ids[mid] < id) lo = mid + 1
      else hi = mid
    }
    return lo < this.rows && ids[lo] === id ? lo : -1
  }

  /** Bytes held by the columns (with their spare capacity) and the dictionaries. */
  bytes(): number {
    const arrays: Numeric[] = [this.id, this.ts, this.result, this.status, this.order, ...DICT_FIELDS.map((f) => this.codes[f])]
    return arrays.reduce((sum, a) => sum + a.byteLength, 0) + DICT_FIELDS.reduce((sum, f) => sum + this.dicts[f].bytes(), 0)
  }

  private reserve(needed: number): void {
    if (needed <= this.capacity) return
    // the first load is sized exactly; later growth leaves room for the appends of an import
    const capacity = this.rows === 0 ? needed : Math.max(needed, Math.ceil(this.capacity * 1.25))
    this.id = grow(this.id, capacity, (n) => new Uint32Array(n))
    this.ts = grow(this.ts, capacity, (n) => new Float64Array(n))
    this.result = grow(this.result, capacity, (n) => new Uint8Array(n))
    this.status = grow(this.status, capacity, (n) => new Uint16Array(n))
    for (const field of DICT_FIELDS) {
      const codes = this.codes[field]
      this.codes[field] = grow(codes, capacity, (n) => (codes instanceof Uint32Array ? new Uint32Array(n) : new Uint16Array(n)))
    }
  }

  /** Copies a chunk's codes, re-coded into this store's dictionary (widening to 32 bits if needed). */
  private appendCodes(field: DictField, chunk: ColumnChunk, base: number): void {
    const dict = this.dicts[field]
    const local = chunk.values[field]
    const remap = new Uint32Array(local.length)
    let identity = true
    for (let code = 1; code < local.length; code++) {
      remap[code] = dict.encode(local[code])
      if (remap[code] !== code) identity = false
    }
    if (dict.size > 0xffff && this.codes[field] instanceof Uint16Array) this.codes[field] = Uint32Array.from(this.codes[field])
    const target = this.codes[field]
    const source = chunk.codes[field]
    if (identity) {
      target.set(source, base)
      return
    }
    for (let i = 0; i < chunk.rows; i++) target[base + i] = remap[source[i]]
  }
}
