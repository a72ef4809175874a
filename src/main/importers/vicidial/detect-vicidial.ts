// Recognises the four VICIdial API-log shapes from the head of a file.
import type { Detection } from '../types'
import { DELIMITERS } from '../csv/dialect'
import { REPORT_COLUMNS, ROW_START_RE } from './report-columns'
import { splitQuotedLine } from './report-parser'
import { readTableHeader } from './table-export'

export type VicidialVariant =
  /** the API Log Report download with its quote-wrapped cells */
  | 'report'
  /** the same report re-saved by a spreadsheet (RFC 4180 quoting) */
  | 'report-rfc'
  | 'sql'
  | 'table-tsv'
  | 'table-csv'

const TITLE_RE = /^"?API ACCESS LOG REPORT"?\s*$/i
/** `"API DATE RANGE:","2024-03-12 00:00:00 to 2024-03-12 23:59:59"` (the label may be translated) */
const DATE_RANGE_RE = /^"[^"]*:","\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} to \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"\s*$/
const SQL_RE =
  /(?:(?:INSERT|REPLACE)\s+(?:IGNORE\s+)?INTO|CREATE\s+TABLE(?:\s+IF\s+NOT\s+EXISTS)?)\s+(?:[`"]?\w+[`"]?\.)?[`"]?vicidial_api_log(?:_archive)?\b/i
const HEADER_WORDS_RE = /API DATE.{0,6}USER.{0,6}API SCRIPT.{0,6}FUNCTION/i

function headLines(head: string, count: number): string[] {
  return head.split(/\r?\n|\r/, count + 1).slice(0, count)
}

/** Cells of a line split as the report writes it, or by the best RFC delimiter when re-saved. */
function reportHeaderKind(line: string): 'report' | 'report-rfc' | null {
  const quoted = splitQuotedLine(line.trim())
  if (quoted && quoted.length >= REPORT_COLUMNS.length) return 'report'
  if (!HEADER_WORDS_RE.test(line)) return null
  return DELIMITERS.some((d) => line.split(d).length >= REPORT_COLUMNS.length) ? 'report-rfc' : null
}

/** A data row of the report: API date first, and agent/non-agent or SUCCESS/ERROR/NOTICE in place. */
function looksLikeReportRow(line: string): boolean {
  if (!ROW_START_RE.test(line)) return false
  const cells = splitQuotedLine(line.trim()) ?? []
  return /^(?:non-)?agent$/i.test(cells[2] ?? '') || /^(?:SUCCESS|ERROR|NOTICE)$/i.test(cells[6] ?? '')
}

export function classifyVicidial(head: string): VicidialVariant | null {
  const lines = headLines(head, 40)
  const first = lines.find((l) => l.trim() !== '') ?? ''
  const isReport = TITLE_RE.test(first.trim()) || lines.slice(0, 3).some((l) => DATE_RANGE_RE.test(l))
  for (let i = 0; i < lines.length; i++) {
    const kind = reportHeaderKind(lines[i])
    if (!kind) continue
    const shaped = kind === 'report' && looksLikeReportRow(lines[i + 1] ?? '')
    if (isReport || HEADER_WORDS_RE.test(lines[i]) || shaped) return kind
  }
  if (isReport) return 'report'
  if (SQL_RE.test(head)) return 'sql'
  const tabCells = first.split('\t')
  if (tabCells.length > 1 && readTableHeader(tabCells)) return 'table-tsv'
  for (const d of [',', ';', '|']) if (readTableHeader(first.split(d))) return 'table-csv'
  return null
}

export function detectVicidial(head: string): Detection {
  return classifyVicidial(head)
    ? { kind: 'match', confidence: 0.98 }
    : { kind: 'no-match', reason: 'no API Log Report header, vicidial_api_log INSERT or vicidial_api_log column header' }
}
