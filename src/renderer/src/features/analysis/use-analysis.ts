// Which analyst tool is open (the saved-views sidebar; the export, compare or tenants dialog), and
// File ▸ Export… from the desktop menu. The export dialog gets the grid's sort and selected row as they
// were when it opened.
import { useCallback, useEffect, useState } from 'react'
import type { Subscribe } from '../../../../shared/api'
import type { EntryRow, SortSpec } from '../../../../shared/types'
import { usePersistentState } from '../../hooks/use-persistent-state'
import { readGridLayout } from '../views/grid-layout'
import type { WorkspaceHandle } from '../workspace/Workspace'

export type AnalysisDialog =
  | { kind: 'export'; sort: SortSpec | undefined; selected: EntryRow | null }
  | { kind: 'compare' }
  | { kind: 'tenants' }

export interface Analysis {
  dialog: AnalysisDialog | null
  viewsOpen: boolean
  toggleViews(): void
  closeViews(): void
  openExport(): void
  openCompare(): void
  openTenants(): void
  close(): void
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean'

/** The grid's sort and the selected row (if it is loaded in the grid, so part of the filtered set). */
export function snapshotGrid(handle: WorkspaceHandle | null): { sort: SortSpec | undefined; selected: EntryRow | null } {
  const grid = handle?.grid && !handle.grid.isDestroyed() ? handle.grid : null
  const id = handle?.selectedId ?? null
  const selected = grid && id !== null ? (grid.getRowNode(String(id))?.data ?? null) : null
  return { sort: grid ? (readGridLayout(grid).sort ?? undefined) : undefined, selected }
}

export function useAnalysis(on: Subscribe, workspace: React.RefObject<WorkspaceHandle | null>): Analysis {
  const [dialog, setDialog] = useState<AnalysisDialog | null>(null)
  const [viewsOpen, setViewsOpen] = usePersistentState('inspector.views.open', false, isBoolean)
  const openExport = useCallback(() => setDialog({ kind: 'export', ...snapshotGrid(workspace.current) }), [workspace])
  // with nothing loaded the dialog says there is nothing to export
  useEffect(() => on('menuCommand', ({ command }) => command === 'export' && openExport()), [on, openExport])
  return {
    dialog,
    viewsOpen,
    toggleViews: () => setViewsOpen(!viewsOpen),
    closeViews: () => setViewsOpen(false),
    openExport,
    openCompare: () => setDialog({ kind: 'compare' }),
    openTenants: () => setDialog({ kind: 'tenants' }),
    close: () => setDialog(null),
  }
}
