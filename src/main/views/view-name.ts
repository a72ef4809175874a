// View names: trimmed, unique ignoring case, and the "name (copy 2)" sequence for duplicates.
import { VIEW_LIMITS } from '../../shared/view-types'
import { ViewError } from './view-error'

// C0/C1 controls, bidi overrides and isolates, zero-width and line separators: nothing a name needs.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/

/** Why a name is not acceptable, or null when it is (checked on the trimmed name). */
export function viewNameProblem(name: string): string | null {
  const clean = name.normalize('NFC').trim()
  if (clean === '') return 'a view name must not be empty'
  const max = VIEW_LIMITS.nameChars
  if (clean.length > max) return `a view name must be at most ${max} characters`
  if (INVISIBLE.test(clean)) return 'a view name must not contain control or invisible characters'
  return null
}

/** The name as stored: NFC, trimmed. Throws a ViewError for an unusable name. */
export function cleanViewName(name: string): string {
  const problem = viewNameProblem(name)
  if (problem) throw new ViewError(problem)
  return name.normalize('NFC').trim()
}

/** The key names are unique by: "Auth Failures" and "auth failures" are the same view. */
export function viewNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase()
}

const COPY_SUFFIX = / \(copy(?: \d+)?\)$/

/** "name (copy)", then "name (copy 2)", "name (copy 3)"…: the first one `isTaken` does not know. */
export function copyName(name: string, isTaken: (name: string) => boolean): string {
  const base = name.replace(COPY_SUFFIX, '')
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`
    const candidate = base.slice(0, VIEW_LIMITS.nameChars - suffix.length).trimEnd() + suffix
    if (!isTaken(candidate)) return candidate
  }
}
