// Row positions in ascending (ts, id) order, as SQLite's `ORDER BY ts, id` (NULL first; rows are
// kept in id order, so a position stands for its id). Descending order is the same walked backwards.

/** Sort key of a time: NULL (NaN) sorts before every time. */
const keyOf = (t: number) => (t === t ? t : -Infinity)

/** Positions 0…count-1 of `ts` in (ts, position) order. */
export function sortByTs(ts: Float64Array, count: number): Uint32Array {
  const order = new Uint32Array(count)
  let sorted = true
  let previous = -Infinity
  for (let i = 0; i < count; i++) {
    order[i] = i
    const key = keyOf(ts[i])
    if (key < previous) sorted = false
    previous = key
  }
  if (sorted) return order
  const keys = new Float64Array(count)
  for (let i = 0; i < count; i++) keys[i] = keyOf(ts[i])
  // TimSort: cheap on the long ascending runs logs are made of
  return order.sort((a, b) => keys[a] - keys[b] || a - b)
}

/**
 * Merges `tail` (positions all above those in `order`, sorted the same way, offset by `base`) into
 * `order`. Equal times keep the earlier position first.
 */
export function mergeOrder(ts: Float64Array, order: Uint32Array, tail: Uint32Array, base: number): Uint32Array {
  const out = new Uint32Array(order.length + tail.length)
  if (order.length === 0 || tail.length === 0 || keyOf(ts[order[order.length - 1]]) <= keyOf(ts[tail[0] + base])) {
    out.set(order) // newer entries that are also later in time: the usual import
    for (let j = 0; j < tail.length; j++) out[order.length + j] = tail[j] + base
    return out
  }
  let i = 0
  let j = 0
  let k = 0
  while (i < order.length && j < tail.length) {
    const p = order[i]
    const q = tail[j] + base
    if (keyOf(ts[p]) <= keyOf(ts[q])) {
      out[k++] = p
      i++
    } else {
      out[k++] = q
      j++
    }
  }
  while (i < order.length) out[k++] = order[i++]
  while (j < tail.length) out[k++] = tail[j++] + base
  return out
}

/** First index in order[from, to) whose time is >= t (NULLs count as below every time). */
export function lowerBoundTs(ts: Float64Array, order: Uint32Array, t: number, from = 0, to = order.length): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (keyOf(ts[order[mid]]) < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of position `pos` in `order` (binary search by (ts, position)). */
export function rankOf(ts: Float64Array, order: Uint32Array, pos: number): number {
  const key = keyOf(ts[pos])
  let lo = 0
  let hi = order.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const p = order[mid]
    const k = keyOf(ts[p])
    if (k < key || (k === key && p < pos)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** How many NULL times lead the order. */
export function countNullTs(ts: Float64Array, order: Uint32Array): number {
  let lo = 0
  let hi = order.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ts[order[mid]] !== ts[order[mid]]) lo = mid + 1
    else hi = mid
  }
  return lo
}
