// The export under way (a progress bar with Cancel) and its outcome: the download, or the path it was
// saved to, what the file leaves out (notes), or why it stopped.
import { Icon } from '../../components/Icon'
import { VisibleText } from '../../components/VisibleText'
import { formatCount, formatPercent, plural } from '../../lib/format'
import { isDownloadPath } from '../../lib/save-file'
import type { ExportJob } from './use-export-job'

export function ExportRunning({ job }: { job: Extract<ExportJob, { phase: 'running' | 'starting' }> }) {
  const rows = job.phase === 'running' ? job.rows : 0
  const total = job.phase === 'running' ? job.total : null
  const percent = total ? Math.min(100, (rows / total) * 100) : 0
  return (
    <div className="export-running">
      <p>
        {job.phase === 'starting'
          ? 'Starting the export…'
          : job.cancelling
            ? 'Cancelling…'
            : `Writing ${formatCount(rows)}${total !== null ? ` of ${formatCount(total)}` : ''} entries…`}
      </p>
      <div
        className={total === null ? 'progress-track indeterminate' : 'progress-track'}
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={total === null ? undefined : Math.floor(percent)}
        aria-valuetext={total === null ? undefined : `${formatCount(rows)} of ${formatCount(total)} entries`}
      >
        <div className="progress-fill" style={total === null ? undefined : { width: `${percent}%` }} />
      </div>
      {total !== null && <p className="muted small">{formatPercent(rows, total)}</p>}
    </div>
  )
}

export interface ExportDoneProps {
  job: Extract<ExportJob, { phase: 'finished' }>
  /** rows the export was expected to hold (the count shown before it started) */
  expected: number | undefined
}

export function ExportDone({ job, expected }: ExportDoneProps) {
  const { result } = job
  if (result.failure !== null) {
    return (
      <div className="export-outcome is-failed" role="alert">
        <Icon name="alert" className="warn-icon" />
        <p>
          <VisibleText text={capitalise(result.failure)} />
        </p>
      </div>
    )
  }
  const short = expected !== undefined && result.rows !== expected
  return (
    <div className="export-outcome" role="status">
      <Icon name="check" className="ok-icon" />
      <div>
        <p className="export-headline" data-testid="export-result">
          Exported {plural(result.rows, 'entry', 'entries')}
          {result.path ? ' to ' : result.downloadUrl ? ': the download has started.' : '.'}
          {result.path && <code className="export-path"><VisibleText text={result.path} /></code>}
        </p>
        {result.downloadUrl && isDownloadPath(result.downloadUrl) && (
          <p className="muted">
            Nothing happened?{' '}
            <a href={result.downloadUrl} download="">
              Download the file again
            </a>
          </p>
        )}
        {short && (
          <p className="warn-text">
            {formatCount(expected)} entries matched when the export was opened; the store changed meanwhile.
          </p>
        )}
        {result.notes.length > 0 && (
          <div className="export-notes">
            <p>Noted in the file:</p>
            <ul>
              {result.notes.map((note, i) => (
                <li key={i}>
                  <VisibleText text={note} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  )
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
