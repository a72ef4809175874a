// The rows a plan selects, as positions in a scratch vector: start from the smallest candidate set
// (every row, a time range of the (ts, id) order, or the full-text hits), then keep the rows that
// pass each remaining test in one tight loop per test.
import type { ColumnStore } from './column-store'
import type { FilterPlan, LookupCondition } from './filter-plan'
import { hasHit, type SearchHits } from './search-hits'
import { lowerBoundTs } from './ts-order'

export interface IndexQuery {
  store: ColumnStore
  plan: FilterPlan
  hits: SearchHits | null
}

/** 'ts': ascending (ts, id); 'row': ascending id; 'any': whatever is cheapest. */
export type RowOrder = 'ts' | 'row' | 'any'

/** Restricts the candidates to rows[from, to) or order[from, to) (locateEntry). */
export interface Window {
  kind: 'rows' | 'order'
  from: number
  to: number
}

let scratch = new Uint32Array(0)

/** Bytes held by the shared selection vector. */
export function scratchBytes(): number {
  return scratch.byteLength
}

/** A reusable vector (callers finish with one selection before starting the next). */
function scratchOf(size: number): Uint32Array {
  if (scratch.length < size) scratch = new Uint32Array(Math.max(size, Math.ceil(scratch.length * 1.25)))
  return scratch
}

type Domain = { kind: 'rows' | 'order' | 'hits'; from: number; to: number }

/** The time range as a slice of the (ts, id) order: NULL times lead it and never match a range. */
function timeSlice(q: IndexQuery): [number, number] {
  const { store, plan } = q
  if (!plan.time) return [0, store.rows]
  const from = Math.max(store.nullTs, lowerBoundTs(store.ts, store.order, plan.time.lo))
  const to = plan.time.hi === Infinity ? store.rows : lowerBoundTs(store.ts, store.order, plan.time.hi)
  return [from, Math.max(from, to)]
}

function chooseDomain(q: IndexQuery, order: RowOrder, window?: Window): Domain {
  const [a, b] = timeSlice(q)
  if (window?.kind === 'order') return { kind: 'order', from: Math.max(a, window.from), to: Math.min(b, window.to) }
  if (window?.kind === 'rows') return { kind: 'rows', from: window.from, to: window.to }
  const hits = q.hits?.list.length ?? Infinity
  if (order === 'ts') return hits * 8 < b - a ? { kind: 'hits', from: 0, to: hits } : { kind: 'order', from: a, to: b }
  const rows = q.plan.time ? Infinity : q.store.rows
  if (hits <= Math.min(rows, b - a)) return { kind: 'hits', from: 0, to: hits }
  return rows <= b - a ? { kind: 'rows', from: 0, to: rows } : { kind: 'order', from: a, to: b }
}

function fill(q: IndexQuery, domain: Domain, sel: Uint32Array): number {
  const count = domain.to - domain.from
  if (count <= 0) return 0
  if (domain.kind === 'order') sel.set(q.store.order.subarray(domain.from, domain.to))
  else if (domain.kind === 'hits') sel.set(q.hits!.list.subarray(domain.from, domain.to))
  else for (let j = 0; j < count; j++) sel[j] = domain.from + j
  return count
}

function keepTime(sel: Uint32Array, k: number, ts: Float64Array, lo: number, hi: number): number {
  let m = 0
  for (let j = 0; j < k; j++) {
    const row = sel[j]
    const t = ts[row]
    if (t >= lo && t < hi) sel[m++] = row
  }
  return m
}

function keepHits(sel: Uint32Array, k: number, bits: Uint32Array): number {
  let m = 0
  for (let j = 0; j < k; j++) {
    const row = sel[j]
    if (hasHit(bits, row)) sel[m++] = row
  }
  return m
}

export function keepLookup(sel: Uint32Array, k: number, condition: LookupCondition): number {
  const { column, table } = condition
  let m = 0
  for (let j = 0; j < k; j++) {
    const row = sel[j]
    if (table[column[row]] !== 0) sel[m++] = row
  }
  return m
}

function sortByTsKey(store: ColumnStore, rows: Uint32Array): void {
  const ts = store.ts
  const key = (r: number) => (ts[r] === ts[r] ? ts[r] : -Infinity)
  rows.sort((a, b) => key(a) - key(b) || a - b)
}

/** How many rows pass the plan (the same as selectRows(q, 'any').length). */
export function countRows(q: IndexQuery): number {
  if (q.plan.empty) return 0
  if (q.hits || q.plan.conditions.length > 0) return selectRows(q, 'any').length
  const [from, to] = timeSlice(q)
  return to - from
}

/**
 * Rows passing the plan's time range, search and the given conditions (default: all of them), in
 * the requested order. The result is a view of a shared scratch vector (or of the (ts, id) order):
 * read it, do not keep or change it.
 */
export function selectRows(q: IndexQuery, order: RowOrder, conditions = q.plan.conditions, window?: Window): Uint32Array {
  const { store, plan } = q
  if (plan.empty) return new Uint32Array(0)
  const domain = chooseDomain(q, order, window)
  if (domain.kind === 'order' && !q.hits && conditions.length === 0 && order !== 'row') {
    return store.order.subarray(domain.from, Math.max(domain.from, domain.to)) // a time range alone: no copy
  }
  const sel = scratchOf(Math.max(domain.to - domain.from, 0))
  let k = fill(q, domain, sel)
  if (plan.time && domain.kind !== 'order') k = keepTime(sel, k, store.ts, plan.time.lo, plan.time.hi)
  if (q.hits && domain.kind !== 'hits') k = keepHits(sel, k, q.hits.bits)
  for (const condition of conditions) k = keepLookup(sel, k, condition)
  const rows = sel.subarray(0, k)
  if (order === 'row' && domain.kind === 'order') rows.sort()
  if (order === 'ts' && domain.kind === 'hits') sortByTsKey(store, rows)
  return rows
}
