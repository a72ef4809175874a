// latency_degradation: hours in which a function's p95 duration rises well above its usual p95
// (the median of its earlier hourly p95s), and whether errors followed.
import type { Finding, FindingsRequest } from '../../../shared/triage-types'
import type { Db } from '../../store/db'
import { plural, utcSpan } from '../format'
import { countWhere } from '../lookup'
import { FINDINGS } from '../thresholds'
import { baseWhere, exampleIds, finding, HOUR_MS, hoursFilter, runsOf, subjectLabel } from './common'

interface LatencyRow {
  h: number
  fn: string
  samples: number
  p50: number
  p95: number
}

interface SlowHour extends LatencyRow {
  baseP50: number
  baseP95: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Whether the SQLite build has percentile() (SQLITE_ENABLE_PERCENTILE; better-sqlite3 ships it). */
function hasPercentile(db: Db): boolean {
  try {
    db.prepare('SELECT percentile(1, 50)').get()
    return true
  } catch {
    return false
  }
}

function slowHours(rows: LatencyRow[]): SlowHour[] {
  const t = FINDINGS.latency
  const normal: LatencyRow[] = []
  const slow: SlowHour[] = []
  for (const row of rows) {
    if (row.samples < t.minSamples) continue
    if (normal.length >= t.minBaselineHours) {
      const baseP95 = median(normal.map((r) => r.p95))
      if (row.p95 >= baseP95 * t.factor && row.p95 - baseP95 >= t.minIncreaseMs) {
        slow.push({ ...row, baseP95, baseP50: median(normal.map((r) => r.p50)) })
        continue
      }
    }
    normal.push(row)
  }
  return slow
}

function toFinding(db: Db, request: FindingsRequest, fn: string, run: SlowHour[]): Finding {
  const first = run[0].h
  const last = run.at(-1)?.h ?? first
  const subject = subjectLabel('function', fn)
  const worst = run.reduce((a, b) => (b.p95 > a.p95 ? b : a))
  const filter = hoursFilter(request, first, last, { function: [fn] })
  const errorsDuring = countWhere(db, { ...filter, result: ['error'] })
  const errorsAfter = countWhere(db, { ...hoursFilter(request, last + 1, last + 1, { function: [fn] }), result: ['error'] })
  const followed = errorsAfter > 0 ? ` ${plural(errorsAfter, 'error')} followed in the next hour.` : ''
  return finding({
    kind: 'latency_degradation',
    subject,
    fromMs: first * HOUR_MS,
    toMs: (last + 1) * HOUR_MS,
    metrics: {
      p50: Math.round(worst.p50), p95: Math.round(worst.p95), baselineP50: Math.round(run[0].baseP50),
      baselineP95: Math.round(run[0].baseP95), samples: run.reduce((sum, r) => sum + r.samples, 0),
      errorsDuring, errorsNextHour: errorsAfter, hours: last - first + 1,
    },
    exampleIds: exampleIds(db, filter, { sql: 'e.duration_ms IS NOT NULL', params: [] }, 'e.duration_ms DESC, e.id'),
    summary: `p95 latency of ${subject} rose from ${Math.round(run[0].baseP95)} ms to ${Math.round(worst.p95)} ms ` +
      `(p50 ${Math.round(run[0].baseP50)} → ${Math.round(worst.p50)} ms) in ${utcSpan(first * HOUR_MS, (last + 1) * HOUR_MS)}.${followed}`,
    filter,
  })
}

export function findLatencyDegradation(db: Db, request: FindingsRequest): Finding[] {
  if (!hasPercentile(db)) return []
  const where = baseWhere(request)
  const rows = db
    .prepare(
      `SELECT e.ts / ${HOUR_MS} AS h, e.function AS fn, count(*) AS samples,
         percentile(e.duration_ms, 50) AS p50, percentile(e.duration_ms, 95) AS p95
       FROM entries e WHERE ${where.sql} AND e.function IS NOT NULL AND e.duration_ms IS NOT NULL
       GROUP BY e.function, h ORDER BY e.function, h`,
    )
    .all(...where.params) as LatencyRow[]
  const byFunction = new Map<string, LatencyRow[]>()
  for (const row of rows) {
    const list = byFunction.get(row.fn)
    if (list) list.push(row)
    else byFunction.set(row.fn, [row])
  }
  const findings: Finding[] = []
  for (const [fn, hours] of byFunction) {
    const slow = slowHours(hours)
    const byHour = new Map(slow.map((s) => [s.h, s]))
    for (const [a, b] of runsOf(slow.map((s) => s.h))) {
      const run: SlowHour[] = []
      for (let h = a; h <= b; h++) run.push(byHour.get(h) as SlowHour)
      findings.push(toFinding(db, request, fn, run))
    }
  }
  return findings
}
