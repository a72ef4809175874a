// Structured detection over JSON documents (bodies, raw HAR / NDJSON records): walks the parsed value
// with an explicit stack (10^5-level nesting is fine) and records every credential it finds, so
// the values can then be replaced wherever they occur. It collects; it never rewrites.
import { classifyJsonKey, classifyName, SECRET_WORD_RE, type Strategy } from './names'
import { STRATEGIES, type Mark } from './value-strategies'

/** JSON text held inside a string (HAR postData.text, a logged body) is parsed too, this deep. */
const MAX_NESTED_DOCUMENTS = 2
const MAX_NESTED_LENGTH = 8 * 1024 * 1024

interface Frame {
  value: unknown
  /** strategy inherited from a credential-named key (strings and numbers under it are secret) */
  strategy: Strategy | null
  /** elements of a `cookies` array: every value is a cookie value */
  isCookieList: boolean
  nesting: number
}

export function parseJsonDocument(text: string): unknown {
  const start = text.trimStart()[0]
  if (start !== '{' && start !== '[') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function visitString(frame: Frame, text: string, mark: Mark, stack: Frame[]): void {
  if (frame.strategy) {
    STRATEGIES[frame.strategy](text, mark)
    return
  }
  if (frame.nesting >= MAX_NESTED_DOCUMENTS || text.length > MAX_NESTED_LENGTH || !SECRET_WORD_RE.test(text)) return
  const nested = parseJsonDocument(text)
  if (nested === undefined) return
  stack.push({ value: nested, strategy: null, isCookieList: false, nesting: frame.nesting + 1 })
}

/** Sees base64 bodies inside a document (HAR `content` with `encoding: "base64"`). */
export type OnBase64 = (base64: string) => void

function visitObject(frame: Frame, object: Record<string, unknown>, mark: Mark, stack: Frame[], onBase64?: OnBase64) {
  const { name, value, text, encoding } = object
  if (onBase64 && encoding === 'base64' && typeof text === 'string' && text !== '') onBase64(text)
  if (typeof name === 'string' && (typeof value === 'string' || typeof value === 'number')) {
    // HAR name/value pairs are headers, query and form parameters: named as such, not as JSON keys
    const strategy = frame.isCookieList ? 'whole' : classifyName(name)
    if (strategy) STRATEGIES[strategy](String(value), mark)
  }
  for (const key of Object.keys(object)) {
    const child = object[key]
    const isCookieList = key.toLowerCase() === 'cookies' && Array.isArray(child)
    stack.push({ value: child, strategy: classifyJsonKey(key), isCookieList, nesting: frame.nesting })
  }
}

/** Records every credential in a parsed JSON value. */
export function collectJsonSecrets(root: unknown, mark: Mark, onBase64?: OnBase64): void {
  const stack: Frame[] = [{ value: root, strategy: null, isCookieList: false, nesting: 0 }]
  while (stack.length > 0) {
    const frame = stack.pop() as Frame
    const { value } = frame
    if (typeof value === 'string') visitString(frame, value, mark, stack)
    else if (typeof value === 'number') {
      if (frame.strategy) STRATEGIES.whole(String(value), mark)
    } else if (Array.isArray(value)) {
      // elements of an array under a credential name are credentials; objects in it are walked afresh
      for (const item of value) {
        const inherit = typeof item === 'object' && item !== null ? null : frame.strategy
        stack.push({ value: item, strategy: inherit, isCookieList: frame.isCookieList, nesting: frame.nesting })
      }
    } else if (typeof value === 'object' && value !== null) {
      visitObject(frame, value as Record<string, unknown>, mark, stack, onBase64)
    }
  }
}

/** Parses `text` when it is a JSON document that may hold credentials, and records them. */
export function collectJsonTextSecrets(text: string, mark: Mark, onBase64?: OnBase64): void {
  if (!SECRET_WORD_RE.test(text) && !(onBase64 && text.includes('base64'))) return
  const root = parseJsonDocument(text)
  if (root !== undefined) collectJsonSecrets(root, mark, onBase64)
}
