// The saved-view methods of InspectorApi over one store, plus the two composite operations the
// CLI shares with them (apply a view, import a view file).
import type { InspectorApi } from '../../shared/api'
import type { AppliedView, SavedView } from '../../shared/view-types'
import type { Db } from '../store/db'
import { resolveViewFilter, storeSpan } from './resolve-view'
import { ViewError } from './view-error'
import { exportViewFile, parseViewFile } from './view-file'
import * as repo from './views-repo'

export type ViewMethods =
  | 'listViews'
  | 'saveView'
  | 'renameView'
  | 'duplicateView'
  | 'deleteView'
  | 'markViewUsed'
  | 'getLastUsedView'
  | 'applyView'
  | 'exportView'
  | 'importView'

/**
 * The view as a concrete filter for this store, limited to `sourceIds` when given (relative
 * ranges then count back from those sources' newest entry). Null when there is no such view.
 */
export function applyView(db: Db, name: string, sourceIds?: number[], markUsed = true): AppliedView | null {
  const view = markUsed ? repo.markViewUsed(db, name) : repo.getView(db, name)
  if (!view) return null
  const scoped = sourceIds && sourceIds.length > 0 ? sourceIds : undefined
  const filter = resolveViewFilter(view, storeSpan(db, scoped))
  if (scoped) filter.sourceId = [...scoped]
  return { view, filter }
}

/** Reads a view file and saves it; refuses a name already taken unless `overwrite`. */
export function importView(db: Db, content: string, overwrite = false): SavedView {
  const spec = parseViewFile(content)
  if (!overwrite && repo.getView(db, spec.name)) {
    throw new ViewError(`a view named "${spec.name}" already exists (import with overwrite to replace it)`)
  }
  return repo.saveView(db, spec)
}

export function createViewsApi(
  db: Db,
  notFound: (message: string) => Error,
): Pick<InspectorApi, ViewMethods> {
  const found = <T>(value: T | null | false, name: string): T => {
    if (value === null || value === false) throw notFound(`no view named "${name}"`)
    return value
  }
  return {
    async listViews() {
      return repo.listViews(db)
    },
    async saveView({ view, createOnly }) {
      return repo.saveView(db, view, { createOnly })
    },
    async renameView({ name, newName }) {
      return found(repo.renameView(db, name, newName), name)
    },
    async duplicateView({ name, newName }) {
      return found(repo.duplicateView(db, name, newName), name)
    },
    async deleteView({ name }) {
      found(repo.deleteView(db, name), name)
    },
    async markViewUsed({ name }) {
      return found(repo.markViewUsed(db, name), name)
    },
    async getLastUsedView() {
      return repo.getLastUsedView(db)
    },
    async applyView({ name, sourceIds }) {
      return found(applyView(db, name, sourceIds), name)
    },
    async exportView({ name }) {
      return exportViewFile(found(repo.getView(db, name), name))
    },
    async importView({ content, overwrite }) {
      return importView(db, content, overwrite)
    },
  }
}
