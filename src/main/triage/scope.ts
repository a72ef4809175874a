// Whose requests a triage looks at: the caller (API user or agent user), optionally one function,
// optionally some sources, as EntryFilters the grid can apply.
import type { TriageCaller } from '../../shared/triage-types'
import type { EntryFilter } from '../../shared/types'
import type { SqlFragment } from '../query/compile-filter'
import { iso } from './lookup'

export interface TriageScope {
  caller: TriageCaller
  function: string | null
  sourceId: number[] | undefined
}

export const CALLER_COLUMNS = { apiUser: 'api_user', agentUser: 'agent_user' } as const

/** The caller (+function, +sources) with extra conditions, e.g. a time range or a result. */
export function scopeFilter(scope: TriageScope, extra: EntryFilter = {}): EntryFilter {
  const filter: EntryFilter = { [scope.caller.kind]: [scope.caller.value] }
  if (scope.function !== null) filter.function = [scope.function]
  if (scope.sourceId && scope.sourceId.length > 0) filter.sourceId = scope.sourceId
  return { ...filter, ...extra }
}

/** Only the caller (no function), for questions about the caller as a whole. */
export function callerOnly(scope: TriageScope): TriageScope {
  return { ...scope, function: null }
}

export function rangeFilter(fromMs: number, toMs: number): EntryFilter {
  return { from: iso(fromMs), to: iso(toMs) }
}

/** Sources only, for questions about everyone's traffic. */
export function sourcesFilter(scope: TriageScope, extra: EntryFilter = {}): EntryFilter {
  return scope.sourceId && scope.sourceId.length > 0 ? { sourceId: scope.sourceId, ...extra } : { ...extra }
}

/** Rows of callers other than this one (including rows without a caller). */
export function otherCallers(scope: TriageScope): SqlFragment {
  const column = CALLER_COLUMNS[scope.caller.kind]
  return { sql: `(e.${column} IS NULL OR e.${column} <> ?)`, params: [scope.caller.value] }
}

export function callerLabel(caller: TriageCaller): string {
  return `${caller.kind === 'apiUser' ? 'API user' : 'agent user'} ${caller.value}`
}

/** "API user crmsync" or "API user crmsync calling add_lead" */
export function scopeLabel(scope: TriageScope): string {
  return scope.function === null ? callerLabel(scope.caller) : `${callerLabel(scope.caller)} calling ${scope.function}`
}
