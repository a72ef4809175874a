// The timeline from the columns, with histogram.ts's span rules and bucket math: b is
// (ts - start) / width in floating point, floored, exactly as SQLite computes it with REAL bounds.
import { RESULT_KINDS, type Histogram, type HistogramRequest } from '../../../shared/types'
import { fillHistogram, filterRange, frameHistogram, histogramBuckets } from '../histogram'
import { selectRows, type IndexQuery } from './selection'

export function indexHistogram(q: IndexQuery, request: HistogramRequest): Histogram {
  const buckets = histogramBuckets(request)
  let { from, to } = filterRange(request)
  // only entries with a time (an open range still leaves out NULL times), in time order
  const timed: IndexQuery = { ...q, plan: { ...q.plan, time: q.plan.time ?? { lo: -Infinity, hi: Infinity } } }
  const rows = selectRows(timed, 'ts')
  const { ts, result } = q.store
  if (from === null || to === null) {
    if (rows.length > 0) {
      from ??= ts[rows[0]]
      to ??= ts[rows[rows.length - 1]] + 1
    } else from = to = null
  }
  const frame = frameHistogram(from, to, buckets)
  if (!('width' in frame)) return frame
  const { start, width, count } = frame
  const kinds = RESULT_KINDS.length
  const counts = new Float64Array(count * kinds)
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]
    const b = Math.floor((ts[row] - start) / width)
    if (b >= 0 && b < count) counts[b * kinds + result[row]]++
  }
  return fillHistogram(frame, (out) => {
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < kinds; k++) out[i][RESULT_KINDS[k]] = counts[i * kinds + k]
    }
  })
}
