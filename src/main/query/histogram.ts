// Entries over time, in friendly-width buckets, split by result.
import type { Histogram, HistogramBucket, HistogramRequest } from '../../shared/types'
import type { Db } from '../store/db'
import { compileFilter, parseFilterTime } from './compile-filter'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Bucket widths the timeline snaps to. */
export const BUCKET_WIDTHS = [
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY,
]

export const DEFAULT_BUCKETS = 120
const MAX_BUCKETS = 2000

export function chooseBucketWidth(spanMs: number, buckets: number): number {
  const target = spanMs / Math.max(1, buckets)
  return BUCKET_WIDTHS.find((w) => w >= target) ?? BUCKET_WIDTHS[BUCKET_WIDTHS.length - 1]
}

export function histogram(db: Db, request: HistogramRequest): Histogram {
  const where = compileFilter(request.filter)
  const buckets = Math.min(Math.max(Math.trunc(request.buckets ?? DEFAULT_BUCKETS), 1), MAX_BUCKETS)
  let from = request.filter.from !== undefined ? parseFilterTime(request.filter.from, 'from') : null
  let to = request.filter.to !== undefined ? parseFilterTime(request.filter.to, 'to') : null
  if (from === null || to === null) {
    const span = db
      .prepare(`SELECT min(e.ts) AS lo, max(e.ts) AS hi FROM entries e WHERE ${where.sql} AND e.ts IS NOT NULL`)
      .get(...where.params) as { lo: number | null; hi: number | null }
    if (span.lo === null || span.hi === null) return { bucketMs: MINUTE, from: null, to: null, buckets: [] }
    from ??= span.lo
    to ??= span.hi + 1
  }
  if (to <= from) return { bucketMs: MINUTE, from: new Date(from).toISOString(), to: new Date(to).toISOString(), buckets: [] }
  const width = chooseBucketWidth(to - from, buckets)
  const start = Math.floor(from / width) * width
  const count = Math.ceil((to - start) / width)
  const rows = db
    .prepare(
      `SELECT (e.ts - ?) / ? AS b, e.result AS result, count(*) AS n FROM entries e
       WHERE ${where.sql} AND e.ts IS NOT NULL GROUP BY b, e.result`,
    )
    .all(start, width, ...where.params) as Array<{ b: number; result: 'success' | 'error' | 'notice'; n: number }>
  const out: HistogramBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(start + i * width).toISOString(),
    success: 0,
    error: 0,
    notice: 0,
  }))
  for (const row of rows) {
    const bucket = out[Math.floor(row.b)]
    if (bucket) bucket[row.result] += row.n
  }
  return { bucketMs: width, from: new Date(from).toISOString(), to: new Date(to).toISOString(), buckets: out }
}
