// CSV export: the Workato API-log download columns, then ours. RFC 4180 (CRLF, quotes doubled), cells
// that a spreadsheet would run as a formula neutralised (csv-cell.ts); numeric columns stay numbers.
import type { EntryDetail } from '../../shared/types'
import { csvRow } from '../util/csv-cell'
import type { ExportFormatter } from './formatter'

type Cell = string | number | null

export interface CsvColumn {
  title: string
  value: (entry: EntryDetail) => Cell
}

const TYPES = { success: 'Success', error: 'Error', notice: 'Notice' } as const

/** Column order is part of the file format: Workato's download first (FORMATS.md §2), then ours. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { title: 'Date', value: (e) => e.ts },
  { title: 'Type', value: (e) => TYPES[e.result] },
  { title: 'Code', value: (e) => e.statusCode },
  { title: 'Status', value: (e) => e.statusText },
  { title: 'Gateway code', value: (e) => e.errorCode },
  { title: 'Status details', value: (e) => e.resultReason },
  { title: 'IP', value: (e) => e.clientIp },
  { title: 'Timing', value: (e) => e.durationMs },
  { title: 'Delay', value: (e) => e.delayMs },
  { title: 'API collection', value: (e) => e.service },
  { title: 'Endpoint', value: (e) => e.endpoint },
  { title: 'Client', value: (e) => e.apiUser },
  { title: 'Job details', value: (e) => e.correlationId },
  { title: 'API User', value: (e) => e.apiUser },
  { title: 'Agent User', value: (e) => e.agentUser },
  { title: 'Function', value: (e) => e.function },
  { title: 'Result', value: (e) => e.result },
  { title: 'Method', value: (e) => e.method },
  { title: 'URL', value: (e) => e.url },
  { title: 'Correlation ID', value: (e) => e.correlationId },
]

const BOM = '\uFEFF'

export function csvFormatter(options: { bom?: boolean }): ExportFormatter {
  return {
    begin: () => `${options.bom ? BOM : ''}${csvRow(CSV_COLUMNS.map((c) => c.title))}\r\n`,
    row: (entry) => `${csvRow(CSV_COLUMNS.map((c) => c.value(entry)))}\r\n`,
    // CSV has no place for notes; nothing is left out of a CSV row, so there are none to give
    end: () => '',
  }
}
