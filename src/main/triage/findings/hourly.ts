// Requests and errors per hour, service, function and API user: one aggregate scan that the
// error-rate spikes and the auth clusters (per-user hourly totals) both roll up from.
import type { FindingsRequest } from '../../../shared/triage-types'
import type { Db } from '../../store/db'
import { baseWhere, HOUR_MS } from './common'

export interface HourRow {
  h: number
  service: string | null
  function: string | null
  apiUser: string | null
  n: number
  err: number
}

export interface Tally {
  n: number
  err: number
}

export type HourDimension = 'service' | 'function' | 'apiUser'

export function loadHourly(db: Db, request: FindingsRequest): HourRow[] {
  const where = baseWhere(request)
  return db
    .prepare(
      `SELECT e.ts / ${HOUR_MS} AS h, e.service AS service, e.function AS function, e.api_user AS apiUser,
         count(*) AS n, coalesce(sum(e.result = 'error'), 0) AS err
       FROM entries e WHERE ${where.sql} GROUP BY h, e.service, e.function, e.api_user`,
    )
    .all(...where.params) as HourRow[]
}

/** Hourly tallies per value of one dimension. */
export function rollUp(rows: HourRow[], dimension: HourDimension): Map<string | null, Map<number, Tally>> {
  const subjects = new Map<string | null, Map<number, Tally>>()
  for (const row of rows) {
    const hours = subjects.get(row[dimension]) ?? new Map<number, Tally>()
    const tally = hours.get(row.h) ?? { n: 0, err: 0 }
    tally.n += row.n
    tally.err += row.err
    hours.set(row.h, tally)
    subjects.set(row[dimension], hours)
  }
  return subjects
}

/** The first hour bucket with any entry (the log start), or null for an empty range. */
export function firstHour(rows: HourRow[]): number | null {
  let first: number | null = null
  for (const row of rows) if (first === null || row.h < first) first = row.h
  return first
}
