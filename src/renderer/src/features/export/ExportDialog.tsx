// File ▸ Export: every entry of the current filtered set (in the grid's order) as CSV, NDJSON or HAR,
// credentials redacted. Shows how many rows the file gets and a redaction preview, then a progress bar
// with Cancel, then the download (browser) or the path it was saved to (desktop).
import { Fragment, useEffect, useId, useRef } from 'react'
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/export-types'
import type { EntryFilter, EntryRow, SortSpec, SourceInfo } from '../../../../shared/types'
import { Dialog } from '../../components/Dialog'
import { useAsync } from '../../hooks/use-async'
import { usePersistentState } from '../../hooks/use-persistent-state'
import { plural } from '../../lib/format'
import { oneOf } from '../../lib/storage'
import { useServices } from '../../services'
import { useSettings } from '../../settings'
import { summarizeFilter, type ValueFormatter } from '../filters/filter-model'
import { ExportDone, ExportRunning } from './ExportStatus'
import { RedactionPreview } from './RedactionPreview'
import { isDownloadPath, startDownload } from '../../lib/save-file'
import { useExportJob } from './use-export-job'
import { useRedactionSample } from './use-redaction-sample'

export interface ExportDialogProps {
  filter: EntryFilter
  sort?: SortSpec
  selected: EntryRow | null
  sources: readonly SourceInfo[]
  format: ValueFormatter
  onClose: () => void
}

const FORMAT_INFO: Record<ExportFormat, { label: string; hint: string; extension: string }> = {
  csv: { label: 'CSV', hint: 'Workato API-log columns, then API User, Agent User, Function, Result, Method, URL, Correlation ID', extension: 'csv' },
  ndjson: { label: 'NDJSON', hint: 'one JSON record per line: every field, headers and whole bodies', extension: 'ndjson' },
  har: { label: 'HAR 1.2', hint: 'opens in Chrome DevTools (Network ▸ Import HAR) and other HAR tools; bodies whole', extension: 'har' },
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean'

export function ExportDialog({ filter, sort, selected, sources, format, onClose }: ExportDialogProps) {
  const services = useServices()
  const { api } = services
  const { timeMode } = useSettings()
  const ids = useId()
  const [kind, setKind] = usePersistentState<ExportFormat>('inspector.export.format', 'csv', oneOf(...EXPORT_FORMATS))
  const [bom, setBom] = usePersistentState('inspector.export.bom', false, isBoolean)
  const count = useAsync(() => api.countEntries({ filter }).then((r) => r.count), JSON.stringify(filter))
  const sample = useRedactionSample(api, filter, selected, sources, sort)
  const { job, start, cancel } = useExportJob(services)
  const fileName = `apilog-export.${FORMAT_INFO[kind].extension}`
  const cannotSave = services.isDesktop && !services.chooseSavePath
  useDownloadWhenDone(job.phase === 'finished' ? job.result.downloadUrl : null)

  const begin = async () => {
    let path: string | undefined
    if (services.isDesktop && services.chooseSavePath) {
      const chosen = await services.chooseSavePath(fileName)
      if (!chosen) return
      path = chosen
    }
    await start({ filter, ...(sort ? { sort } : {}), format: kind, ...(kind === 'csv' && bom ? { bom: true } : {}), ...(path ? { path } : {}) })
  }
  const running = job.phase === 'running' || job.phase === 'starting'
  // the footer's buttons change with the phase: keep the focus in the dialog (Escape, Tab keep working)
  const footerButton = useRef<HTMLButtonElement>(null)
  const phaseGroup = running ? 'running' : job.phase
  useEffect(() => {
    if (phaseGroup === 'running' || phaseGroup === 'finished') footerButton.current?.focus()
  }, [phaseGroup])
  const close = () => {
    if (job.phase === 'running') void cancel()
    onClose()
  }
  const summary = summarizeFilter(filter, format, timeMode)
  const empty = count.value === 0
  return (
    <Dialog
      title="Export"
      onClose={close}
      className="dialog-export"
      footer={
        running ? (
          <button ref={footerButton} type="button" className="btn" onClick={() => void cancel()}>
            Cancel export
          </button>
        ) : job.phase === 'finished' ? (
          <button ref={footerButton} type="button" className="btn btn-primary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" form={`${ids}-form`} className="btn btn-primary" disabled={empty || count.value === undefined || cannotSave}>
              {count.value === undefined ? 'Export' : `Export ${plural(count.value, 'entry', 'entries')}`}
            </button>
          </>
        )
      }
    >
      {running ? (
        <ExportRunning job={job} />
      ) : job.phase === 'finished' ? (
        <ExportDone job={job} expected={count.value} />
      ) : (
        <form
          id={`${ids}-form`}
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault()
            void begin()
          }}
        >
          <p className="export-count" role="status" data-testid="export-count">
            {count.error
              ? `Could not count the entries: ${count.error.message}`
              : count.value === undefined
                ? 'Counting entries…'
                : empty
                  ? 'No entries match the current filters: there is nothing to export.'
                  : `${plural(count.value, 'entry', 'entries')} will be exported — every entry that matches, in the grid’s order, nothing cut.`}
          </p>
          <p className="muted small export-filter">{summary ? `Filters: ${summary}` : 'No filters: the whole store.'}</p>
          <fieldset className="form-fieldset">
            <legend>Format</legend>
            {EXPORT_FORMATS.map((f) => (
              <Fragment key={f}>
                <label className="radio-row radio-block">
                  <input type="radio" name={`${ids}-format`} value={f} checked={kind === f} onChange={() => setKind(f)} />
                  <span>
                    <strong>{FORMAT_INFO[f].label}</strong> <span className="muted">— {FORMAT_INFO[f].hint}</span>
                  </span>
                </label>
                {f === 'csv' && (
                  <label className={kind === 'csv' ? 'check-row nested' : 'check-row nested is-disabled'}>
                    <input type="checkbox" checked={bom} disabled={kind !== 'csv'} onChange={(e) => setBom(e.target.checked)} />
                    <span>Add a BOM for Excel (so it reads the file as UTF-8)</span>
                  </label>
                )}
              </Fragment>
            ))}
          </fieldset>
          <RedactionPreview sample={sample} />
          {job.phase === 'refused' && (
            <p className="error-text" role="alert">
              Could not start the export: {job.message}
            </p>
          )}
          {cannotSave && (
            <p className="warn-text" role="note">
              This desktop build cannot ask where to save an export yet. Use <code>apilog export</code> on the command
              line, or the browser mode (<code>apilog serve</code>).
            </p>
          )}
        </form>
      )}
    </Dialog>
  )
}

/** Starts the browser download once, when a browser-mode export finishes. */
function useDownloadWhenDone(url: string | null) {
  const started = useRef<string | null>(null)
  useEffect(() => {
    if (!url || started.current === url || !isDownloadPath(url)) return
    started.current = url
    // no name of our own: the host's Content-Disposition names the file (apilog-export-<time>.<ext>)
    startDownload(url)
  }, [url])
}
