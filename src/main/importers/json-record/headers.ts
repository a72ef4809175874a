// Header collections in the shapes JSON logs use, normalised to [name, value] pairs in order.
import type { HeaderList } from '../../../shared/types'
import { isObject, type JsonObject } from './lookup'
import { stringifyJson } from '../../util/json-text'

function headerValue(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  // hardening (issue 7): no stack overflow on a deeply nested header value
  return stringifyJson(value)
}

/** Adds `name: value`, one pair per value when the value is an array. */
function pushValues(out: HeaderList, name: string, value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = headerValue(item)
      if (text !== null) out.push([name, text])
    }
    return
  }
  const text = headerValue(value)
  if (text !== null) out.push([name, text])
}

/** One element of a header array: [name, value] (mitmproxy) or {name, value} (HAR). */
function pushElement(out: HeaderList, element: unknown): void {
  if (Array.isArray(element) && element.length >= 2 && typeof element[0] === 'string') {
    pushValues(out, element[0], element[1])
  } else if (isObject(element) && typeof element.name === 'string') {
    pushValues(out, element.name, element.value)
  }
}

/** "Name: value" lines, as some exports store headers in one string. */
function parseHeaderText(text: string): HeaderList {
  const out: HeaderList = []
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) out.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()])
  }
  return out
}

/**
 * Headers from an object ({name: value | [values]}), an array ([[k, v]] or [{name, value}]), a
 * JSON string of either, or "Name: value" lines. Null when the value holds no headers.
 */
export function normalizeHeaders(value: unknown): HeaderList | null {
  const out: HeaderList = []
  if (Array.isArray(value)) {
    for (const element of value) pushElement(out, element)
  } else if (isObject(value)) {
    for (const name of Object.keys(value)) pushValues(out, name, value[name])
  } else if (typeof value === 'string') {
    const text = value.trim()
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        return normalizeHeaders(JSON.parse(text))
      } catch {
        return null
      }
    }
    return nonEmpty(parseHeaderText(text))
  }
  return nonEmpty(out)
}

function nonEmpty(list: HeaderList): HeaderList | null {
  return list.length > 0 ? list : null
}

/** Headers spread over top-level keys with a prefix (Traefik "request_User-Agent"). */
export function headersWithPrefix(record: JsonObject, prefix: string): HeaderList | null {
  const out: HeaderList = []
  for (const key of Object.keys(record)) {
    if (key.length > prefix.length && key.startsWith(prefix)) {
      pushValues(out, key.slice(prefix.length), record[key])
    }
  }
  return nonEmpty(out)
}

/** First value of a header, case-insensitively. */
export function findHeader(headers: HeaderList | null, names: readonly string[]): string | null {
  if (!headers) return null
  for (const name of names) {
    for (const [key, value] of headers) {
      if (key.length === name.length && key.toLowerCase() === name && value.trim() !== '') return value.trim()
    }
  }
  return null
}
