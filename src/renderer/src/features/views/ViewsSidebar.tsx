// The saved-views sidebar: save the current filters, time range, search, columns and sort under a name;
// apply, rename, duplicate, delete, export a view to a file and import one.
import type { GridApi } from 'ag-grid-community'
import { useRef, useState } from 'react'
import type { EntryFilter, EntryRow } from '../../../../shared/types'
import { VIEW_FILE_EXTENSION, type SavedView } from '../../../../shared/view-types'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Icon } from '../../components/Icon'
import { toVisibleText } from '../../lib/visible-text'
import type { ValueFormatter } from '../filters/filter-model'
import { readGridLayout, type GridLayout } from './grid-layout'
import { RenameViewDialog } from './RenameViewDialog'
import { SaveViewDialog } from './SaveViewDialog'
import type { ImportConflict, SavedViews } from './use-saved-views'
import { ViewItem, type ViewAction } from './ViewItem'

export interface ViewsSidebarProps {
  views: SavedViews
  filter: EntryFilter
  format: ValueFormatter
  grid: () => GridApi<EntryRow> | null
  onClose: () => void
}

type Pending =
  | { kind: 'save'; layout: GridLayout }
  | { kind: 'rename'; view: SavedView }
  | { kind: 'delete'; view: SavedView }
  | { kind: 'replace'; conflict: ImportConflict }

export function ViewsSidebar({ views, filter, format, grid, onClose }: ViewsSidebarProps) {
  const [pending, setPending] = useState<Pending | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const list = views.views ?? []
  const stateOf = (view: SavedView) =>
    views.active?.name.toLowerCase() === view.name.toLowerCase() ? (views.isChanged ? 'changed' : 'applied') : null

  const onAction = (view: SavedView, action: ViewAction) => {
    if (action === 'rename' || action === 'delete') setPending({ kind: action, view })
    else if (action === 'duplicate') void views.duplicate(view.name)
    else void views.exportFile(view.name)
  }

  return (
    <aside className="views-sidebar" aria-label="Saved views">
      <header className="sidebar-header">
        <h2>Saved views</h2>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Close saved views" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="sidebar-actions">
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => setPending({ kind: 'save', layout: readGridLayout(grid()) })}
        >
          <Icon name="plus" size={13} />
          Save current view…
        </button>
        <button
          type="button"
          className="btn btn-small"
          title={`Import a view file (${VIEW_FILE_EXTENSION}) exported on this or another machine`}
          onClick={() => fileInput.current?.click()}
        >
          <Icon name="upload" size={13} />
          Import view…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept={`${VIEW_FILE_EXTENSION},.json,application/json`}
          aria-label="View file to import"
          data-testid="view-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void views.importFile(file).then((conflict) => conflict && setPending({ kind: 'replace', conflict }))
          }}
        />
      </div>
      {views.problem && (
        <div className="sidebar-problem" role="alert">
          <Icon name="alert" size={14} />
          <span>{views.problem}</span>
          <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label="Dismiss message" onClick={views.dismissProblem}>
            <Icon name="close" size={12} />
          </button>
        </div>
      )}
      {views.views === undefined ? (
        <p className="sidebar-empty muted">Loading…</p>
      ) : list.length === 0 ? (
        <p className="sidebar-empty muted">
          No saved views yet. Set the filters you come back to, then choose “Save current view…”.
        </p>
      ) : (
        <ul className="view-list" aria-label="Views">
          {list.map((view) => (
            <ViewItem
              key={view.id}
              view={view}
              format={format}
              state={stateOf(view)}
              onApply={() => void views.apply(view.name)}
              onAction={(action) => onAction(view, action)}
            />
          ))}
        </ul>
      )}
      <PendingDialog pending={pending} views={views} filter={filter} format={format} onDone={() => setPending(null)} />
    </aside>
  )
}

interface PendingDialogProps {
  pending: Pending | null
  views: SavedViews
  filter: EntryFilter
  format: ValueFormatter
  onDone: () => void
}

function PendingDialog({ pending, views, filter, format, onDone }: PendingDialogProps) {
  if (!pending) return null
  const list = views.views ?? []
  if (pending.kind === 'save') {
    return <SaveViewDialog filter={filter} layout={pending.layout} views={list} format={format} onSave={views.save} onClose={onDone} />
  }
  if (pending.kind === 'rename') {
    const { view } = pending
    return <RenameViewDialog view={view} views={list} onRename={(n) => views.rename(view.name, n)} onClose={onDone} />
  }
  if (pending.kind === 'delete') {
    const { name } = pending.view
    return (
      <ConfirmDialog
        title="Delete view?"
        message={`Delete the saved view “${name}”? Its filters are not applied anywhere else; a view exported to a file can be imported again.`}
        confirmLabel="Delete"
        danger
        onCancel={onDone}
        onConfirm={() => {
          onDone()
          void views.remove(name)
        }}
      />
    )
  }
  const { conflict } = pending
  return (
    <ConfirmDialog
      title="Replace view?"
      message={`A view named “${toVisibleText(conflict.name)}” already exists. Replace it with the one in ${toVisibleText(conflict.fileName)}?`}
      confirmLabel="Replace"
      onCancel={onDone}
      onConfirm={() => {
        onDone()
        void views.importContent(conflict.content, conflict.fileName, true)
      }}
    />
  )
}
