// Facet counts: distinct values of a field with counts under the other active filters.
import type { FacetField, FacetRequest, FacetResult, FacetValue } from '../../shared/types'
import { ENTRY_COLUMNS } from '../store/columns'
import type { Db } from '../store/db'
import { compileFilter } from './compile-filter'

export const DEFAULT_FACET_LIMIT = 200

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** Max values per field, as requested (1–10 000, default 200). */
export function facetLimit(request: FacetRequest): number {
  return Math.min(Math.max(Math.trunc(request.limit ?? DEFAULT_FACET_LIMIT), 1), 10_000)
}

/** The `contains` text that filters values, or null when there is none. */
export function facetContains(request: FacetRequest): string | null {
  return request.contains && request.contains.trim() !== '' ? request.contains.trim() : null
}

export function facetValues(db: Db, request: FacetRequest, field: FacetField): FacetValue[] {
  const column = ENTRY_COLUMNS[field]
  const where = compileFilter(request.filter, field)
  const params = [...where.params]
  let sql = where.sql
  const contains = facetContains(request)
  if (contains !== null) {
    sql += ` AND e.${column} LIKE ? ESCAPE '\\'`
    params.push(`%${escapeLike(contains)}%`)
  }
  const limit = facetLimit(request)
  return db
    .prepare(
      `SELECT e.${column} AS value, count(*) AS count FROM entries e WHERE ${sql}
       GROUP BY e.${column} ORDER BY count DESC, value ASC LIMIT ?`,
    )
    .all(...params, limit) as FacetValue[]
}

export function facets(db: Db, request: FacetRequest): FacetResult {
  const result: FacetResult = {}
  for (const field of request.fields) result[field] = facetValues(db, request, field)
  return result
}
