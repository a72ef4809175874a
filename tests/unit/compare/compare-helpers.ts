// Independent expectations for compare tests: counts computed from the raw files (HAR JSON, access-log
// lines) or from rows read back one by one, never through the GROUP BY under test.
import { readFileSync } from 'node:fs'
import type { CompareResult } from '../../../src/shared/compare-types'
import type { EntryRow, ResultKind } from '../../../src/shared/types'

export type Matrix = Map<string | null, Record<ResultKind, number>>

export function addTo(matrix: Matrix, fn: string | null, result: ResultKind): void {
  let counts = matrix.get(fn)
  if (!counts) matrix.set(fn, (counts = { success: 0, error: 0, notice: 0 }))
  counts[result]++
}

/** Function ("METHOD /path") × result straight from a HAR file: status 0 or 400+ is an error. */
export function harMatrix(path: string): Matrix {
  const har = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, '')) as {
    log: { entries: Array<{ request: { method: string; url: string }; response: { status: number } }> }
  }
  const matrix: Matrix = new Map()
  for (const entry of har.log.entries) {
    const status = entry.response.status
    addTo(matrix, `${entry.request.method} ${new URL(entry.request.url).pathname}`, status === 0 || status >= 400 ? 'error' : 'success')
  }
  return matrix
}

export function rowsMatrix(rows: EntryRow[]): Matrix {
  const matrix: Matrix = new Map()
  for (const row of rows) addTo(matrix, row.function, row.result)
  return matrix
}

/** The result's matrix, side A or B, as the same shape. */
export function resultMatrix(result: CompareResult, side: 'A' | 'B'): Matrix {
  const matrix: Matrix = new Map()
  for (const row of result.rows) {
    const counts = { success: row.cells.success[`count${side}`], error: row.cells.error[`count${side}`], notice: row.cells.notice[`count${side}`] }
    if (counts.success + counts.error + counts.notice > 0) matrix.set(row.function, counts)
  }
  return matrix
}

export const sortedEntries = (matrix: Matrix) =>
  [...matrix].sort(([a], [b]) => String(a).localeCompare(String(b)))
