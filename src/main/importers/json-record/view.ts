// A record seen through its profile's field table: `pick` returns the first candidate value a
// decoder accepts, looking up only candidates whose leading key the record has.
import {
  COMPILED_GENERIC,
  COMPILED_PROFILES,
  MARKER_INDEX,
  type CompiledAlias,
  type CompiledProfile,
} from './compile'
import { toNumber } from '../normalize'
import { decodeId } from './decode'
import type { Alias, FieldName } from './fields'
import { getPath, isObject, type JsonObject } from './lookup'
import type { Profile } from './profiles'

export interface RecordView {
  record: JsonObject
  profile: Profile
  /** the record, then any profile roots it has */
  roots: JsonObject[]
  table: Record<FieldName, CompiledAlias[]>
  /** 1 for each candidate whose leading key exists in a root: the others are not looked up */
  present: Uint8Array
}

/** The first profile (in table order) with a marker present in the record. */
function profileOf(record: JsonObject): CompiledProfile {
  let best = COMPILED_PROFILES.length
  for (const key in record) {
    const markers = MARKER_INDEX.get(key)
    if (!markers) continue
    for (const marker of markers) {
      if (marker.profile < best && getPath(record, marker.path) !== undefined) best = marker.profile
    }
  }
  return best < COMPILED_PROFILES.length ? COMPILED_PROFILES[best] : COMPILED_GENERIC
}

export function viewRecord(record: JsonObject): RecordView {
  const compiled = profileOf(record)
  const roots = [record]
  for (const rootPath of compiled.roots) {
    const root = getPath(record, rootPath)
    if (isObject(root)) roots.push(root)
  }
  const present = new Uint8Array(compiled.slots)
  for (const root of roots) {
    for (const key in root) {
      const slots = compiled.keyIndex.get(key)
      if (slots) for (const slot of slots) present[slot] = 1
    }
  }
  return { record, profile: compiled.profile, roots, table: compiled.table, present }
}

export type Decoder<T> = (value: unknown, alias: Alias) => T | null

/** The raw value of one candidate in one root (joined, subtracted or constant where the alias says). */
function valueOf(root: JsonObject, c: CompiledAlias): unknown {
  const value = getPath(root, c.path)
  if (value === undefined || value === null) return undefined
  if (c.alias.constant !== undefined) return c.alias.constant
  if (c.to) {
    const start = toNumber(value)
    const end = toNumber(getPath(root, c.to))
    return start !== null && end !== null && end >= start ? end - start : undefined
  }
  if (c.with.length === 0) return value
  const parts = [decodeId(value)]
  for (const other of c.with) parts.push(decodeId(getPath(root, other)))
  return parts.every((p) => p !== null) ? parts.join(c.alias.join ?? ' ') : undefined
}

/** First candidate of `field`, in any root, that `decode` accepts; null when none does. */
export function pick<T>(view: RecordView, field: FieldName, decode: Decoder<T>): T | null {
  for (const candidate of view.table[field]) {
    if (view.present[candidate.slot] === 0) continue
    for (const root of view.roots) {
      const value = valueOf(root, candidate)
      if (value === undefined) continue
      const decoded = decode(value, candidate.alias)
      if (decoded !== null) return decoded
    }
  }
  return null
}
