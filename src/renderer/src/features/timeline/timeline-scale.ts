// Geometry of the timeline: bucket positions, friendly axis ticks, pixel ↔ time.
import type { Histogram, HistogramBucket } from '../../../../shared/types'
import type { TimeMode } from '../../lib/time-format'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H
const TICK_STEPS = [S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D, 14 * D, 30 * D, 91 * D, 365 * D]

export interface TimelineModel {
  start: number
  end: number
  bucketMs: number
  buckets: HistogramBucket[]
  starts: number[]
  max: number
  total: number
}

export function bucketTotal(b: HistogramBucket): number {
  return b.success + b.error + b.notice
}

export function buildModel(histogram: Histogram | undefined): TimelineModel | null {
  if (!histogram || histogram.buckets.length === 0) return null
  const starts = histogram.buckets.map((b) => Date.parse(b.start))
  const totals = histogram.buckets.map(bucketTotal)
  return {
    start: starts[0],
    end: starts[starts.length - 1] + histogram.bucketMs,
    bucketMs: histogram.bucketMs,
    buckets: histogram.buckets,
    starts,
    max: Math.max(1, ...totals),
    total: totals.reduce((a, b) => a + b, 0),
  }
}

export function timeToX(model: TimelineModel, ms: number, width: number): number {
  return ((ms - model.start) / (model.end - model.start)) * width
}

export function xToTime(model: TimelineModel, x: number, width: number): number {
  const clamped = Math.max(0, Math.min(width, x))
  return model.start + (clamped / width) * (model.end - model.start)
}

export function bucketAt(model: TimelineModel, ms: number): number {
  const index = Math.floor((ms - model.start) / model.bucketMs)
  return Math.max(0, Math.min(model.buckets.length - 1, index))
}

/** The range covering whole buckets between two instants (either order). */
export function snapRange(model: TimelineModel, a: number, b: number): { from: number; to: number } {
  const first = bucketAt(model, Math.min(a, b))
  const last = bucketAt(model, Math.max(a, b))
  return { from: model.starts[first], to: model.starts[last] + model.bucketMs }
}

/** Tick instants aligned to round times in the display zone, about `targetPx` apart. */
export function axisTicks(model: TimelineModel, width: number, mode: TimeMode, targetPx = 110): { ticks: number[]; step: number } {
  const span = model.end - model.start
  const wanted = (span * targetPx) / Math.max(1, width)
  const step = TICK_STEPS.find((s) => s >= wanted) ?? TICK_STEPS[TICK_STEPS.length - 1]
  const offset = mode === 'local' ? -new Date(model.start).getTimezoneOffset() * M : 0
  const first = Math.ceil((model.start + offset) / step) * step - offset
  const ticks: number[] = []
  for (let t = first; t <= model.end && ticks.length < 200; t += step) ticks.push(t)
  return { ticks, step }
}

export function describeBucketWidth(ms: number): string {
  if (ms < M) return `${ms / S} s`
  if (ms < H) return `${ms / M} min`
  if (ms < D) return `${ms / H} h`
  return ms / D === 1 ? '1 day' : `${ms / D} days`
}
