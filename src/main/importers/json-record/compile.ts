// Field tables compiled once at load: every candidate path split and numbered, plus an index from
// each key a path can start with to the candidates behind it, so a record's own keys tell which
// candidates can be present at all (most of the ~400 never are).
import type { Alias, FieldName } from './fields'
import { compilePath, type CompiledPath } from './lookup'
import { GENERIC, PROFILES, tableFor, type Profile } from './profiles'

export interface CompiledAlias {
  alias: Alias
  path: CompiledPath
  with: CompiledPath[]
  to: CompiledPath | null
  /** this candidate's number within its profile */
  slot: number
}

export interface CompiledProfile {
  profile: Profile
  roots: CompiledPath[]
  table: Record<FieldName, CompiledAlias[]>
  slots: number
  /** top-level key → slots of the candidates whose path may start with it */
  keyIndex: Map<string, number[]>
}

/** Keys a path can start with in an object: "a", and the flat forms "a.b", "a.b.c". */
function leadingKeys(path: CompiledPath): string[] {
  return path.segments.map((_, i) => path.joins[0][i + 1])
}

function addToIndex<T>(index: Map<string, T[]>, keys: string[], value: T): void {
  for (const key of keys) {
    const list = index.get(key)
    if (list) list.push(value)
    else index.set(key, [value])
  }
}

function compileProfile(profile: Profile): CompiledProfile {
  const table = {} as Record<FieldName, CompiledAlias[]>
  const keyIndex = new Map<string, number[]>()
  let slots = 0
  for (const [name, aliases] of Object.entries(tableFor(profile)) as Array<[FieldName, readonly Alias[]]>) {
    table[name] = aliases.map((alias) => {
      const compiled: CompiledAlias = {
        alias,
        path: compilePath(alias.path),
        with: (alias.with ?? []).map(compilePath),
        to: alias.to ? compilePath(alias.to) : null,
        slot: slots++,
      }
      addToIndex(keyIndex, leadingKeys(compiled.path), compiled.slot)
      return compiled
    })
  }
  return { profile, roots: (profile.roots ?? []).map(compilePath), table, slots, keyIndex }
}

export const COMPILED_PROFILES: readonly CompiledProfile[] = PROFILES.map(compileProfile)
export const COMPILED_GENERIC: CompiledProfile = compileProfile(GENERIC)

export interface CompiledMarker {
  /** index into COMPILED_PROFILES; lower wins */
  profile: number
  path: CompiledPath
}

/** top-level key → profile markers whose path may start with it */
export const MARKER_INDEX: ReadonlyMap<string, CompiledMarker[]> = (() => {
  const index = new Map<string, CompiledMarker[]>()
  PROFILES.forEach((profile, i) => {
    for (const marker of profile.markers) {
      const path = compilePath(marker)
      addToIndex(index, leadingKeys(path), { profile: i, path })
    }
  })
  return index
})()
