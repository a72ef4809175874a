// Comparing two sources ("yesterday works, today fails"): a Function × Result matrix of A against
// B, and what appears in only one of them. Every count carries the filter that shows its rows.
import type { EntryFilter, ResultKind } from './types'

export interface CompareRequest {
  /** source ids: A is the baseline ("yesterday"), B the one under suspicion ("today") */
  a: number
  b: number
  /** narrows both sides (its sourceId is ignored) */
  filter?: EntryFilter
  /** most rows returned per list (matrix rows, each "only in" list); default 500 */
  limit?: number
}

export interface CompareSide {
  sourceId: number
  name: string
  /** entries of this source under the filter */
  total: number
  errors: number
  /** errors / total, null when total is 0 */
  errorRate: number | null
  firstTs: string | null
  lastTs: string | null
}

export interface CompareCell {
  countA: number
  countB: number
  /** countB - countA */
  delta: number
  /**
   * This function and result in both sources; filterA / filterB in one of them. Null when the
   * request's filter leaves this result out (its counts are then 0, and there is nothing to show).
   */
  filter: EntryFilter | null
  filterA: EntryFilter | null
  filterB: EntryFilter | null
}

export interface CompareRow {
  /** null: entries without a function */
  function: string | null
  countA: number
  countB: number
  delta: number
  errorsA: number
  errorsB: number
  errorRateA: number | null
  errorRateB: number | null
  /** errorRateB - errorRateA, null when the function is missing on either side */
  errorRateDelta: number | null
  /**
   * Errors in B beyond what A's error rate for this function predicts (errorsB - countB ×
   * errorRateA); all of B's errors when A lacks the function. Rows are sorted by it, highest first.
   */
  regression: number
  cells: Record<ResultKind, CompareCell>
  /** this function in both sources */
  filter: EntryFilter
}

export interface PresenceItem {
  value: string
  /** entries with this value in the side that has it */
  count: number
  filter: EntryFilter
}

export interface PresenceList {
  /** how many values there are in all (items may be fewer, see CompareRequest.limit) */
  total: number
  items: PresenceItem[]
}

/** Values seen in one source and never in the other (empty values are not listed). */
export interface PresenceDiff {
  functions: PresenceList
  apiUsers: PresenceList
  agentUsers: PresenceList
}

export interface CompareResult {
  a: CompareSide
  b: CompareSide
  rows: CompareRow[]
  /** distinct functions in A or B (rows may be fewer, see CompareRequest.limit) */
  functionCount: number
  onlyInA: PresenceDiff
  onlyInB: PresenceDiff
}
