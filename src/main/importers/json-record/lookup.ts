// Finding a value in a parsed JSON record by a dotted path, whether the log nests objects
// ({"http":{"request":{"method":…}}}), flattens keys ({"http.request.method":…}) or mixes both.

export type JsonObject = Record<string, unknown>

/** A dotted path split once, with every remaining dotted suffix prepared for flat-key lookups. */
export interface CompiledPath {
  readonly text: string
  readonly segments: readonly string[]
  /** joins[from][to] = segments.slice(from, to).join('.'), built once */
  readonly joins: ReadonlyArray<readonly string[]>
}

const compiled = new Map<string, CompiledPath>()

/** Splits a dotted path once (paths shared by several profiles are compiled once). */
export function compilePath(text: string): CompiledPath {
  let path = compiled.get(text)
  if (!path) {
    path = buildPath(text)
    compiled.set(text, path)
  }
  return path
}

function buildPath(text: string): CompiledPath {
  const segments = text.split('.')
  for (const segment of segments) {
    if (segment in Object.prototype) throw new Error(`field path "${text}" names an Object.prototype member`)
  }
  const joins = segments.map((_, from) => {
    const row: string[] = []
    for (let to = 0; to <= segments.length; to++) {
      row.push(to > from ? segments.slice(from, to).join('.') : '')
    }
    return row
  })
  return { text, segments, joins }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Plain property read: fast, and safe because every key looked up comes from the static field
 * tables, which compilePath checks never name an Object.prototype member.
 */
function own(object: JsonObject, key: string): unknown {
  return object[key]
}

function walk(object: JsonObject, path: CompiledPath, from: number): unknown {
  const last = path.segments.length - 1
  if (from === last) return own(object, path.segments[from])
  // nested first: {"a":{"b":…}}
  const child = own(object, path.segments[from])
  if (isObject(child)) {
    const found = walk(child, path, from + 1)
    if (found !== undefined) return found
  }
  // flat remainder: {"a.b":…}
  const flat = own(object, path.joins[from][last + 1])
  if (flat !== undefined) return flat
  // partly flat: {"a.b":{"c":…}}
  for (let split = from + 2; split <= last; split++) {
    const inner = own(object, path.joins[from][split])
    if (isObject(inner)) {
      const found = walk(inner, path, split)
      if (found !== undefined) return found
    }
  }
  return undefined
}

/** The value at `path`, or undefined when any step is missing. */
export function getPath(object: JsonObject, path: CompiledPath): unknown {
  return walk(object, path, 0)
}

/** True when the value at `path` exists (null counts as present). */
export function hasPath(object: JsonObject, path: CompiledPath): boolean {
  return getPath(object, path) !== undefined
}
