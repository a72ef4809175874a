// Which entries a triage report shows: the ones the verdict rests on (edges of the gap, the last
// success and first failure, the diff pair, the first examples of each top error).
import type { TriageResult } from '../../shared/triage-types'
import type { EntryDetail } from '../../shared/types'
import type { Db } from '../store/db'
import { getEntryDetail } from '../store/entries-repo'

/** Most entries a report includes. */
export const MAX_REPORT_ENTRIES = 20
const EXAMPLES_PER_ERROR = 2

export function evidenceIds(result: TriageResult): number[] {
  const e = result.evidence
  const ids = [
    e.lastSeenBefore?.id, e.firstSeenAfter?.id, e.lastSuccess?.id, e.firstFailure?.id,
    e.diff?.success.id, e.diff?.failure.id,
    ...e.topErrors.flatMap((t) => t.exampleIds.slice(0, EXAMPLES_PER_ERROR)),
  ]
  return [...new Set(ids.filter((id): id is number => id !== undefined))].slice(0, MAX_REPORT_ENTRIES)
}

/** The evidence entries in full (not yet redacted: the report renderers redact every entry). */
export function loadEvidenceRows(db: Db, result: TriageResult): EntryDetail[] {
  return evidenceIds(result)
    .map((id) => getEntryDetail(db, id))
    .filter((d): d is EntryDetail => d !== null)
}
