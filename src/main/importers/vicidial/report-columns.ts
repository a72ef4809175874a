// The header of the admin "API Log Report" CSV download (AST_API_log_report.php, FORMATS.md §1.4):
// 13 fixed columns, then with "show URLs" one column per configured URL variable, REMOTE IP and
// FULL URL STRING. Labels pass through the translation function, so columns are placed by position.
import type { ApiLogColumn } from './api-log-row'

/** The 13 fixed columns in report order. */
export const REPORT_COLUMNS: readonly ApiLogColumn[] = [
  'api_date', 'user', 'api_script', 'function', 'agent_user', 'value', 'result', 'result_reason', 'source',
  'data', 'run_time', 'webserver', 'api_url',
]

export interface ReportHeader {
  labels: string[]
  /** table column per report column; null for URL-variable columns (kept in raw only) */
  columns: Array<ApiLogColumn | null>
  /**
   * The column that takes surplus `","` separators. VICIdial strips double quotes from DATA and from
   * the logged URL, so a literal `","` can only come from a caller-supplied value: VALUE.
   */
  freeText: number
}

/**
 * Columns of a header row by position (translation changes the labels, never the order); null when the
 * row is too short to be the report header.
 */
export function readReportHeader(labels: string[]): ReportHeader | null {
  const fixed = REPORT_COLUMNS.length
  if (labels.length < fixed) return null
  const hasUrls = labels.length >= fixed + 2
  const columns: Array<ApiLogColumn | null> = labels.map((_, i) => {
    if (i < fixed) return REPORT_COLUMNS[i]
    if (hasUrls && i === labels.length - 2) return 'remote_ip'
    if (hasUrls && i === labels.length - 1) return 'url'
    return null
  })
  return { labels, columns, freeText: columns.indexOf('value') }
}

/** True for the first cell of a report row: the API date "YYYY-MM-DD HH:MM:SS". */
export const ROW_START_RE = /^"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}","/
