// renderTriageReport: runs a triage and renders it with its evidence entries as a file to share.
import type { TriageReport, TriageReportRequest, TriageResult } from '../../shared/triage-types'
import type { Db } from '../store/db'
import { renderTriageHtml } from './report-html'
import { renderTriageMarkdown } from './report-md'
import { loadEvidenceRows } from './report-rows'
import { runTriage } from './run-triage'

/** "triage-crmsync-20240501-1350.md": safe on every file system. */
export function reportFileName(result: TriageResult, format: 'md' | 'html'): string {
  const who = result.request.caller.value.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'caller'
  const when = result.window.from.slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
  return `triage-${who}-${when}.${format}`
}

export function renderTriageReport(db: Db, request: TriageReportRequest): TriageReport {
  const result = runTriage(db, request.request)
  const rows = loadEvidenceRows(db, result)
  const content = request.format === 'html' ? renderTriageHtml(result, rows) : renderTriageMarkdown(result, rows)
  return { fileName: reportFileName(result, request.format), content }
}
