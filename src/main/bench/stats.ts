// Summaries of timing samples.

export interface Summary {
  n: number
  p50: number
  p95: number
  max: number
  mean: number
}

/** Nearest-rank percentile of sorted samples (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits

export function summarize(samples: readonly number[], digits = 1): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(sorted.length, 1)
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50), digits),
    p95: round(percentile(sorted, 95), digits),
    max: round(sorted[sorted.length - 1] ?? NaN, digits),
    mean: round(mean, digits),
  }
}

/** Wall and on-CPU milliseconds of a synchronous call in this thread. */
export function timeSync<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const value = run()
  const wallMs = performance.now() - started
  const used = process.cpuUsage(cpu)
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 }
}
