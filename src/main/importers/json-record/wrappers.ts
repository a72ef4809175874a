// Where a JSON document keeps its records: a top-level array, an array under one well-known key
// ({"records":[…]}, {"data":[…]}, …), Elasticsearch's hits.hits, or HAR's log.entries.
import { isObject, type JsonObject } from './lookup'

export const WRAPPER_KEYS: ReadonlySet<string> = new Set([
  'records', 'Records', 'logs', 'data', 'items', 'results', 'events', 'flows', 'entries', 'value',
])
const NESTED_WRAPPERS: ReadonlyArray<readonly [string, string]> = [['hits', 'hits'], ['log', 'entries']]

/** True for the key path of an array that holds the records (see streamJsonArray's `target`). */
export function isRecordArrayPath(path: readonly string[]): boolean {
  if (path.length === 0) return true
  if (path.length === 1) return WRAPPER_KEYS.has(path[0])
  return path.length === 2 && NESTED_WRAPPERS.some(([a, b]) => path[0] === a && path[1] === b)
}

/** True when a parsed object is an envelope around records rather than a record itself. */
export function isWrapperObject(value: JsonObject): boolean {
  for (const key of Object.keys(value)) {
    if (WRAPPER_KEYS.has(key) && Array.isArray(value[key])) return true
  }
  return NESTED_WRAPPERS.some(([a, b]) => {
    const outer = value[a]
    return isObject(outer) && Array.isArray(outer[b])
  })
}

const HAR_HEAD_RE = /^\s*\{\s*"log"\s*:\s*\{/
const HAR_BODY_RE = /"(?:entries|creator)"\s*:/

/** A HAR file's head: the har importer owns those. */
export function looksLikeHar(head: string): boolean {
  return HAR_HEAD_RE.test(head) && HAR_BODY_RE.test(head)
}
