// The imported files ("sources"): what each one is, and removing one (after confirmation).
import { useState } from 'react'
import type { SourceInfo } from '../../../../shared/types'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Dialog } from '../../components/Dialog'
import { Icon } from '../../components/Icon'
import { VisibleText } from '../../components/VisibleText'
import { formatBytes, formatCount, plural } from '../../lib/format'
import { formatDateTime, formatSpan } from '../../lib/time-format'
import { toVisibleText } from '../../lib/visible-text'
import { useSettings } from '../../settings'

export interface SourcesDialogProps {
  sources: readonly SourceInfo[]
  onClose: () => void
  onRemove: (source: SourceInfo) => Promise<void>
  onShowOnly: (source: SourceInfo) => void
  onImport: () => void
}

export function SourcesDialog({ sources, onClose, onRemove, onShowOnly, onImport }: SourcesDialogProps) {
  const [confirm, setConfirm] = useState<SourceInfo | null>(null)
  return (
    <>
      <Dialog
        title="Sources"
        onClose={onClose}
        className="dialog-wide"
        footer={
          <>
            <span className="muted small">{plural(sources.length, 'source')} in the store</span>
            <span className="spacer" />
            <button type="button" className="btn" onClick={onImport}>
              <Icon name="upload" size={14} />
              Import…
            </button>
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </>
        }
      >
        {sources.length === 0 ? (
          <p className="muted">No sources yet. Import a log file to start.</p>
        ) : (
          <SourcesTable sources={sources} onAskRemove={setConfirm} onShowOnly={onShowOnly} />
        )}
      </Dialog>
      {confirm && (
        <ConfirmDialog
          title="Remove source?"
          message={`Remove “${toVisibleText(confirm.name)}” and its ${plural(confirm.entryCount, 'entry', 'entries')} from the store? The file itself is not touched; you can import it again.`}
          confirmLabel="Remove"
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const source = confirm
            setConfirm(null)
            void onRemove(source)
          }}
        />
      )}
    </>
  )
}

interface TableProps {
  sources: readonly SourceInfo[]
  onAskRemove: (source: SourceInfo) => void
  onShowOnly: (source: SourceInfo) => void
}

function SourcesTable({ sources, onAskRemove, onShowOnly }: TableProps) {
  const { timeMode } = useSettings()
  return (
    <table className="sources-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Format</th>
          <th scope="col" className="num">Entries</th>
          <th scope="col">Time span</th>
          <th scope="col">Imported at</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.id}>
            <th scope="row" className="source-name">
              <VisibleText text={s.name} />
              <div className="muted small">
                {formatBytes(s.size)}
                {s.errorCount > 0 && <span className="error-text"> · {plural(s.errorCount, 'error')}</span>}
                {s.skippedCount > 0 && <> · {formatCount(s.skippedCount)} skipped</>}
                {s.timeZone !== 'UTC' && <> · times read as {s.timeZone}</>}
                {s.secretsKept && <span className="warn-text"> · credentials kept</span>}
              </div>
            </th>
            <td>
              <span className="format-tag">{s.format}</span>
            </td>
            <td className="num">{formatCount(s.entryCount)}</td>
            <td>
              {s.firstTs ? (
                <>
                  {formatDateTime(s.firstTs, timeMode)}
                  <div className="muted small">
                    to {s.lastTs ? formatDateTime(s.lastTs, timeMode) : '?'} ({formatSpan(s.firstTs, s.lastTs) || '0 s'})
                  </div>
                </>
              ) : (
                <span className="muted">no timestamps</span>
              )}
            </td>
            <td>{formatDateTime(s.importedAt, timeMode)}</td>
            <td className="row-actions">
              <button type="button" className="btn btn-small btn-ghost" onClick={() => onShowOnly(s)}>
                Show only
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost btn-danger-text"
                aria-label={`Remove ${toVisibleText(s.name)}`}
                onClick={() => onAskRemove(s)}
              >
                <Icon name="trash" size={14} />
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
