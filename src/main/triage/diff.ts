// What changed between the last success and the first failure: URL, query parameters, request
// headers (credentials only as "changed", never their values), body fields and status.
import type { FieldChange } from '../../shared/triage-types'
import type { EntryDetail, HeaderList } from '../../shared/types'
import { parseQuery, splitUrl } from '../importers/normalize'
import { isSecretName } from './secret-names'

/** Bodies longer than this are compared as a whole, not field by field. */
export const MAX_DIFF_BODY = 64 * 1024
const MAX_FIELDS = 500
const MAX_DEPTH = 10
const MAX_VALUE = 200

/** Headers that differ between any two requests and mean nothing here. */
const VOLATILE_HEADERS = new Set([
  'date', 'content-length', 'x-request-id', 'x-correlation-id', 'request-id', 'traceparent', 'tracestate',
  'x-amzn-trace-id', 'x-b3-traceid', 'x-b3-spanid', 'x-b3-parentspanid', 'x-b3-sampled', 'cf-ray',
  'x-forwarded-for', 'x-real-ip', 'if-none-match', 'if-modified-since', 'postman-token', 'x-datadog-trace-id',
  'x-datadog-parent-id', 'sentry-trace', 'baggage',
])

export const HIDDEN = '[hidden]'
export const HIDDEN_CHANGED = '[hidden, changed]'

type Fields = Map<string, string>

function clip(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text
}

/** The URL without query, fragment or user info. */
function baseUrl(url: string | null): string | null {
  if (!url) return null
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i, '$1').split(/[?#]/, 1)[0]
}

function addPairs(into: Fields, prefix: string, pairs: Array<[string, string]>): void {
  for (const [name, value] of pairs) {
    const key = `${prefix}${name}`
    into.set(key, into.has(key) ? `${into.get(key)}, ${value}` : value)
  }
}

function headerFields(headers: HeaderList): Fields {
  const fields: Fields = new Map()
  const kept = headers.filter(([name]) => !VOLATILE_HEADERS.has(name.toLowerCase()) && !name.startsWith(':'))
  addPairs(fields, 'header.', kept.map(([name, value]) => [name.toLowerCase(), value]))
  return fields
}

function flatten(value: unknown, path: string, into: Fields, depth: number): void {
  if (into.size >= MAX_FIELDS) return
  if (value !== null && typeof value === 'object' && depth < MAX_DEPTH) {
    const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value)
    if (entries.length === 0) into.set(path || '(root)', Array.isArray(value) ? '[]' : '{}')
    for (const [key, child] of entries) {
      const childPath = key.startsWith('[') ? `${path}${key}` : path ? `${path}.${key}` : key
      flatten(child, childPath, into, depth + 1)
    }
    return
  }
  into.set(path || '(root)', typeof value === 'string' ? value : JSON.stringify(value) ?? String(value))
}

function contentType(headers: HeaderList): string {
  return headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1].toLowerCase() ?? ''
}

function bodyFields(detail: EntryDetail): Fields {
  const fields: Fields = new Map()
  const body = detail.requestBody
  if (body === null || body === '') return fields
  if (detail.requestBodyEncoding === 'base64' || body.length > MAX_DIFF_BODY) {
    fields.set('body', `${body.length} characters${detail.requestBodyEncoding === 'base64' ? ' (base64)' : ''}`)
    return fields
  }
  const text = body.trim()
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text)
      const flat: Fields = new Map()
      flatten(parsed, '', flat, 0)
      for (const [key, value] of flat) fields.set(`body.${key}`, value)
      return fields
    } catch {
      // not JSON after all: compared as text below
    }
  }
  if (contentType(detail.requestHeaders).includes('x-www-form-urlencoded') || /^[^\s=&]+=[^\s]*$/.test(text)) {
    addPairs(fields, 'body.', parseQuery(text))
    return fields
  }
  fields.set('body', text)
  return fields
}

function scalarFields(detail: EntryDetail): Fields {
  const url = detail.url ? splitUrl(detail.url) : null
  const fields: Fields = new Map()
  const put = (name: string, value: string | number | null) => {
    if (value !== null && value !== '') fields.set(name, String(value))
  }
  put('method', detail.method)
  put('url', baseUrl(detail.url))
  addPairs(fields, 'query.', parseQuery(url?.query ?? null))
  for (const [key, value] of headerFields(detail.requestHeaders)) fields.set(key, value)
  for (const [key, value] of bodyFields(detail)) fields.set(key, value)
  put('clientIp', detail.clientIp)
  put('origin', detail.origin)
  put('tenant', detail.tenant)
  put('service', detail.service)
  put('statusCode', detail.statusCode)
  return fields
}

function change(field: string, before: string | undefined, after: string | undefined): FieldChange {
  const leaf = field.slice(field.lastIndexOf('.') + 1)
  if (isSecretName(leaf) || field === 'header.authorization' || field === 'header.cookie') {
    return {
      field,
      before: before === undefined ? null : HIDDEN,
      after: after === undefined ? null : before === undefined ? HIDDEN : HIDDEN_CHANGED,
      secret: true,
      variesNormally: false,
    }
  }
  const show = (value: string | undefined) => (value === undefined ? null : clip(value))
  return { field, before: show(before), after: show(after), secret: false, variesNormally: false }
}

function changedFields(a: EntryDetail, b: EntryDetail): Array<[string, string | undefined, string | undefined]> {
  const before = scalarFields(a)
  const after = scalarFields(b)
  const names = [...new Set([...before.keys(), ...after.keys()])]
  return names.filter((name) => before.get(name) !== after.get(name)).map((name) => [name, before.get(name), after.get(name)])
}

/**
 * Fields that differ between two requests, in a stable order (the order they appear in). With the
 * success before the success, fields that also differ between two successes are marked as varying
 * normally (per-request ids and times), so they are not mistaken for the cause.
 */
export function diffRequests(success: EntryDetail, failure: EntryDetail, earlierSuccess?: EntryDetail | null): FieldChange[] {
  const varying = new Set(earlierSuccess ? changedFields(earlierSuccess, success).map(([name]) => name) : [])
  return changedFields(success, failure).map(([name, before, after]) => ({
    ...change(name, before, after),
    variesNormally: varying.has(name) && name !== 'statusCode',
  }))
}
