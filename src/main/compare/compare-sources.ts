// Source A against source B: a Function × Result matrix with deltas, biggest regressions first, and
// the functions / API users / agent users seen in only one of them. SQL aggregation only, so it
// stays fast on sources of a million entries.
import type {
  CompareCell,
  CompareRequest,
  CompareResult,
  CompareRow,
  CompareSide,
  PresenceDiff,
  PresenceItem,
  PresenceList,
} from '../../shared/compare-types'
import { RESULT_KINDS, type EntryFilter, type ResultKind, type SourceInfo } from '../../shared/types'
import { compileFilter, QueryError, type SqlFragment } from '../query/compile-filter'
import { GROUP_TABLE, groupEntries, groupKey, type GroupAggregate } from '../query/group-entries'
import type { Db } from '../store/db'
import { compareNullableText } from '../util/nullable-order'
import { narrowFilter } from '../views/narrow-filter'
import { getSource } from '../store/sources-repo'

export const DEFAULT_COMPARE_LIMIT = 500
export const MAX_COMPARE_LIMIT = 10_000

type Counts = Record<ResultKind, number>
interface FunctionCounts {
  a: Counts
  b: Counts
}

interface MatrixRow {
  fn: string | null
  result: ResultKind
  a: number
  b: number
}

interface Context {
  a: number
  b: number
  base: EntryFilter
  where: SqlFragment
  limit: number
}

/** Entries of A and of B in a group (the ? are A's and B's ids). */
const sideCounts: GroupAggregate[] = [
  { name: 'a', expr: 'e.source_id = ?', fold: 'sum' },
  { name: 'b', expr: 'e.source_id = ?', fold: 'sum' },
]

/** The filter's WHERE limited to the two sources (and an extra condition). */
function inSources(ctx: Context, extra?: string): SqlFragment {
  const sql = `e.source_id IN (?, ?) AND ${extra ? `${extra} AND ` : ''}(${ctx.where.sql})`
  return { sql, params: [ctx.a, ctx.b, ...ctx.where.params] }
}

const zero = (): Counts => ({ success: 0, error: 0, notice: 0 })
const sum = (counts: Counts) => counts.success + counts.error + counts.notice
const rate = (errors: number, total: number) => (total > 0 ? errors / total : null)
/** Regressions are compared rounded, so float noise never decides an order. */
const roundTo3 = (value: number) => Math.round(value * 1000) / 1000

/**
 * The request's filter with `extra` in place of its own values for those fields, in `sources`.
 * Used where the values come from the filtered data, so replacing equals narrowing.
 */
function scoped(ctx: Context, sources: number[], extra: EntryFilter): EntryFilter {
  return { ...ctx.base, ...extra, sourceId: sources }
}

/** The request's filter narrowed to a cell, in `sources`; null when it excludes that result. */
function cellFilter(
  ctx: Context,
  sources: number[],
  fn: string | null,
  result: ResultKind,
): EntryFilter | null {
  const narrowed = narrowFilter(ctx.base, { function: [fn], result: [result] })
  return narrowed && { ...narrowed, sourceId: sources }
}

/** Per function and result, the entries of A and of B. */
function matrixCounts(db: Db, ctx: Context): Map<string | null, FunctionCounts> {
  const spec = {
    keys: ['e.function', 'e.result'],
    aggregates: sideCounts,
    params: [ctx.a, ctx.b],
    where: inSources(ctx),
  }
  const rows = groupEntries(db, spec, () =>
    db.prepare(`SELECT ${groupKey(0)} AS fn, k1 AS result, a, b FROM ${GROUP_TABLE}`).all(),
  ) as MatrixRow[]
  const byFunction = new Map<string | null, FunctionCounts>()
  for (const row of rows) {
    let counts = byFunction.get(row.fn)
    if (!counts) byFunction.set(row.fn, (counts = { a: zero(), b: zero() }))
    counts.a[row.result] += row.a
    counts.b[row.result] += row.b
  }
  return byFunction
}

function toRow(ctx: Context, fn: string | null, counts: FunctionCounts): CompareRow {
  const countA = sum(counts.a)
  const countB = sum(counts.b)
  const errorRateA = rate(counts.a.error, countA)
  const errorRateB = rate(counts.b.error, countB)
  const cells = {} as Record<ResultKind, CompareCell>
  for (const result of RESULT_KINDS) {
    cells[result] = {
      countA: counts.a[result],
      countB: counts.b[result],
      delta: counts.b[result] - counts.a[result],
      filter: cellFilter(ctx, [ctx.a, ctx.b], fn, result),
      filterA: cellFilter(ctx, [ctx.a], fn, result),
      filterB: cellFilter(ctx, [ctx.b], fn, result),
    }
  }
  return {
    function: fn,
    countA,
    countB,
    delta: countB - countA,
    errorsA: counts.a.error,
    errorsB: counts.b.error,
    errorRateA,
    errorRateB,
    errorRateDelta: errorRateA === null || errorRateB === null ? null : errorRateB - errorRateA,
    regression: roundTo3(errorRateA === null ? counts.b.error : counts.b.error - countB * errorRateA),
    cells,
    filter: scoped(ctx, [ctx.a, ctx.b], { function: [fn] }),
  }
}

/** Biggest regression first; then the largest error-rate rise, then volume, then name. */
export function compareRows(x: CompareRow, y: CompareRow): number {
  if (x.regression !== y.regression) return y.regression - x.regression
  const dx = x.errorRateDelta ?? -Infinity
  const dy = y.errorRateDelta ?? -Infinity
  if (dx !== dy) return dy > dx ? 1 : -1
  if (x.countA + x.countB !== y.countA + y.countB) return y.countA + y.countB - (x.countA + x.countB)
  return compareNullableText(x.function, y.function)
}

function presenceList(items: PresenceItem[], limit: number): PresenceList {
  items.sort((x, y) => y.count - x.count || compareNullableText(x.value, y.value))
  return { total: items.length, items: items.slice(0, limit) }
}

type PresenceField = 'apiUser' | 'agentUser'
const PRESENCE_COLUMNS: Record<PresenceField, string> = { apiUser: 'api_user', agentUser: 'agent_user' }

type Split = { onlyA: PresenceList; onlyB: PresenceList }

/** Values of one column present in exactly one of the two sources. */
function presence(db: Db, ctx: Context, field: PresenceField): Split {
  const column = PRESENCE_COLUMNS[field]
  const where = inSources(ctx, `e.${column} IS NOT NULL`)
  const spec = { keys: [`e.${column}`], aggregates: sideCounts, params: [ctx.a, ctx.b], where }
  const rows = groupEntries(db, spec, () =>
    db.prepare(`SELECT k0 AS value, a, b FROM ${GROUP_TABLE} WHERE a = 0 OR b = 0`).all(),
  ) as Array<{ value: string; a: number; b: number }>
  return splitPresence(ctx, field, rows)
}

function splitPresence(
  ctx: Context,
  field: 'function' | PresenceField,
  rows: Array<{ value: string; a: number; b: number }>,
): Split {
  const onlyA: PresenceItem[] = []
  const onlyB: PresenceItem[] = []
  for (const { value, a, b } of rows) {
    if (b === 0 && a > 0) onlyA.push({ value, count: a, filter: scoped(ctx, [ctx.a], { [field]: [value] }) })
    if (a === 0 && b > 0) onlyB.push({ value, count: b, filter: scoped(ctx, [ctx.b], { [field]: [value] }) })
  }
  return { onlyA: presenceList(onlyA, ctx.limit), onlyB: presenceList(onlyB, ctx.limit) }
}

function side(source: SourceInfo, counts: Counts): CompareSide {
  const total = sum(counts)
  return {
    sourceId: source.id,
    name: source.name,
    total,
    errors: counts.error,
    errorRate: rate(counts.error, total),
    firstTs: source.firstTs,
    lastTs: source.lastTs,
  }
}

function mustGetSource(db: Db, id: number): SourceInfo {
  const source = getSource(db, id)
  if (!source) throw new QueryError(`source ${id} not found (see the list of sources)`)
  return source
}

function totals(byFunction: Map<string | null, FunctionCounts>, which: 'a' | 'b'): Counts {
  const out = zero()
  for (const counts of byFunction.values()) for (const r of RESULT_KINDS) out[r] += counts[which][r]
  return out
}

export function compareSources(db: Db, request: CompareRequest): CompareResult {
  const { a, b } = request
  if (a === b) throw new QueryError('compare needs two different sources')
  const { sourceId: _ignored, ...base } = request.filter ?? {}
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? DEFAULT_COMPARE_LIMIT), 1), MAX_COMPARE_LIMIT)
  const ctx: Context = { a, b, base, where: compileFilter(base), limit }
  const [sourceA, sourceB] = [mustGetSource(db, a), mustGetSource(db, b)]
  const byFunction = matrixCounts(db, ctx)
  const rows = [...byFunction].map(([fn, counts]) => toRow(ctx, fn, counts)).sort(compareRows)
  const functionRows = [...byFunction]
    .filter(([fn]) => fn !== null)
    .map(([fn, counts]) => ({ value: fn as string, a: sum(counts.a), b: sum(counts.b) }))
  const functions = splitPresence(ctx, 'function', functionRows)
  const apiUsers = presence(db, ctx, 'apiUser')
  const agentUsers = presence(db, ctx, 'agentUser')
  const diff = (which: 'onlyA' | 'onlyB'): PresenceDiff => ({
    functions: functions[which],
    apiUsers: apiUsers[which],
    agentUsers: agentUsers[which],
  })
  return {
    a: side(sourceA, totals(byFunction, 'a')),
    b: side(sourceB, totals(byFunction, 'b')),
    rows: rows.slice(0, limit),
    functionCount: byFunction.size,
    onlyInA: diff('onlyA'),
    onlyInB: diff('onlyB'),
  }
}
