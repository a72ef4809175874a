// What an import did, per file: imported, skipped, errors (with positions), or why it was refused.
import type { ImportFileResult, ImportSummary } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { VisibleText } from '../../components/VisibleText'
import { formatDuration } from '../../lib/time-format'
import { toVisibleText } from '../../lib/visible-text'
import { formatCount, plural } from '../../lib/format'
import { positionLabel } from '../../lib/position'

export interface ImportSummaryPanelProps {
  summaries: ImportSummary[]
  onDismiss: (jobId: string) => void
  onShowSource: (sourceId: number) => void
}

export function ImportSummaryPanel({ summaries, onDismiss, onShowSource }: ImportSummaryPanelProps) {
  if (summaries.length === 0) return null
  return (
    <div className="summary-stack">
      {summaries.map((summary) => (
        <section key={summary.jobId} className="import-summary" role="region" aria-label="Import summary">
          <header className="summary-header">
            <h2>{headline(summary)}</h2>
            <button type="button" className="btn btn-ghost btn-icon" aria-label="Dismiss import summary" onClick={() => onDismiss(summary.jobId)}>
              <Icon name="close" />
            </button>
          </header>
          <ul className="summary-files">
            {summary.files.map((file, i) => (
              <FileResult key={`${file.file}-${i}`} file={file} onShowSource={onShowSource} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

function headline(summary: ImportSummary): string {
  if (summary.cancelled) return 'Import cancelled'
  const failed = summary.files.filter((f) => f.failure !== null).length
  const imported = summary.files.reduce((n, f) => n + f.imported, 0)
  if (failed === summary.files.length) return summary.files.length === 1 ? 'File not imported' : 'No file imported'
  return `Imported ${plural(imported, 'entry', 'entries')}${failed > 0 ? ` — ${failed} of ${summary.files.length} files refused` : ''}`
}

function FileResult({ file, onShowSource }: { file: ImportFileResult; onShowSource: (id: number) => void }) {
  const ok = file.failure === null
  return (
    <li className={ok ? 'summary-file' : 'summary-file is-failed'}>
      <div className="summary-file-head">
        <Icon name={ok ? (file.errorCount > 0 ? 'alert' : 'check') : 'alert'} className={ok && file.errorCount === 0 ? 'ok-icon' : 'warn-icon'} />
        <strong className="summary-file-name">
          <VisibleText text={file.file} />
        </strong>
        {file.format && <span className="format-tag">{file.format}</span>}
        {ok && file.sourceId !== null && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => onShowSource(file.sourceId as number)}>
            Show only this file
          </button>
        )}
      </div>
      {file.failure !== null ? (
        <p className="summary-failure" role="alert">
          <VisibleText text={file.failure} multiline />
        </p>
      ) : (
        <p className="summary-counts">
          {formatCount(file.imported)} imported · {formatCount(file.skipped)} skipped ·{' '}
          <span className={file.errorCount > 0 ? 'error-text' : undefined}>{plural(file.errorCount, 'error')}</span>
          <span className="muted"> · {formatDuration(file.durationMs)}</span>
        </p>
      )}
      {file.errors.length > 0 && (
        <details className="summary-errors">
          <summary>
            {file.errorCount > file.errors.length ? `First ${file.errors.length} of ${formatCount(file.errorCount)} errors` : `Show ${plural(file.errors.length, 'error')}`}
          </summary>
          <ol aria-label={`Errors in ${toVisibleText(file.file)}`}>
            {file.errors.slice(0, 100).map((error, i) => (
              <li key={i}>
                <span className="error-position">{error.position > 0 ? positionLabel(file.format, error.position) : 'file'}</span>
                <VisibleText text={error.message} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  )
}
