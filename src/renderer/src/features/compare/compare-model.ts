// Numbers of a comparison in words: rates, signed deltas, and whether a change is a regression.
import type { CompareCell, CompareRow } from '../../../../shared/compare-types'
import type { ResultKind, SourceInfo } from '../../../../shared/types'

export type Tone = 'worse' | 'better' | 'same'

const MINUS = '\u2212'

/** "+3", "−2", "0" */
export function formatDelta(delta: number): string {
  if (delta === 0) return '0'
  const text = Math.abs(delta).toLocaleString('en-US', { maximumFractionDigits: 1 })
  return delta > 0 ? `+${text}` : `${MINUS}${text}`
}

/** "33.3%", or "–" when there is nothing to divide. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '–'
  return `${(rate * 100).toFixed(1)}%`
}

/** Percentage points: "+12.5 pp", "−3.0 pp", "±0 pp". */
export function formatPoints(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '–'
  const points = delta * 100
  if (Math.abs(points) < 0.05) return '±0 pp'
  return `${points > 0 ? '+' : MINUS}${Math.abs(points).toFixed(1)} pp`
}

/** More errors (or a higher error rate) is worse; fewer is better; other results carry no judgement. */
export function cellTone(result: ResultKind, cell: Pick<CompareCell, 'delta'>): Tone {
  if (result !== 'error' || cell.delta === 0) return 'same'
  return cell.delta > 0 ? 'worse' : 'better'
}

export function rateTone(delta: number | null): Tone {
  if (delta === null || Math.abs(delta) < 0.0005) return 'same'
  return delta > 0 ? 'worse' : 'better'
}

/** The word that goes with a tone, so colour is never the only signal. */
export const TONE_WORD: Record<Tone, string> = { worse: 'worse', better: 'better', same: '' }

export function rowTone(row: CompareRow): Tone {
  if (row.regression > 0.0001) return 'worse'
  return rateTone(row.errorRateDelta)
}

/** The default pair: A the older of the two newest sources ("yesterday"), B the newest ("today"). */
export function defaultPair(sources: readonly SourceInfo[]): { a: number; b: number } | null {
  if (sources.length < 2) return null
  const sorted = [...sources].sort((x, y) => (x.lastTs ?? x.importedAt).localeCompare(y.lastTs ?? y.importedAt) || x.id - y.id)
  return { a: sorted[sorted.length - 2].id, b: sorted[sorted.length - 1].id }
}

/** A remembered pair, if both sources are still loaded and differ; else the default pair. */
export function pickPair(
  sources: readonly SourceInfo[],
  remembered: { a: number; b: number } | null,
): { a: number; b: number } | null {
  const ids = new Set(sources.map((s) => s.id))
  if (remembered && remembered.a !== remembered.b && ids.has(remembered.a) && ids.has(remembered.b)) return remembered
  return defaultPair(sources)
}
