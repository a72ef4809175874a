// "Last worked / first failed": the failure run that reaches into the window, found automatically.
// The first error in the window is traced back to the last success before it; the first error
// after that success is where the failures began (possibly before the window).
import type { EntryRef } from '../../shared/triage-types'
import type { Db } from '../store/db'
import { afterRef, beforeRef, edgeEntry, iso } from './lookup'
import { rangeFilter, scopeFilter, type TriageScope } from './scope'

export interface Transition {
  lastSuccess: EntryRef | null
  firstFailure: EntryRef | null
  /** first success after the first failure, up to the end of the window */
  recoveredAt: EntryRef | null
}

export function findTransition(db: Db, scope: TriageScope, fromMs: number, toMs: number): Transition {
  const firstErrorInWindow = edgeEntry(db, scopeFilter(scope, { ...rangeFilter(fromMs, toMs), result: ['error'] }), 'asc')
  if (!firstErrorInWindow) {
    const lastSuccess = edgeEntry(db, scopeFilter(scope, { to: iso(toMs), result: ['success'] }), 'desc')
    return { lastSuccess, firstFailure: null, recoveredAt: null }
  }
  const lastSuccess = edgeEntry(db, scopeFilter(scope, { result: ['success'] }), 'desc', beforeRef(firstErrorInWindow))
  const firstFailure = lastSuccess
    ? edgeEntry(db, scopeFilter(scope, { result: ['error'] }), 'asc', afterRef(lastSuccess))
    : edgeEntry(db, scopeFilter(scope, { result: ['error'] }), 'asc')
  const failure = firstFailure ?? firstErrorInWindow
  const recoveredAt = edgeEntry(db, scopeFilter(scope, { to: iso(toMs), result: ['success'] }), 'asc', afterRef(failure))
  return { lastSuccess, firstFailure: failure, recoveredAt }
}

/** The nearest success of the same caller and function before a failure, for the diff. */
export function pairedSuccess(db: Db, scope: TriageScope, failure: EntryRef): EntryRef | null {
  const sameFunction: TriageScope = { ...scope, function: scope.function ?? failure.function }
  const filter = scopeFilter(sameFunction, { result: ['success'] })
  if (failure.function === null && scope.function === null) filter.function = [null]
  return edgeEntry(db, filter, 'desc', beforeRef(failure))
}
