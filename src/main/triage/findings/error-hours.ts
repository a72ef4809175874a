// Errors aggregated per hour, function, API user, tenant and error (status / reason / code), each
// classified once through the error-class table. One scan feeds repeated_failures,
// auth_error_cluster and rate_limit_burst. Response bodies are not read here (too costly at scale):
// classification uses the status, reason and code.
import type { ErrorCause, FindingsRequest } from '../../../shared/triage-types'
import type { Db } from '../../store/db'
import { createCachedClassifier, errorMessage, messageSignature } from '../classify'
import { baseWhere, HOUR_MS } from './common'

export interface ErrorHour {
  h: number
  fn: string | null
  apiUser: string | null
  tenant: string | null
  statusCode: number | null
  resultReason: string | null
  errorCode: string | null
  n: number
  firstTs: number
  lastTs: number
  cause: ErrorCause
  message: string
  signature: string
}

export function loadErrorHours(db: Db, request: FindingsRequest): ErrorHour[] {
  const where = baseWhere(request)
  const rows = db
    .prepare(
      `SELECT e.ts / ${HOUR_MS} AS h, e.function AS fn, e.api_user AS apiUser, e.tenant AS tenant,
         e.status_code AS statusCode, e.status_text AS statusText, e.result_reason AS resultReason,
         e.error_code AS errorCode, count(*) AS n, min(e.ts) AS firstTs, max(e.ts) AS lastTs
       FROM entries e WHERE ${where.sql} AND e.result = 'error'
       GROUP BY h, e.function, e.api_user, e.tenant, e.status_code, e.status_text, e.result_reason, e.error_code`,
    )
    .all(...where.params) as Array<Omit<ErrorHour, 'cause' | 'message' | 'signature'> & { statusText: string | null }>
  const classify = createCachedClassifier()
  const messages = new Map<string, string>()
  return rows.map((row) => {
    const key = `${row.statusCode}\u0000${row.statusText ?? ''}\u0000${row.resultReason ?? ''}\u0000${row.errorCode ?? ''}`
    let message = messages.get(key)
    if (message === undefined) {
      message = errorMessage(row)
      messages.set(key, message)
    }
    const { statusText: _statusText, ...rest } = row
    return { ...rest, cause: classify(row).cause, message, signature: messageSignature(message) }
  })
}

/** The distinct (status, reason, code) tuples of some error rows, for example-id queries. */
export function tuplesOf(rows: ErrorHour[]): Array<[number | null, string | null, string | null]> {
  const seen = new Map<string, [number | null, string | null, string | null]>()
  for (const r of rows) seen.set(`${r.statusCode}\u0000${r.resultReason}\u0000${r.errorCode}`, [r.statusCode, r.resultReason, r.errorCode])
  return [...seen.values()].slice(0, 50)
}
