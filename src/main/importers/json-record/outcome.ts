// How the call ended: status codes, the source's own outcome, and why it failed.
import type { ResultKind } from '../../../shared/types'
import { resultFromStatus } from '../normalize'
import { decodeId, decodeOutcome, decodeStatus, decodeString } from './decode'
import { ERROR_LEVELS, type Alias } from './fields'
import { pick, type RecordView } from './view'

export interface Outcome {
  result: ResultKind
  statusCode: number | null
  statusText: string | null
  resultReason: string | null
  errorCode: string | null
}

/** An upstream status of 0 means "no upstream call" (cache hit, rejected at the gateway). */
function decodeOriginStatus(value: unknown): number | null {
  const status = decodeStatus(value)
  return status !== null && status > 0 ? status : null
}

/** With a downstream and an origin status, the result is the worse of the two. */
function resultFromStatuses(downstream: number | null, origin: number | null): ResultKind {
  if (downstream === null) return resultFromStatus(origin)
  if (origin === null) return resultFromStatus(downstream)
  const failed = resultFromStatus(downstream) === 'error' || resultFromStatus(origin) === 'error'
  return failed ? 'error' : 'success'
}

function isErrorLevel(view: RecordView): boolean {
  const level = pick(view, 'level', decodeString)
  return level !== null && ERROR_LEVELS.has(level.toLowerCase())
}

export function resolveOutcome(view: RecordView): Outcome {
  const downstream = pick(view, 'status', decodeStatus)
  const origin = pick(view, 'originStatus', decodeOriginStatus)
  const result = pick(view, 'outcome', decodeOutcome) ?? resultFromStatuses(downstream, origin)
  const failed = result === 'error'
  const usable = (alias: Alias) => !alias.whenError || failed
  const reasonText = (value: unknown, alias: Alias) => (usable(alias) ? decodeString(value) : null)
  const code = (value: unknown, alias: Alias) => (usable(alias) ? decodeId(value) : null)
  let resultReason = pick(view, 'reason', reasonText)
  if (resultReason === null && (failed || isErrorLevel(view))) {
    resultReason = pick(view, 'message', decodeString)
  }
  return {
    result,
    statusCode: downstream ?? origin,
    statusText: pick(view, 'statusText', decodeString),
    resultReason,
    errorCode: pick(view, 'errorCode', code),
  }
}
