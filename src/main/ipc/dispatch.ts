// The single dispatch point both transports call: method allow-list, argument validation, and
// errors turned into typed envelopes (never a stack trace to the client).
import { API_METHODS, type ApiMethod, type InspectorApi } from '../../shared/api'
import type { Envelope, ErrorCode } from '../../shared/transport'
import { NotFoundError } from '../backend'
import { QueryError } from '../query/compile-filter'
import { StoreError } from '../store/db'
import { ARG_SCHEMAS } from './arg-schemas'

export function failure(code: ErrorCode, message: string): Envelope {
  return { ok: false, error: { code, message } }
}

export function toFailure(error: unknown): Envelope {
  if (error instanceof QueryError) return failure('bad-argument', error.message)
  if (error instanceof NotFoundError) return failure('not-found', error.message)
  if (error instanceof StoreError) return failure('internal', error.message)
  const message = error instanceof Error ? error.message : String(error)
  return failure('internal', message)
}

export async function dispatch(backend: InspectorApi, method: string, arg: unknown): Promise<Envelope> {
  if (typeof method !== 'string' || !Object.hasOwn(API_METHODS, method)) {
    return failure('unknown-method', `unknown method: ${String(method).slice(0, 100)}`)
  }
  const parsed = ARG_SCHEMAS[method as ApiMethod].safeParse(arg)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') + ': ' : ''
    return failure('bad-argument', `${method}: ${where}${issue?.message ?? 'invalid argument'}`)
  }
  const run = backend[method as ApiMethod] as (arg: unknown) => Promise<unknown>
  try {
    const value = await run.call(backend, parsed.data)
    return { ok: true, value: value ?? null }
  } catch (error) {
    return toFailure(error)
  }
}
