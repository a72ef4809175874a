// The `limit` most frequent codes, ordered by count (descending) then value (ascending, by rank),
// without sorting every distinct value when there are many.

export interface ValueCounts {
  /** count per code */
  counts: Uint32Array
  /** position of a code's value in ascending order */
  rankOf(code: number): number
  /** only codes passing this (facet `contains`), when given */
  keep: ((code: number) => boolean) | null
}

/** The smallest count among the `limit` largest (0 when there are fewer values). */
function threshold(counts: Uint32Array, codes: number[], limit: number): number {
  if (codes.length <= limit) return 0
  const sorted = Uint32Array.from(codes, (c) => counts[c]).sort()
  return sorted[sorted.length - limit]
}

export function topValues({ counts, rankOf, keep }: ValueCounts, limit: number): number[] {
  const codes: number[] = []
  for (let code = 0; code < counts.length; code++) {
    if (counts[code] > 0 && (keep === null || keep(code))) codes.push(code)
  }
  const least = threshold(counts, codes, limit)
  const candidates = least > 0 ? codes.filter((c) => counts[c] >= least) : codes
  candidates.sort((a, b) => counts[b] - counts[a] || rankOf(a) - rankOf(b))
  return candidates.length > limit ? candidates.slice(0, limit) : candidates
}
