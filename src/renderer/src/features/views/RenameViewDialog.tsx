// Renaming a saved view: the new name is checked as the user types (empty, too long, taken).
import { useId, useState } from 'react'
import { VIEW_LIMITS, type SavedView } from '../../../../shared/view-types'
import { Dialog } from '../../components/Dialog'
import { findView, viewNameProblem } from './view-model'

export interface RenameViewDialogProps {
  view: SavedView
  views: readonly SavedView[]
  /** resolves to true when renamed (the dialog then closes) */
  onRename: (newName: string) => Promise<boolean>
  onClose: () => void
}

export function RenameViewDialog({ view, views, onRename, onClose }: RenameViewDialogProps) {
  const ids = useId()
  const [name, setName] = useState(view.name)
  const [busy, setBusy] = useState(false)
  const other = findView(views, name)
  const problem =
    viewNameProblem(name) ?? (other && other.id !== view.id ? `A view named “${other.name}” already exists.` : null)
  const submit = async () => {
    if (problem || busy) return
    if (name.trim() === view.name) return onClose()
    setBusy(true)
    const done = await onRename(name.trim())
    setBusy(false)
    if (done) onClose()
  }
  return (
    <Dialog
      title={`Rename “${view.name}”`}
      onClose={onClose}
      className="dialog-small"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${ids}-form`} className="btn btn-primary" disabled={problem !== null || busy}>
            Rename
          </button>
        </>
      }
    >
      <form
        id={`${ids}-form`}
        className="view-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <label className="form-field">
          <span className="form-label">New name</span>
          <input
            type="text"
            value={name}
            maxLength={VIEW_LIMITS.nameChars + 20}
            aria-invalid={problem !== null}
            aria-describedby={`${ids}-note`}
            onChange={(e) => setName(e.target.value)}
            onFocus={(e) => e.target.select()}
            data-autofocus
          />
        </label>
        <p id={`${ids}-note`} className="form-note error-text">
          {problem ?? ''}
        </p>
      </form>
    </Dialog>
  )
}
