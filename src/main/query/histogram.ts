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

/** Buckets asked for, clamped to 1–2000 (default 120). */
export function histogramBuckets(request: HistogramRequest): number {
  return Math.min(Math.max(Math.trunc(request.buckets ?? DEFAULT_BUCKETS), 1), MAX_BUCKETS)
}

/** The time range of the filter itself (null where it leaves a side open). */
export function filterRange(request: HistogramRequest): { from: number | null; to: number | null } {
  const { filter } = request
  return {
    from: filter.from !== undefined ? parseFilterTime(filter.from, 'from') : null,
    to: filter.to !== undefined ? parseFilterTime(filter.to, 'to') : null,
  }
}

export interface HistogramFrame {
  from: number
  to: number
  width: number
  start: number
  count: number
}

/**
 * The bucket layout for [from, to), or the finished (empty) histogram when there is nothing to
 * count: no matching times (from/to null) or an empty range.
 */
export function frameHistogram(from: number | null, to: number | null, buckets: number): Histogram | HistogramFrame {
  if (from === null || to === null) return { bucketMs: MINUTE, from: null, to: null, buckets: [] }
  if (to <= from) return { bucketMs: MINUTE, from: new Date(from).toISOString(), to: new Date(to).toISOString(), buckets: [] }
  const width = chooseBucketWidth(to - from, buckets)
  const start = Math.floor(from / width) * width
  return { from, to, width, start, count: Math.ceil((to - start) / width) }
}

/** Zeroed buckets for a frame, handed to `add` to count into, then the histogram. */
export function fillHistogram(frame: HistogramFrame, add: (buckets: HistogramBucket[]) => void): Histogram {
  const { width, start } = frame
  const out: HistogramBucket[] = Array.from({ length: frame.count }, (_, i) => ({
    start: new Date(start + i * width).toISOString(),
    success: 0,
    error: 0,
    notice: 0,
  }))
  add(out)
  return { bucketMs: width, from: new Date(frame.from).toISOString(), to: new Date(frame.to).toISOString(), buckets: out }
}

export function histogram(db: Db, request: HistogramRequest): Histogram {
  const where = compileFilter(request.filter)
  const buckets = histogramBuckets(request)
  let { from, to } = filterRange(request)
  if (from === null || to === null) {
    const span = db
      .prepare(`SELECT min(e.ts) AS lo, max(e.ts) AS hi FROM entries e WHERE ${where.sql} AND e.ts IS NOT NULL`)
      .get(...where.params) as { lo: number | null; hi: number | null }
    if (span.lo !== null && span.hi !== null) {
      from ??= span.lo
      to ??= span.hi + 1
    } else from = to = null
  }
  const frame = frameHistogram(from, to, buckets)
  if (!('width' in frame)) return frame
  // b is (ts - start) / width as a REAL (bound numbers are REAL), floored below
  const rows = db
    .prepare(
      `SELECT (e.ts - ?) / ? AS b, e.result AS result, count(*) AS n FROM entries e
       WHERE ${where.sql} AND e.ts IS NOT NULL GROUP BY b, e.result`,
    )
    .all(frame.start, frame.width, ...where.params) as Array<{ b: number; result: 'success' | 'error' | 'notice'; n: number }>
  return fillHistogram(frame, (out) => {
    for (const row of rows) {
      const bucket = out[Math.floor(row.b)]
      if (bucket) bucket[row.result] += row.n
    }
  })
}
