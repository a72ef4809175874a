// CSV/TSV logs with a header row: Workato API logs, Logixx API Audit Log, CloudTrail via Azure Log
// Analytics, Salesforce EventLogFile and any export whose column names the alias table knows.
// See csv/ for the reader, the dialect sniffing and the column mapping.
import { importCsv } from './csv/csv-import'
import { detectCsv } from './csv/detect-csv'
import type { Importer } from './types'

export const csvImporter: Importer = {
  id: 'csv',
  label: 'CSV/TSV',
  detect: (head) => detectCsv(head),
  parse: (input, ctx) => importCsv(input, ctx),
}
