// A progress bar per running import: file, bytes read, entries so far, speed, and Cancel.
import type { ImportProgress } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { VisibleText } from '../../components/VisibleText'
import { formatBytes, formatCount, formatPercent, plural } from '../../lib/format'
import { toVisibleText } from '../../lib/visible-text'
import type { Imports } from './use-imports'

export function ImportProgressPanel({ imports }: { imports: Imports }) {
  if (imports.running.length === 0 && imports.preparing.length === 0) return null
  return (
    <section className="import-progress" aria-label="Imports in progress">
      {imports.preparing.map((name, i) => (
        <div className="import-job" key={`prep-${name}-${i}`}>
          <span className="import-file">
            Uploading <VisibleText text={name} />…
          </span>
          <div className="progress-track indeterminate" role="progressbar" aria-label={`Uploading ${toVisibleText(name)}`}>
            <div className="progress-fill" />
          </div>
        </div>
      ))}
      {imports.running.map((job) => (
        <JobRow key={job.jobId} jobId={job.jobId} progress={job.progress} onCancel={() => void imports.cancel(job.jobId)} />
      ))}
    </section>
  )
}

function JobRow({ jobId, progress, onCancel }: { jobId: string; progress: ImportProgress | null; onCancel: () => void }) {
  const name = progress?.file ?? 'Starting import'
  const percent = progress && progress.bytesTotal > 0 ? Math.min(100, (progress.bytesRead / progress.bytesTotal) * 100) : 0
  const phase = progress?.phase === 'indexing' ? 'Indexing' : 'Importing'
  return (
    <div className="import-job" data-job={jobId}>
      <span className="import-file">
        {phase} <strong><VisibleText text={name} /></strong>
        {progress && progress.fileCount > 1 && (
          <span className="muted"> ({progress.fileIndex + 1} of {progress.fileCount})</span>
        )}
      </span>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={`Import progress for ${toVisibleText(name)}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.floor(percent)}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="import-stats">
        {progress ? (
          <>
            {formatPercent(progress.bytesRead, progress.bytesTotal)} of {formatBytes(progress.bytesTotal)} ·{' '}
            {plural(progress.entries, 'entry', 'entries')}
            {progress.errors > 0 && <span className="error-text"> · {plural(progress.errors, 'error')}</span>} ·{' '}
            {formatCount(progress.entriesPerSecond)} entries/s
          </>
        ) : (
          'waiting…'
        )}
      </span>
      <button type="button" className="btn btn-small" onClick={onCancel} aria-label={`Cancel import of ${toVisibleText(name)}`}>
        <Icon name="close" size={13} />
        Cancel
      </button>
    </div>
  )
}
