// A run of consecutive entries (by id) in columnar form: what a load reads from the store, in the
// worker or in-process, and what the column store appends. Plain typed arrays and value lists, so
// it crosses a worker boundary with its buffers transferred rather than copied.
import { RESULT_KINDS } from '../../../shared/types'
import { ENTRY_COLUMNS } from '../../store/columns'

/** Dictionary-encoded columns (code 0 = NULL). */
export const DICT_FIELDS = ['apiUser', 'agentUser', 'function', 'method', 'service', 'tenant', 'clientIp', 'sourceId'] as const
export type DictField = (typeof DICT_FIELDS)[number]

/** `entries` column of each dictionary field. */
export const DICT_COLUMNS = Object.fromEntries(DICT_FIELDS.map((field) => [field, ENTRY_COLUMNS[field]])) as Record<DictField, string>

export type CodeArray = Uint16Array | Uint32Array

/** Status codes are kept as is; this stands for NULL (real codes are 0–999). */
export const STATUS_NULL = 0xffff
/** result column: the index in RESULT_KINDS. */
export const RESULT_CODES = new Map(RESULT_KINDS.map((kind, i) => [kind, i]))

export interface ColumnChunk {
  rows: number
  id: Uint32Array
  /** epoch ms, NaN for NULL */
  ts: Float64Array
  result: Uint8Array
  status: Uint16Array
  codes: Record<DictField, CodeArray>
  /** the chunk's own dictionaries: values[code], values[0] = NULL */
  values: Record<DictField, Array<string | number | null>>
  /** row positions of the chunk in ascending (ts, id) order, NULL ts first */
  order: Uint32Array
}

/** The chunk's buffers, for postMessage's transfer list. */
export function chunkTransferList(chunk: ColumnChunk): ArrayBuffer[] {
  const arrays = [chunk.id, chunk.ts, chunk.result, chunk.status, chunk.order, ...DICT_FIELDS.map((f) => chunk.codes[f])]
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]
}

/** The store holds something the index cannot represent exactly: queries stay on SQL. */
export class UnsupportedDataError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsupportedDataError'
  }
}
