// What a triage result shows in the grid: the filter of each page, the filter an evidence entry is
// shown under, the mini histogram's range, and the evidence links of the verdict.
import type { EntryRef, TriageResult } from '../../../../shared/triage-types'
import type { EntryFilter } from '../../../../shared/types'
import { callerFilter } from './triage-form'
import { wizardPages } from './triage-flow'

const MINUTE = 60_000

/** The grid filter of a page: the step's own; the verdict shows the last step's rows. */
export function pageFilter(result: TriageResult, page: number): EntryFilter | null {
  const pages = wizardPages(result)
  const current = pages[page]
  if (!current) return null
  if (current.kind === 'step') return current.step.filter
  return result.steps.at(-1)?.filter ?? null
}

/**
 * The rows an evidence entry is shown among: the caller (and function), over the searched window
 * stretched to reach the entry (the last success may be hours before the window).
 */
export function evidenceFilter(result: TriageResult, ref: Pick<EntryRef, 'ts'>): EntryFilter {
  const filter = callerFilter(result.request)
  const from = Date.parse(result.window.from)
  const to = Date.parse(result.window.to)
  const at = ref.ts ? Date.parse(ref.ts) : NaN
  if (Number.isNaN(at)) return { ...filter, from: result.window.from, to: result.window.to }
  return { ...filter, from: new Date(Math.min(from, at)).toISOString(), to: new Date(Math.max(to, at + 1)).toISOString() }
}

/**
 * The step's filter over a wider span (the window and as long again on each side), so the mini
 * histogram shows the searched window against the traffic around it.
 */
export function histogramFilter(result: TriageResult, filter: EntryFilter): EntryFilter {
  const winFrom = Date.parse(result.window.from)
  const winTo = Date.parse(result.window.to)
  const from = Math.min(winFrom, filter.from ? Date.parse(filter.from) : winFrom)
  const to = Math.max(winTo, filter.to ? Date.parse(filter.to) : winTo)
  const pad = Math.min(6 * 60 * MINUTE, Math.max(30 * MINUTE, winTo - winFrom))
  return { ...filter, from: new Date(from - pad).toISOString(), to: new Date(to + pad).toISOString() }
}

export interface EvidenceLink {
  key: string
  label: string
  ref: EntryRef
}

/** The entries that prove the verdict, in reading order, each once. */
export function evidenceLinks(result: TriageResult): EvidenceLink[] {
  const e = result.evidence
  const candidates: Array<[string, string, EntryRef | null]> = [
    ['lastSuccess', 'Last success', e.lastSuccess],
    ['firstFailure', 'First failure', e.firstFailure],
    ['lastSeenBefore', 'Last request before the window', e.lastSeenBefore],
    ['firstSeenAfter', 'First request after the window', e.firstSeenAfter],
  ]
  const links: EvidenceLink[] = []
  for (const [key, label, ref] of candidates) {
    if (ref && !links.some((l) => l.ref.id === ref.id)) links.push({ key, label, ref })
  }
  return links
}

/** Example entries of the error groups (not already among the evidence links). */
export function exampleIds(result: TriageResult, max = 10): number[] {
  const shown = new Set(evidenceLinks(result).map((l) => l.ref.id))
  const ids: number[] = []
  for (const error of result.evidence.topErrors) {
    for (const id of error.exampleIds) {
      if (!shown.has(id) && !ids.includes(id) && ids.length < max) ids.push(id)
    }
  }
  return ids
}

/** The step (if walked) with this id. */
export function stepOf(result: TriageResult, id: string) {
  return result.steps.find((s) => s.id === id) ?? null
}
