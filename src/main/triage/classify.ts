// Classifying one error into a cause with the table in error-classes.ts, and the text shown for it.
import type { ErrorCause } from '../../shared/triage-types'
import { errorFromBody } from '../importers/error-body'
import { ERROR_CLASSES, UNKNOWN_ERROR_CLASS, type ErrorClass } from './error-classes'

/** Only this much of a response body is read for classification. */
export const BODY_SCAN_LIMIT = 64 * 1024
/** Longest error text shown. */
export const MAX_MESSAGE_LENGTH = 300

export interface ErrorFacts {
  statusCode: number | null
  statusText?: string | null
  resultReason: string | null
  errorCode: string | null
  /** the response body (only the first BODY_SCAN_LIMIT characters are read) */
  body?: string | null
}

export interface Classification {
  cause: ErrorCause
  classId: string
  hint: string
}

function inRange(status: number | null, range: readonly [number, number]): boolean {
  return status !== null && status >= range[0] && status <= range[1]
}

function matches(rule: ErrorClass, facts: ErrorFacts, text: string): boolean {
  if (rule.status && !inRange(facts.statusCode, rule.status)) return false
  if (!rule.code && !rule.text) return true
  if (rule.code && facts.errorCode !== null && rule.code.test(facts.errorCode.trim())) return true
  return rule.text !== undefined && rule.text.test(text)
}

function scanText(facts: ErrorFacts): string {
  const body = facts.body ? facts.body.slice(0, BODY_SCAN_LIMIT) : ''
  return [facts.resultReason ?? '', facts.errorCode ?? '', body].join('\n')
}

export function findErrorClass(facts: ErrorFacts): ErrorClass {
  const text = scanText(facts)
  return ERROR_CLASSES.find((rule) => matches(rule, facts, text)) ?? UNKNOWN_ERROR_CLASS
}

export function classifyError(facts: ErrorFacts): Classification {
  const rule = findErrorClass(facts)
  return { cause: rule.cause, classId: rule.id, hint: rule.hint }
}

/** A classifier that remembers answers for errors without a body (aggregates over many rows). */
export function createCachedClassifier(limit = 50_000): (facts: ErrorFacts) => Classification {
  const cache = new Map<string, Classification>()
  return (facts) => {
    if (facts.body) return classifyError(facts)
    const key = `${facts.statusCode}\u0000${facts.errorCode ?? ''}\u0000${facts.resultReason ?? ''}`
    let hit = cache.get(key)
    if (!hit) {
      hit = classifyError(facts)
      if (cache.size >= limit) cache.clear()
      cache.set(key, hit)
    }
    return hit
  }
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_MESSAGE_LENGTH ? `${flat.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : flat
}

/** The text an error is shown with: reason (+code), else the body's message, else the status. */
export function errorMessage(facts: ErrorFacts): string {
  const code = facts.errorCode?.trim() || null
  const reason = facts.resultReason?.trim() || errorFromBody(facts.body?.slice(0, BODY_SCAN_LIMIT)).reason
  if (reason) return shorten(code && !reason.includes(code) ? `${reason} [${code}]` : reason)
  if (code) return shorten(`error ${code}`)
  if (facts.statusCode === 0) return 'No response'
  if (facts.statusCode !== null) return shorten(`HTTP ${facts.statusCode}${facts.statusText ? ` ${facts.statusText}` : ''}`)
  return 'Error without a message'
}

/** Groups error texts that differ only in numbers and ids ("LEAD NOT FOUND 123" ~ "LEAD NOT FOUND 456"). */
export function messageSignature(message: string): string {
  return message
    .toLowerCase()
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '#')
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
}
