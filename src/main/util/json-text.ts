// JSON.stringify recurses, so a value nested some thousands of levels deep (a hostile log body)
// throws "Maximum call stack size exceeded". stringifyJson gives the same text without recursion.

type Frame =
  | { kind: 'array'; items: readonly unknown[]; index: number }
  | { kind: 'object'; object: Record<string, unknown>; keys: string[]; index: number; written: boolean }

/** What JSON.stringify would write for a value met inside a container; undefined to leave it out. */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

/**
 * Writes a leaf, or opens a container and returns its frame. Values from JSON.parse have no toJSON,
 * no cycles and no undefined, which is all this needs to support.
 */
function open(value: unknown, out: string[]): Frame | null {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null')
    return null
  }
  if (Array.isArray(value)) {
    out.push('[')
    return { kind: 'array', items: value, index: 0 }
  }
  out.push('{')
  return { kind: 'object', object: value as Record<string, unknown>, keys: Object.keys(value), index: 0, written: false }
}

/** The next child of a frame to write (after its separator and key), or false when it is done. */
function nextChild(frame: Frame, out: string[]): { value: unknown } | false {
  if (frame.kind === 'array') {
    if (frame.index >= frame.items.length) return false
    if (frame.index > 0) out.push(',')
    const item = frame.items[frame.index++]
    return { value: isSkipped(item) ? null : item }
  }
  while (frame.index < frame.keys.length) {
    const key = frame.keys[frame.index++]
    const value = frame.object[key]
    if (isSkipped(value)) continue
    out.push(frame.written ? ',' : '', JSON.stringify(key), ':')
    frame.written = true
    return { value }
  }
  return false
}

function stringifyIteratively(root: unknown): string {
  const out: string[] = []
  const stack: Frame[] = []
  const first = open(root, out)
  if (first) stack.push(first)
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    const child = nextChild(frame, out)
    if (child === false) {
      out.push(frame.kind === 'array' ? ']' : '}')
      stack.pop()
      continue
    }
    const opened = open(child.value, out)
    if (opened) stack.push(opened)
  }
  return out.join('')
}

/** JSON.stringify(value) for JSON data of any depth. */
export function stringifyJson(value: unknown): string {
  try {
    return JSON.stringify(value)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
  }
  return stringifyIteratively(value)
}

/** For tests: the iterative path alone. */
export const stringifyJsonIteratively = stringifyIteratively
