// Are the errors confined to one tenant, service, function or user while the caller's other
// requests succeed? ("only tenant acme fails")
import type { ErrorScope } from '../../shared/triage-types'
import type { EntryFilter } from '../../shared/types'
import { compileFilter } from '../query/compile-filter'
import type { Db } from '../store/db'
import type { TriageScope } from './scope'

const COLUMNS: Record<ErrorScope['field'], string> = {
  tenant: 'tenant',
  service: 'service',
  function: 'function',
  apiUser: 'api_user',
  agentUser: 'agent_user',
}

/** Distinct values looked at per field; more means the field is not a useful split. */
const MAX_VALUES = 50

function candidateFields(scope: TriageScope): Array<ErrorScope['field']> {
  const fields: Array<ErrorScope['field']> = ['tenant', 'service']
  if (scope.function === null) fields.push('function')
  fields.push(scope.caller.kind === 'apiUser' ? 'agentUser' : 'apiUser')
  return fields
}

function splitBy(db: Db, window: EntryFilter, field: ErrorScope['field']): ErrorScope | null {
  const where = compileFilter(window)
  const column = COLUMNS[field]
  const rows = db
    .prepare(
      `SELECT e.${column} AS value, coalesce(sum(e.result = 'error'), 0) AS errors,
         coalesce(sum(e.result = 'success'), 0) AS successes
       FROM entries e WHERE ${where.sql} GROUP BY e.${column} LIMIT ?`,
    )
    .all(...where.params, MAX_VALUES + 1) as Array<{ value: string | null; errors: number; successes: number }>
  if (rows.length < 2 || rows.length > MAX_VALUES) return null
  const failing = rows.filter((r) => r.errors > 0)
  if (failing.length !== 1) return null
  const otherSuccesses = rows.filter((r) => r !== failing[0]).reduce((sum, r) => sum + r.successes, 0)
  if (otherSuccesses === 0) return null
  return { field, value: failing[0].value, errors: failing[0].errors, otherSuccesses }
}

/** The first field (tenant, service, function, the other user) whose one value holds every error. */
export function findErrorScope(db: Db, scope: TriageScope, window: EntryFilter): ErrorScope | null {
  for (const field of candidateFields(scope)) {
    const found = splitBy(db, window, field)
    if (found) return found
  }
  return null
}
