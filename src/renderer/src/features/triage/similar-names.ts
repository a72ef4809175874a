// "Did you mean crmsync?": caller names close to one that has no requests in the log.
import type { FacetValue } from '../../../../shared/types'

/** Edit distance (insertions, deletions, substitutions), case-insensitive, capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 8): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  if (Math.abs(s.length - t.length) > max) return max + 1
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i)
  for (let i = 1; i <= s.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= t.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1))
      best = Math.min(best, row[j])
    }
    if (best > max) return max + 1
    prev = row
  }
  return prev[t.length]
}

export interface SimilarName {
  value: string
  count: number
}

/**
 * Values that look like `target`: one contains the other, or they differ by a few letters (about a
 * third of the name). Closest first, then most requests.
 */
export function similarNames(target: string, values: readonly FacetValue[], limit = 5): SimilarName[] {
  const wanted = target.trim().toLowerCase()
  if (wanted === '') return []
  const allowed = Math.max(1, Math.min(4, Math.floor(wanted.length / 3)))
  const scored: Array<SimilarName & { score: number }> = []
  for (const v of values) {
    if (typeof v.value !== 'string' || v.value === target.trim()) continue
    const name = v.value.toLowerCase()
    const contains = name.includes(wanted) || (wanted.length >= 3 && wanted.includes(name) && name.length >= 3)
    const distance = contains ? 0 : editDistance(wanted, name, allowed)
    if (distance <= allowed) scored.push({ value: v.value, count: v.count, score: distance })
  }
  scored.sort((a, b) => a.score - b.score || b.count - a.count || a.value.localeCompare(b.value))
  return scored.slice(0, limit).map(({ value, count }) => ({ value, count }))
}
