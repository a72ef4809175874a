// Streams the elements of one JSON array inside a (possibly huge) JSON document, one element at
// a time, so memory follows the largest element rather than the file. Element text is handed to
// JSON.parse by the caller. Nesting depth is tracked with a counter, never recursion.

export type ArrayTarget = (path: readonly string[]) => boolean

export interface ArrayStreamResult {
  /** whether a matching array was found */
  found: boolean
  /** elements seen */
  count: number
  /** the document ended before the array was closed */
  truncated: boolean
}

const QUOTE = 34
const BACKSLASH = 92
const OPEN_OBJECT = 123
const CLOSE_OBJECT = 125
const OPEN_ARRAY = 91
const CLOSE_ARRAY = 93
const COLON = 58
const COMMA = 44

export class JsonStructureError extends Error {}

interface Frame {
  kind: 'object' | 'array'
  /** last key read in an object frame */
  key: string | null
}

/** An element longer than the limit: its index and length (its text is not kept). */
export type OverlongElementHandler = (index: number, length: number) => void

/**
 * Calls `onElement(text, index)` for each element of the first array whose key path satisfies
 * `target` (path [] is a top-level array; ['log', 'entries'] is HAR's). Element indexes are 1-based.
 * An element longer than `maxElementLength` throws, or, when `onOverlong` is given, is reported
 * there and skipped without being held in memory (hardening, issue 7).
 */
export async function streamJsonArray(
  input: AsyncIterable<string>,
  target: ArrayTarget,
  onElement: (text: string, index: number) => void,
  maxElementLength = 512 * 1024 * 1024,
  onOverlong?: OverlongElementHandler,
): Promise<ArrayStreamResult> {
  const stack: Frame[] = []
  let inString = false
  let escaped = false
  let keyBuffer: string | null = null // collecting an object key
  let expectKey = false
  let targetDepth = -1 // stack depth of the target array once found
  let element: string[] | null = null // chunks of the element being captured
  let elementLength = 0
  let elementDepth = 0
  let pendingScalar = false // a scalar element (number, literal) is being captured
  let stringElement = false // a string element is being captured
  let count = 0
  let done = false
  let overlong = false // the element being captured is over the limit: only its length is kept

  const emit = () => {
    if (!element) return
    if (overlong) {
      const length = elementLength + element.reduce((sum, part) => sum + part.length, 0)
      element = null
      elementLength = 0
      overlong = false
      onOverlong?.(++count, length)
      return
    }
    const text = element.join('').trim()
    element = null
    elementLength = 0
    if (text.length > 0) onElement(text, ++count)
  }

  for await (const chunk of input) {
    if (done) continue
    let captureFrom = element ? 0 : -1
    let nextBackslash = chunk.indexOf('\\')
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i)
      if (inString) {
        // jump to the next quote or backslash quickly
        if (!escaped) {
          const q = chunk.indexOf('"', i)
          // the next backslash is remembered until passed: most strings have none
          if (nextBackslash < i && nextBackslash !== -1) nextBackslash = chunk.indexOf('\\', i)
          const b = nextBackslash
          const next = q < 0 ? b : b < 0 ? q : Math.min(q, b)
          if (next < 0) {
            if (keyBuffer !== null) keyBuffer += chunk.slice(i)
            i = chunk.length
            break
          }
          if (keyBuffer !== null) keyBuffer += chunk.slice(i, next)
          i = next
          const d = chunk.charCodeAt(i)
          if (d === BACKSLASH) {
            escaped = true
            if (keyBuffer !== null) keyBuffer += '\\'
            continue
          }
          inString = false
          if (stringElement && element !== null) {
            element.push(chunk.slice(captureFrom, i + 1))
            stringElement = false
            emit()
            captureFrom = -1
            continue
          }
          if (keyBuffer !== null) {
            const frame = stack[stack.length - 1]
            try {
              frame.key = JSON.parse(`"${keyBuffer}"`) as string
            } catch {
              frame.key = keyBuffer
            }
            keyBuffer = null
          }
          continue
        }
        escaped = false
        if (keyBuffer !== null) keyBuffer += chunk[i]
        continue
      }
      if (c === QUOTE) {
        inString = true
        if (targetDepth >= 0 && stack.length === targetDepth && element === null) {
          element = []
          captureFrom = i
          elementDepth = 0
          stringElement = true
          continue
        }
        if (expectKey && element === null) keyBuffer = ''
        expectKey = false
        continue
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (targetDepth >= 0 && stack.length === targetDepth && element === null) {
          element = []
          captureFrom = i
          elementDepth = 0
        }
        if (element !== null) {
          elementDepth++
        }
        stack.push({ kind: c === OPEN_OBJECT ? 'object' : 'array', key: null })
        expectKey = c === OPEN_OBJECT
        if (c === OPEN_ARRAY && targetDepth < 0 && element === null) {
          const here = stack.slice(0, -1).map((f) => f.key ?? '*')
          if (target(here)) targetDepth = stack.length
        }
        continue
      }
      if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (element !== null && elementDepth === 0 && pendingScalar) {
          // scalar element ends at the array's close
          element.push(chunk.slice(captureFrom, i))
          pendingScalar = false
          emit()
          captureFrom = -1
        }
        const frame = stack.pop()
        if (!frame) throw new JsonStructureError(`unexpected "${chunk[i]}"`)
        if (element !== null) {
          elementDepth--
          if (elementDepth === 0) {
            element.push(chunk.slice(captureFrom, i + 1))
            emit()
            captureFrom = -1
          }
        } else if (targetDepth >= 0 && stack.length === targetDepth - 1) {
          done = true
          break
        }
        expectKey = false
        continue
      }
      if (c === COMMA) {
        if (element !== null && elementDepth === 0 && pendingScalar) {
          element.push(chunk.slice(captureFrom, i))
          pendingScalar = false
          emit()
          captureFrom = -1
        }
        const top = stack[stack.length - 1]
        expectKey = top !== undefined && top.kind === 'object' && element === null
        if (top && top.kind === 'object' && element === null) top.key = null
        continue
      }
      if (c === COLON) continue
      if (c <= 32) continue
      // start of a scalar (number, true, false, null) directly in the target array
      if (targetDepth >= 0 && stack.length === targetDepth && element === null) {
        element = []
        captureFrom = i
        elementDepth = 0
        pendingScalar = true
      }
    }
    if (element !== null && captureFrom >= 0 && !done) {
      const part = chunk.slice(captureFrom)
      elementLength += part.length
      if (elementLength > maxElementLength) {
        if (!onOverlong) throw new JsonStructureError(`an element of the array is longer than ${maxElementLength} characters`)
        overlong = true
      }
      if (overlong) element.length = 0
      else element.push(part)
    }
  }
  return { found: targetDepth >= 0, count, truncated: targetDepth >= 0 && !done }
}
