// error_rate_spike: hours in which the error rate of a service, function or API user jumps well
// above that subject's own rate in the hours before.
import type { Finding, FindingsRequest } from '../../../shared/triage-types'
import type { Db } from '../../store/db'
import { percent, plural, utcSpan } from '../format'
import { FINDINGS } from '../thresholds'
import { exampleIds, finding, HOUR_MS, hoursFilter, round2, runsOf, subjectLabel } from './common'
import { rollUp, type HourDimension, type HourRow, type Tally } from './hourly'

const DIMENSIONS: HourDimension[] = ['service', 'function', 'apiUser']

interface SpikeHour {
  h: number
  tally: Tally
  baseline: Tally
}

/** Spiking hours, each judged against the subject's non-spiking hours before it. */
function spikeHours(hours: Map<number, Tally>): SpikeHour[] {
  const t = FINDINGS.spike
  const prior: Tally = { n: 0, err: 0 }
  const spikes: SpikeHour[] = []
  for (const h of [...hours.keys()].sort((a, b) => a - b)) {
    const tally = hours.get(h) as Tally
    const rate = tally.err / tally.n
    const baseRate = prior.n > 0 ? prior.err / prior.n : 0
    const spiking =
      prior.n >= t.minBaselineRequests && tally.n >= t.minRequests && tally.err >= t.minErrors &&
      rate >= t.minRate && rate >= baseRate * t.factor && rate - baseRate >= t.minIncrease
    if (spiking) {
      spikes.push({ h, tally, baseline: { ...prior } })
    } else {
      prior.n += tally.n
      prior.err += tally.err
    }
  }
  return spikes
}

function toFinding(db: Db, request: FindingsRequest, dimension: HourDimension, value: string | null, run: SpikeHour[]): Finding {
  const first = run[0].h
  const last = run.at(-1)?.h ?? first
  const n = run.reduce((sum, s) => sum + s.tally.n, 0)
  const err = run.reduce((sum, s) => sum + s.tally.err, 0)
  const baseline = run[0].baseline
  const baseRate = baseline.err / baseline.n
  const subject = subjectLabel(dimension, value)
  const filter = hoursFilter(request, first, last, { [dimension]: [value], result: ['error'] })
  return finding({
    kind: 'error_rate_spike',
    subject,
    fromMs: first * HOUR_MS,
    toMs: (last + 1) * HOUR_MS,
    metrics: {
      requests: n, errors: err, errorRate: round2(err / n), baselineErrorRate: round2(baseRate),
      baselineRequests: baseline.n, hours: last - first + 1,
    },
    exampleIds: exampleIds(db, filter),
    summary: `Error rate of ${subject} rose to ${percent(err / n)} (${err} of ${n}) in ${utcSpan(first * HOUR_MS, (last + 1) * HOUR_MS)}, ` +
      `against ${percent(baseRate)} of ${plural(baseline.n, 'request')} before.`,
    filter,
  })
}

/** Groups spiking hours into runs of consecutive hours. */
function spikeRuns(spikes: SpikeHour[]): SpikeHour[][] {
  const byHour = new Map(spikes.map((s) => [s.h, s]))
  return runsOf(spikes.map((s) => s.h)).map(([a, b]) => {
    const run: SpikeHour[] = []
    for (let h = a; h <= b; h++) run.push(byHour.get(h) as SpikeHour)
    return run
  })
}

export function findErrorRateSpikes(db: Db, request: FindingsRequest, hourly: HourRow[]): Finding[] {
  const findings: Finding[] = []
  for (const dimension of DIMENSIONS) {
    for (const [value, hours] of rollUp(hourly, dimension)) {
      if (value === null) continue
      for (const run of spikeRuns(spikeHours(hours))) findings.push(toFinding(db, request, dimension, value, run))
    }
  }
  return findings
}
