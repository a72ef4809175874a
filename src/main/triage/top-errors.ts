// The errors of the caller in the window, grouped by what they say, classified into causes, with
// how many different requests they were (retries of one request count once).
import type { ErrorCause, TopError } from '../../shared/triage-types'
import type { EntryFilter } from '../../shared/types'
import { compileFilter } from '../query/compile-filter'
import { toIso } from '../store/columns'
import type { Db } from '../store/db'
import { BODY_SCAN_LIMIT, classifyError, errorMessage, messageSignature } from './classify'
import { TRIAGE } from './thresholds'

/** Error groups (distinct status / reason / code) read from the store. */
const MAX_GROUPS = 200

interface GroupRow {
  statusCode: number | null
  statusText: string | null
  resultReason: string | null
  errorCode: string | null
  n: number
  firstTs: number | null
  lastTs: number | null
  firstId: number
}

interface Spread {
  n: number
  withCorrelation: number
  correlations: number
  withShape: number
  shapes: number
}

const SPREAD_COLUMNS = `count(*) AS n, count(e.correlation_id) AS withCorrelation,
  count(DISTINCT e.correlation_id) AS correlations,
  sum(e.url IS NOT NULL OR p.request_body IS NOT NULL) AS withShape,
  count(DISTINCT coalesce(e.url, '') || char(10) || coalesce(substr(p.request_body, 1, 4096), '')) AS shapes`

/**
 * Different requests among failures: the fewest distinct correlation ids, or of URL+body shapes
 * when shapes tell requests apart for this caller (its successes vary; a poller's do not).
 */
function distinctRequests(spread: Spread, useShapes: boolean): number {
  let distinct = spread.n
  if (spread.n > 0 && spread.withCorrelation === spread.n) distinct = Math.min(distinct, spread.correlations)
  if (useShapes && spread.n > 0 && spread.withShape === spread.n) distinct = Math.min(distinct, spread.shapes)
  return distinct
}

function spreadOf(db: Db, filter: EntryFilter, extra = '', extraParams: unknown[] = []): Spread {
  const where = compileFilter(filter)
  return db
    .prepare(`SELECT ${SPREAD_COLUMNS} FROM entries e JOIN entry_payloads p ON p.entry_id = e.id WHERE ${where.sql}${extra}`)
    .get(...where.params, ...extraParams) as Spread
}

/** Whether the caller's successful requests differ in URL or body, so identical failures are retries. */
export function shapesVary(db: Db, successes: EntryFilter): boolean {
  const spread = spreadOf(db, successes)
  return spread.n >= 2 && spread.withShape === spread.n && spread.shapes >= 2
}

export function measureRetries(db: Db, errors: EntryFilter, useShapes: boolean): { failures: number; distinctRequests: number } {
  const spread = spreadOf(db, errors)
  return { failures: spread.n, distinctRequests: distinctRequests(spread, useShapes) }
}

const GROUP_KEY = 'e.status_code IS ? AND e.status_text IS ? AND e.result_reason IS ? AND e.error_code IS ?'

function responseBody(db: Db, id: number): string | null {
  const row = db
    .prepare(`SELECT substr(response_body, 1, ?) AS body, response_body_encoding AS enc FROM entry_payloads WHERE entry_id = ?`)
    .get(BODY_SCAN_LIMIT, id) as { body: string | null; enc: string | null } | undefined
  return row && row.enc !== 'base64' ? row.body : null
}

interface Group {
  key: string
  message: string
  cause: ErrorCause
  fixHint: string
  statusCode: number | null
  count: number
  firstTs: number | null
  lastTs: number | null
  rows: GroupRow[]
}

function mergeGroups(db: Db, rows: GroupRow[]): Group[] {
  const groups = new Map<string, Group>()
  for (const row of rows) {
    const facts = { ...row, body: responseBody(db, row.firstId) }
    const { cause, hint } = classifyError(facts)
    const message = errorMessage(facts)
    const key = `${cause}\u0000${messageSignature(message)}`
    const group = groups.get(key)
    if (!group) {
      const { statusCode, n: count, firstTs, lastTs } = row
      groups.set(key, { key, message, cause, fixHint: hint, statusCode, count, firstTs, lastTs, rows: [row] })
      continue
    }
    group.count += row.n
    group.firstTs = minTs(group.firstTs, row.firstTs)
    group.lastTs = row.lastTs !== null && (group.lastTs === null || row.lastTs > group.lastTs) ? row.lastTs : group.lastTs
    group.rows.push(row)
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.firstTs ?? 0) - (b.firstTs ?? 0))
}

function minTs(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return Math.min(a, b)
}

function groupDetails(db: Db, errors: EntryFilter, group: Group, useShapes: boolean): { exampleIds: number[]; distinct: number } {
  const where = compileFilter(errors)
  const keys = group.rows.map(() => `(${GROUP_KEY})`).join(' OR ')
  const params = group.rows.flatMap((r) => [r.statusCode, r.statusText, r.resultReason, r.errorCode])
  const ids = db
    .prepare(`SELECT e.id AS id FROM entries e WHERE ${where.sql} AND (${keys}) ORDER BY e.ts, e.id LIMIT ?`)
    .all(...where.params, ...params, TRIAGE.examplesPerError) as Array<{ id: number }>
  const spread = spreadOf(db, errors, ` AND (${keys})`, params)
  return { exampleIds: ids.map((r) => r.id), distinct: distinctRequests(spread, useShapes) }
}

export interface ErrorAnalysis {
  /** the largest groups, detailed */
  top: TopError[]
  /** errors per cause over all groups */
  causes: Map<ErrorCause, number>
}

/** Groups the errors selected by a filter, largest first, and details the top ones. */
export function analyzeErrors(db: Db, errors: EntryFilter, useShapes: boolean, limit: number = TRIAGE.topErrors): ErrorAnalysis {
  const where = compileFilter(errors)
  const rows = db
    .prepare(
      `SELECT e.status_code AS statusCode, e.status_text AS statusText, e.result_reason AS resultReason,
         e.error_code AS errorCode, count(*) AS n, min(e.ts) AS firstTs, max(e.ts) AS lastTs, min(e.id) AS firstId
       FROM entries e WHERE ${where.sql}
       GROUP BY e.status_code, e.status_text, e.result_reason, e.error_code ORDER BY n DESC LIMIT ?`,
    )
    .all(...where.params, MAX_GROUPS) as GroupRow[]
  const groups = mergeGroups(db, rows)
  const causes = new Map<ErrorCause, number>()
  for (const g of groups) causes.set(g.cause, (causes.get(g.cause) ?? 0) + g.count)
  const top = groups.slice(0, limit).map((group): TopError => {
    const details = groupDetails(db, errors, group, useShapes)
    return {
      message: group.message,
      cause: group.cause,
      fixHint: group.fixHint,
      count: group.count,
      distinctRequests: details.distinct,
      statusCode: group.statusCode,
      firstSeen: toIso(group.firstTs),
      lastSeen: toIso(group.lastTs),
      exampleIds: details.exampleIds,
    }
  })
  return { top, causes }
}
