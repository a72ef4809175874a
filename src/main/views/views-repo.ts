// Saved views in the store: list, save (create or replace), rename, duplicate, delete, and the
// last used one. Names are looked up ignoring case. Functions return null / false when the view
// does not exist and throw a ViewError when the caller asked for something invalid.
import type { SavedView, SavedViewSpec } from '../../shared/view-types'
import { toIso } from '../store/columns'
import type { Db } from '../store/db'
import { ViewError } from './view-error'
import { cleanViewName, copyName, viewNameKey } from './view-name'
import { describeZodError, viewSpecSchema } from './view-schema'

interface ViewRow {
  id: number
  name: string
  spec: string
  created_at: number
  updated_at: number
  last_used_at: number | null
}

type StoredSpec = Omit<SavedViewSpec, 'name'>

const SELECT = `SELECT id, name, spec, created_at, updated_at, last_used_at FROM saved_views`

/** A row as a SavedView, or null when its stored JSON is no longer a valid view. */
function toSavedView(row: ViewRow): SavedView | null {
  let spec: unknown
  try {
    spec = { ...(JSON.parse(row.spec) as object), name: row.name }
  } catch {
    return null
  }
  const parsed = viewSpecSchema.safeParse(spec)
  if (!parsed.success) return null
  return {
    id: row.id,
    ...parsed.data,
    createdAt: toIso(row.created_at) as string,
    updatedAt: toIso(row.updated_at) as string,
    lastUsedAt: toIso(row.last_used_at),
  }
}

function storedSpec(spec: SavedViewSpec): string {
  const body: StoredSpec = {
    filter: spec.filter,
    timeRange: spec.timeRange,
    search: spec.search,
    columns: spec.columns,
    sort: spec.sort,
  }
  return JSON.stringify(body)
}

/** Validates a spec from any caller (API, CLI, file) and returns it with its name cleaned. */
export function checkViewSpec(spec: unknown): SavedViewSpec {
  const parsed = viewSpecSchema.safeParse(spec)
  if (!parsed.success) throw new ViewError(`invalid view: ${describeZodError(parsed.error)}`)
  return { ...parsed.data, name: cleanViewName(parsed.data.name) }
}

function rowByKey(db: Db, key: string): ViewRow | undefined {
  return db.prepare(`${SELECT} WHERE name_key = ?`).get(key) as ViewRow | undefined
}

function exists(db: Db, name: string): boolean {
  return rowByKey(db, viewNameKey(name)) !== undefined
}

/** Every readable view, by name. */
export function listViews(db: Db): SavedView[] {
  const rows = db.prepare(`${SELECT} ORDER BY name_key, id`).all() as ViewRow[]
  return rows.map(toSavedView).filter((view): view is SavedView => view !== null)
}

export function getView(db: Db, name: string): SavedView | null {
  const row = rowByKey(db, viewNameKey(name))
  return row ? toSavedView(row) : null
}

function mustGet(db: Db, name: string): SavedView {
  const view = getView(db, name)
  if (!view) throw new ViewError(`view "${name}" could not be read back`)
  return view
}

/** Creates the view, or replaces the one with the same name (its creation time and id stay). */
export function saveView(db: Db, spec: SavedViewSpec, options: { createOnly?: boolean } = {}): SavedView {
  const view = checkViewSpec(spec)
  if (options.createOnly && exists(db, view.name)) {
    throw new ViewError(`a view named "${view.name}" already exists`)
  }
  const now = Date.now()
  db.prepare(
    `INSERT INTO saved_views (name, name_key, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name_key) DO UPDATE
       SET name = excluded.name, spec = excluded.spec, updated_at = excluded.updated_at`,
  ).run(view.name, viewNameKey(view.name), storedSpec(view), now, now)
  return mustGet(db, view.name)
}

/** Renames a view; changing only the case of its name is allowed. Null when it does not exist. */
export function renameView(db: Db, name: string, newName: string): SavedView | null {
  const row = rowByKey(db, viewNameKey(name))
  if (!row) return null
  const clean = cleanViewName(newName)
  const key = viewNameKey(clean)
  const other = rowByKey(db, key)
  if (other && other.id !== row.id) throw new ViewError(`a view named "${other.name}" already exists`)
  db.prepare(`UPDATE saved_views SET name = ?, name_key = ?, updated_at = ? WHERE id = ?`)
    .run(clean, key, Date.now(), row.id)
  return mustGet(db, clean)
}

/**
 * Copies a view under `newName`, or under the first free "name (copy)", "name (copy 2)", …
 * Null when the view does not exist.
 */
export function duplicateView(db: Db, name: string, newName?: string): SavedView | null {
  const original = getView(db, name)
  if (!original) return null
  const target = newName ?? copyName(original.name, (candidate) => exists(db, candidate))
  const { id: _id, createdAt: _c, updatedAt: _u, lastUsedAt: _l, ...spec } = original
  return saveView(db, { ...spec, name: target }, { createOnly: true })
}

export function deleteView(db: Db, name: string): boolean {
  return db.prepare(`DELETE FROM saved_views WHERE name_key = ?`).run(viewNameKey(name)).changes > 0
}

/**
 * Records that the view was just applied. Times only move forward, so of two views marked in the
 * same millisecond the later call still wins. Null when the view does not exist.
 */
export function markViewUsed(db: Db, name: string, now = Date.now()): SavedView | null {
  const changes = db
    .prepare(
      `UPDATE saved_views
       SET last_used_at = max(?, coalesce((SELECT max(last_used_at) FROM saved_views), 0) + 1)
       WHERE name_key = ?`,
    )
    .run(now, viewNameKey(name)).changes
  return changes > 0 ? getView(db, name) : null
}

/** The view applied most recently (what the app reopens at start), or null. */
export function getLastUsedView(db: Db): SavedView | null {
  const rows = db
    .prepare(`${SELECT} WHERE last_used_at IS NOT NULL ORDER BY last_used_at DESC, id DESC LIMIT 5`)
    .all() as ViewRow[]
  for (const row of rows) {
    const view = toSavedView(row)
    if (view) return view
  }
  return null
}
