// `--view NAME` on commands that take filter options: the saved view's filter, narrowed further by
// any filter options given with it (an entry must match the view AND the options).
import type { EntryFilter, SortSpec } from '../../shared/types'
import type { Db } from '../store/db'
import { narrowFilter } from '../views/narrow-filter'
import { applyView } from '../views/views-api'
import { UsageError } from './errors'

export const VIEW_OPTION_HELP =
  'start from this saved view (see apilog views list); filter options given too narrow it further: ' +
  'an entry must match the view and them. With --source, a relative time range counts back from ' +
  'that source\'s newest entry'

export interface CliView {
  /** null when no entry can match both the view and the options */
  filter: EntryFilter | null
  /** the view's sort, for commands that list rows (an explicit --sort wins) */
  sort: SortSpec | undefined
}

/**
 * The filter to run: `explicit` alone without a view, else the view's filter narrowed by it (null
 * when no entry can match both, say the view wants result error and the options success). The CLI
 * does not mark the view used: reopening the last used view is the desktop app's business.
 */
export function withView(db: Db, viewName: string | undefined, explicit: EntryFilter): CliView {
  if (viewName === undefined) return { filter: explicit, sort: undefined }
  const applied = applyView(db, viewName, explicit.sourceId, false)
  if (!applied) throw new UsageError(`no view named "${viewName}" (see apilog views list)`)
  return { filter: narrowFilter(applied.filter, explicit), sort: applied.view.sort ?? undefined }
}

export function filterWithView(
  db: Db,
  viewName: string | undefined,
  explicit: EntryFilter,
): EntryFilter | null {
  return withView(db, viewName, explicit).filter
}
