// Save the triage as a Markdown or standalone HTML report (credentials redacted by the backend).
import { useState } from 'react'
import type { TriageReportFormat, TriageRequest } from '../../../../shared/triage-types'
import { Icon } from '../../components/Icon'
import { useNotify } from '../../components/Notices'
import { useApi } from '../../services'
import { saveTextFile } from '../../lib/save-file'

const TYPES: Record<TriageReportFormat, string> = {
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
}

export function ReportButtons({ request }: { request: TriageRequest }) {
  const api = useApi()
  const notify = useNotify()
  const [busy, setBusy] = useState<TriageReportFormat | null>(null)
  const save = async (format: TriageReportFormat) => {
    setBusy(format)
    try {
      const report = await api.renderTriageReport({ request, format })
      saveTextFile(report.fileName, report.content, TYPES[format])
      notify('info', `Report saved as ${report.fileName}`)
    } catch (error) {
      notify('error', `Could not make the report: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setBusy(null)
    }
  }
  return (
    <div className="report-buttons" role="group" aria-label="Triage report">
      <button type="button" className="btn" disabled={busy !== null} onClick={() => void save('md')}>
        <Icon name="file" size={14} />
        {busy === 'md' ? 'Saving…' : 'Save report as Markdown'}
      </button>
      <button type="button" className="btn" disabled={busy !== null} onClick={() => void save('html')}>
        <Icon name="file" size={14} />
        {busy === 'html' ? 'Saving…' : 'Save report as HTML'}
      </button>
    </div>
  )
}
