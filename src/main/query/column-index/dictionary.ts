// Dictionary encoding of one text (or id) column: code 0 is NULL, 1… the distinct values in the
// order first seen. Ranks give each code its place in SQLite's ascending order (NULL first).
import { compareBinary } from './binary-order'

export type DictValue = string | number

/**
 * Text that does not survive the trip out of SQLite unchanged: invalid UTF-8 (a lone surrogate from a
 * JSON escape is stored as such) reads back as U+FFFD, and LIKE stops at a NUL.
 */
const ODD_TEXT = /[\u0000\uFFFD]/

export class Dictionary<V extends DictValue = DictValue> {
  /** values[code]; values[0] is NULL */
  readonly values: Array<V | null> = [null]
  private readonly codes = new Map<V, number>()
  private rankCache: Uint32Array | null = null
  /** some value holds U+FFFD or NUL: equal-looking values may differ in the store (SQL answers) */
  odd = false

  /** The highest code in use (the number of distinct non-null values). */
  get size(): number {
    return this.values.length - 1
  }

  /** The code of a value: 0 for null, -1 when absent. */
  codeOf(value: V | null): number {
    if (value === null) return 0
    return this.codes.get(value) ?? -1
  }

  /** The code of a value, adding it when new. */
  encode(value: V | null): number {
    if (value === null) return 0
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      this.values.push(value)
      this.codes.set(value, code)
      if (typeof value === 'string' && ODD_TEXT.test(value)) this.odd = true
    }
    return code
  }

  /** rank[code]: 0 for NULL, then 1… in ascending BINARY (text) or numeric order. */
  ranks(): Uint32Array {
    if (this.rankCache && this.rankCache.length === this.values.length) return this.rankCache
    const order = Array.from({ length: this.size }, (_, i) => i + 1)
    const values = this.values as V[]
    if (typeof values[1] === 'number') order.sort((a, b) => (values[a] as number) - (values[b] as number))
    else order.sort((a, b) => compareBinary(values[a] as string, values[b] as string))
    const ranks = new Uint32Array(this.values.length)
    order.forEach((code, i) => (ranks[code] = i + 1))
    this.rankCache = ranks
    return ranks
  }

  /** Rough heap bytes held by the values and the lookup map. */
  bytes(): number {
    let total = this.values.length * 40
    for (const v of this.values) if (typeof v === 'string') total += v.length * 2 + 16
    return total
  }
}
