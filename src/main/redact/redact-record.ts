// Redaction of one record (an EntryRecord on import, an EntryDetail on export): structured rules
// first (headers, URL, bodies, error text, the raw record, JSON walked where present), then every
// occurrence of each secret they found is replaced in every stored text field.
import { isUtf8 } from 'node:buffer'
import type { HeaderList, ResultKind } from '../../shared/types'
import { collectJsonTextSecrets } from './json-walk'
import { MIN_UNBOUNDED_LENGTH, needlesFor, replaceOccurrences, type Needle } from './occurrences'
import { SecretBook } from './secret-book'
import type { Tagger } from './tag'
import { redactText, type TextContext } from './text-rules'
import { redactNamedValue } from './value-strategies'

/** What redaction reads and rewrites; EntryRecord and EntryDetail both have this shape. */
export interface RedactableRecord {
  result: ResultKind
  raw: string
  url?: string | null
  requestHeaders?: HeaderList | null
  requestBody?: string | null
  requestBodyEncoding?: 'base64' | null
  responseHeaders?: HeaderList | null
  responseBody?: string | null
  responseBodyEncoding?: 'base64' | null
}

/** Free-text fields: every rule and every secret. */
export const TEXT_FIELDS = ['url', 'resultReason', 'statusText', 'raw'] as const
/** Short label fields: only secrets long enough that a match cannot be a coincidence. */
export const LABEL_FIELDS = [
  'host', 'path', 'endpoint', 'function', 'service', 'tenant', 'clientIp', 'origin', 'errorCode', 'correlationId',
] as const
export const HEADER_FIELDS = ['requestHeaders', 'responseHeaders'] as const
export const BODY_FIELDS = [
  ['requestBody', 'requestBodyEncoding'],
  ['responseBody', 'responseBodyEncoding'],
] as const
// apiUser and agentUser are identities derived before redaction: never rewritten.

type Fields = Record<string, unknown>

interface Body {
  /** the field it is stored in; null for a base64 body met only inside the raw record */
  field: string | null
  /** the text worked on: base64 bodies decoded when they are UTF-8 */
  text: string
  base64: string | null
}

/** Largest base64 body decoded to look for credentials inside. */
const MAX_DECODED_BASE64 = 16 * 1024 * 1024

function redactHeaders(headers: HeaderList, book: SecretBook, ctx: TextContext): HeaderList {
  return headers.map(([name, value]): [string, string] => {
    const byName = redactNamedValue(name, value, book.mark)
    return [name, redactText(byName, book.mark, ctx)]
  })
}

function decodeBase64(field: string | null, base64: string): Body | null {
  if (base64.length > (MAX_DECODED_BASE64 / 3) * 4) return null
  const bytes = Buffer.from(base64, 'base64')
  return isUtf8(bytes) ? { field, text: bytes.toString('utf8'), base64 } : null
}

function openBody(fields: Fields, field: string, encodingField: string): Body | null {
  const value = fields[field]
  if (typeof value !== 'string' || value === '') return null
  return fields[encodingField] === 'base64' ? decodeBase64(field, value) : { field, text: value, base64: null }
}

/** Structured rules over one body: JSON walked, then the text rules. */
function scanBody(body: Body, book: SecretBook, ctx: TextContext): void {
  collectJsonTextSecrets(body.text, book.mark)
  body.text = redactText(body.text, book.mark, ctx)
}

/** Stores a body back; a re-encoded base64 body also replaces its old encoding wherever it occurs. */
function closeBody(fields: Fields, body: Body, book: SecretBook): void {
  if (body.base64 === null) {
    if (body.field) fields[body.field] = body.text
    return
  }
  const encoded = Buffer.from(body.text, 'utf8').toString('base64')
  if (encoded === body.base64) return
  if (body.field) fields[body.field] = encoded
  book.substitutions.set(body.base64, encoded)
}

function replaceEverywhere(fields: Fields, bodies: Body[], book: SecretBook): void {
  let needles: Needle[] = needlesFor(book.secrets(), book.substitutions, book.spellings)
  for (const body of bodies) {
    body.text = replaceOccurrences(body.text, needles)
    closeBody(fields, body, book)
  }
  needles = needlesFor(book.secrets(), book.substitutions, book.spellings)
  for (const field of HEADER_FIELDS) {
    const headers = fields[field] as HeaderList | null | undefined
    if (headers) fields[field] = headers.map(([n, v]): [string, string] => [n, replaceOccurrences(v, needles)])
  }
  for (const field of TEXT_FIELDS) {
    if (typeof fields[field] === 'string') fields[field] = replaceOccurrences(fields[field] as string, needles)
  }
  for (const field of LABEL_FIELDS) {
    const value = fields[field]
    if (typeof value === 'string') fields[field] = replaceOccurrences(value, needles, MIN_UNBOUNDED_LENGTH)
  }
}

/** Redacts every stored text of a record with the given tagger; returns a new object. */
export function redactWithTagger<T extends RedactableRecord>(record: T, tagger: Tagger): T {
  const book = new SecretBook(tagger)
  const ctx: TextContext = { isError: record.result === 'error' }
  const fields = { ...record } as unknown as Fields
  for (const field of HEADER_FIELDS) {
    const headers = fields[field] as HeaderList | null | undefined
    if (headers && headers.length > 0) fields[field] = redactHeaders(headers, book, ctx)
  }
  const bodies: Body[] = []
  for (const [field, encodingField] of BODY_FIELDS) {
    const body = openBody(fields, field, encodingField)
    if (body) bodies.push(body)
  }
  // base64 bodies inside the raw record (HAR content the importer decoded) are searched as well
  collectJsonTextSecrets(record.raw, book.mark, (base64) => {
    if (bodies.some((b) => b.base64 === base64)) return
    const body = decodeBase64(null, base64)
    if (body) bodies.push(body)
  })
  for (const body of bodies) scanBody(body, book, ctx)
  for (const field of TEXT_FIELDS) {
    if (typeof fields[field] === 'string') fields[field] = redactText(fields[field] as string, book.mark, ctx)
  }
  if (book.isEmpty) {
    for (const body of bodies) closeBody(fields, body, book)
    return fields as unknown as T
  }
  replaceEverywhere(fields, bodies, book)
  return fields as unknown as T
}
