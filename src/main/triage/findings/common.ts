// Shared plumbing of the finding detectors: the searched range as SQL, hour buckets, runs of
// consecutive hours, example ids and the Finding shape.
import type { Finding, FindingKind, FindingsRequest } from '../../../shared/triage-types'
import type { EntryFilter } from '../../../shared/types'
import { compileFilter, type SqlFragment } from '../../query/compile-filter'
import type { Db } from '../../store/db'
import { iso } from '../lookup'
import { FINDINGS } from '../thresholds'

export const HOUR_MS = FINDINGS.bucketMs

/** The searched entries (range and sources) with a time, as a WHERE clause over `entries e`. */
export function baseWhere(request: FindingsRequest): SqlFragment {
  const where = compileFilter(baseFilter(request))
  return { sql: `${where.sql} AND e.ts IS NOT NULL`, params: where.params }
}

export function baseFilter(request: FindingsRequest): EntryFilter {
  const filter: EntryFilter = {}
  if (request.from !== undefined) filter.from = request.from
  if (request.to !== undefined) filter.to = request.to
  if (request.sourceId && request.sourceId.length > 0) filter.sourceId = request.sourceId
  return filter
}

/** Consecutive hours merged into [first, last] runs. */
export function runsOf(hours: number[]): Array<[number, number]> {
  const sorted = [...hours].sort((a, b) => a - b)
  const runs: Array<[number, number]> = []
  for (const h of sorted) {
    const last = runs.at(-1)
    if (last && h === last[1] + 1) last[1] = h
    else if (!last || h > last[1]) runs.push([h, h])
  }
  return runs
}

/** The filter for hours [first, last] of a finding, within the searched range. */
export function hoursFilter(request: FindingsRequest, first: number, last: number, extra: EntryFilter): EntryFilter {
  return { ...baseFilter(request), from: iso(first * HOUR_MS), to: iso((last + 1) * HOUR_MS), ...extra }
}

/** The first few entry ids matching a filter and an optional extra condition, in time order. */
export function exampleIds(db: Db, filter: EntryFilter, extra?: SqlFragment, order = 'e.ts, e.id'): number[] {
  const where = compileFilter(filter)
  const rows = db
    .prepare(`SELECT e.id AS id FROM entries e WHERE ${where.sql} AND ${extra?.sql ?? '1'} ORDER BY ${order} LIMIT ?`)
    .all(...where.params, ...(extra?.params ?? []), FINDINGS.examples) as Array<{ id: number }>
  return rows.map((r) => r.id)
}

/** Rows whose status / reason / code is one of these error tuples. */
export function tuplesClause(tuples: Array<[number | null, string | null, string | null]>): SqlFragment {
  if (tuples.length === 0) return { sql: '0', params: [] }
  const one = '(e.status_code IS ? AND e.result_reason IS ? AND e.error_code IS ?)'
  return { sql: `(${tuples.map(() => one).join(' OR ')})`, params: tuples.flat() }
}

export interface FindingInput {
  kind: FindingKind
  subject: string
  fromMs: number
  toMs: number
  metrics: Record<string, number>
  exampleIds: number[]
  summary: string
  filter: EntryFilter
}

export function finding(input: FindingInput): Finding {
  const from = iso(input.fromMs)
  return {
    id: `${input.kind}:${input.subject}:${from}`,
    kind: input.kind,
    subject: input.subject,
    from,
    to: iso(input.toMs),
    metrics: input.metrics,
    exampleIds: input.exampleIds,
    summary: input.summary,
    filter: input.filter,
  }
}

export const round2 = (n: number) => Math.round(n * 100) / 100

/** "function add_lead", "API user crmsync", "tenant acme", "(no function)" for nulls. */
export const SUBJECT_LABELS = {
  service: 'service',
  function: 'function',
  apiUser: 'API user',
  tenant: 'tenant',
  agentUser: 'agent user',
} as const

export function subjectLabel(field: keyof typeof SUBJECT_LABELS, value: string | null): string {
  return value === null ? `(no ${SUBJECT_LABELS[field]})` : `${SUBJECT_LABELS[field]} ${value}`
}
