// Saved views as the UI sees them: the list, the view applied last (and whether the filters changed
// since), every action on a view, and bringing back the last used view when the app starts.
import type { GridApi } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { InspectorApi } from '../../../../shared/api'
import type { EntryFilter, EntryRow } from '../../../../shared/types'
import type { SavedView, SavedViewSpec } from '../../../../shared/view-types'
import { readStored, removeStored, writeStored } from '../../lib/storage'
import { saveTextFile } from '../../lib/save-file'
import { applyGridLayout } from './grid-layout'
import { findView } from './view-model'

/** A view the user cleared after it came back at start: not brought back again until used again. */
export const DISMISSED_RESTORE_KEY = 'inspector.views.dismissedRestore'

export interface ActiveView {
  name: string
  lastUsedAt: string | null
  /** the filter the view resolved to; the view counts as changed once the filter differs */
  filterKey: string
  /** brought back at start rather than applied by the user */
  restored: boolean
}

export interface ViewsDeps {
  api: InspectorApi
  notify: (kind: 'error' | 'info', text: string) => void
  filter: EntryFilter
  setFilter: (filter: EntryFilter) => void
  grid: () => GridApi<EntryRow> | null
  /** undefined until the store info is known; then whether the store has sources */
  hasSources: boolean | undefined
}

export interface ImportConflict {
  name: string
  content: string
  fileName: string
}

export interface SavedViews {
  views: SavedView[] | undefined
  active: ActiveView | null
  isChanged: boolean
  /** the last failed import or action, shown in the sidebar until dismissed */
  problem: string | null
  dismissProblem(): void
  apply(name: string): Promise<void>
  save(spec: SavedViewSpec): Promise<boolean>
  rename(name: string, newName: string): Promise<boolean>
  duplicate(name: string): Promise<void>
  remove(name: string): Promise<void>
  exportFile(name: string): Promise<void>
  /** resolves to a conflict when a view of that name exists (call importContent with overwrite then) */
  importFile(file: File): Promise<ImportConflict | null>
  importContent(content: string, fileName: string, overwrite: boolean): Promise<void>
  /** removes the applied view's filters and does not bring it back at the next start */
  clear(): void
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))
const isDismissal = (v: unknown): v is { name: string; lastUsedAt: string | null } =>
  typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string'

/** A picked file's text (FileReader: Blob.text is missing in some embedders). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result ?? ''))
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'))
    reader.readAsText(file)
  })
}

/** The name inside a view file, read only to ask before replacing a view (the backend validates). */
function nameInFile(content: string): string | null {
  try {
    const name = (JSON.parse(content.replace(/^\ufeff/, '')) as { view?: { name?: unknown } })?.view?.name
    return typeof name === 'string' ? name : null
  } catch {
    return null
  }
}

export function useSavedViews(deps: ViewsDeps): SavedViews {
  const { api, hasSources } = deps
  const [views, setViews] = useState<SavedView[] | undefined>(undefined)
  const [active, setActive] = useState<ActiveView | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const live = useRef(deps)
  useEffect(() => {
    live.current = deps
  })

  // bumping `version` reloads the list
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  useEffect(() => {
    let current = true
    api.listViews().then(
      (list) => current && setViews(list),
      (error: unknown) => current && live.current.notify('error', `Could not list saved views: ${message(error)}`),
    )
    return () => {
      current = false
    }
  }, [api, version])

  const applyNamed = useCallback(
    async (name: string, restored: boolean) => {
      const { filter, setFilter, grid } = live.current
      const applied = await api.applyView({ name, ...(filter.sourceId?.length ? { sourceIds: filter.sourceId } : {}) })
      setFilter(applied.filter)
      applyGridLayout(grid(), { columns: applied.view.columns, sort: applied.view.sort })
      const { view } = applied
      setActive({ name: view.name, lastUsedAt: view.lastUsedAt, filterKey: JSON.stringify(applied.filter), restored })
      reload()
    },
    [api, reload],
  )

  useRestoreLastView(api, hasSources, applyNamed, (error) =>
    live.current.notify('error', `Could not reopen the last used view: ${message(error)}`),
  )

  const attempt = useCallback(async (action: () => Promise<unknown>, failure: string): Promise<boolean> => {
    try {
      await action()
      return true
    } catch (error) {
      live.current.notify('error', `${failure}: ${message(error)}`)
      return false
    } finally {
      reload()
    }
  }, [reload])

  /** Imports a view file; throws the backend's reason when it is refused. */
  const importOnce = useCallback(
    async (content: string, overwrite = false) => {
      const view = await api.importView({ content, overwrite })
      setProblem(null)
      live.current.notify('info', `Imported view “${view.name}”`)
      reload()
    },
    [api, reload],
  )
  const importContent = useCallback(
    (content: string, fileName: string, overwrite: boolean) =>
      importOnce(content, overwrite).catch((error: unknown) => setProblem(`Could not import ${fileName}: ${message(error)}`)),
    [importOnce],
  )

  return useMemo<SavedViews>(() => {
    const notify = (text: string) => live.current.notify('info', text)
    return {
      views,
      active,
      isChanged: active !== null && active.filterKey !== JSON.stringify(deps.filter),
      problem,
      dismissProblem: () => setProblem(null),
      apply: (name) => attempt(() => applyNamed(name, false), `Could not apply “${name}”`).then(() => undefined),
      save: (spec) => attempt(async () => notify(`Saved view “${(await api.saveView({ view: spec })).name}”`), 'Could not save the view'),
      rename: (name, newName) =>
        attempt(async () => {
          const view = await api.renameView({ name, newName })
          setActive((a) => (a && a.name === name ? { ...a, name: view.name } : a))
        }, `Could not rename “${name}”`),
      duplicate: (name) =>
        attempt(async () => notify(`Copied as “${(await api.duplicateView({ name })).name}”`), `Could not copy “${name}”`).then(
          () => undefined,
        ),
      remove: (name) =>
        attempt(async () => {
          await api.deleteView({ name })
          setActive((a) => (a && a.name.toLowerCase() === name.toLowerCase() ? null : a))
          notify(`Deleted view “${name}”`)
        }, `Could not delete “${name}”`).then(() => undefined),
      exportFile: (name) =>
        attempt(async () => {
          const file = await api.exportView({ name })
          saveTextFile(file.fileName, file.content, 'application/json')
        }, `Could not export “${name}”`).then(() => undefined),
      importFile: async (file) => {
        const content = await readText(file)
        try {
          await importOnce(content)
          return null
        } catch (error) {
          // the file is valid but its name is taken: ask before replacing (a bad file says why instead)
          const name = nameInFile(content)
          const taken = name !== null && views && findView(views, name) && /already exists/.test(message(error))
          if (taken) return { name, content, fileName: file.name }
          setProblem(`Could not import ${file.name}: ${message(error)}`)
          return null
        }
      },
      importContent,
      clear: () => {
        if (active) writeStored(DISMISSED_RESTORE_KEY, { name: active.name, lastUsedAt: active.lastUsedAt })
        setActive(null)
        live.current.setFilter({})
      },
    }
  }, [views, active, problem, deps.filter, api, attempt, applyNamed, importOnce, importContent])
}

/** Once, when the store info first arrives: applies the last used view if the store has sources. */
function useRestoreLastView(
  api: InspectorApi,
  hasSources: boolean | undefined,
  apply: (name: string, restored: boolean) => Promise<void>,
  onError: (error: unknown) => void,
) {
  const decided = useRef(false)
  const handlers = useRef({ apply, onError })
  useEffect(() => {
    handlers.current = { apply, onError }
  })
  useEffect(() => {
    if (hasSources === undefined || decided.current) return
    decided.current = true
    if (!hasSources) return
    void (async () => {
      try {
        const last = await api.getLastUsedView()
        if (!last) return
        const dismissed = readStored(DISMISSED_RESTORE_KEY, null, isDismissal)
        if (dismissed && dismissed.name === last.name && dismissed.lastUsedAt === last.lastUsedAt) return
        removeStored(DISMISSED_RESTORE_KEY)
        await handlers.current.apply(last.name, true)
      } catch (error) {
        handlers.current.onError(error)
      }
    })()
  }, [api, hasSources])
}
