// Rendering entry rows for the terminal and for other programs.
import type { EntryRow } from '../../shared/types'
import { csvRow } from '../util/csv-cell'
import { escapeForCell } from '../util/visible-text'

export const ROW_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const
export type RowFormat = (typeof ROW_FORMATS)[number]

const CSV_FIELDS: Array<keyof EntryRow> = [
  'id', 'ts', 'apiUser', 'agentUser', 'function', 'result', 'statusCode', 'statusText', 'resultReason',
  'errorCode', 'method', 'url', 'host', 'path', 'endpoint', 'service', 'tenant', 'clientIp', 'durationMs',
  'delayMs', 'correlationId', 'origin', 'sourceId', 'position',
]

const TABLE_COLUMNS: Array<{ title: string; width: number; value: (r: EntryRow) => string }> = [
  { title: 'ID', width: 8, value: (r) => String(r.id) },
  { title: 'TIME (UTC)', width: 24, value: (r) => r.ts ?? '-' },
  { title: 'API USER', width: 16, value: (r) => r.apiUser ?? '-' },
  { title: 'AGENT USER', width: 12, value: (r) => r.agentUser ?? '-' },
  { title: 'FUNCTION', width: 32, value: (r) => r.function ?? '-' },
  { title: 'RESULT', width: 7, value: (r) => r.result },
  { title: 'STATUS', width: 6, value: (r) => (r.statusCode === null ? '-' : String(r.statusCode)) },
  { title: 'MS', width: 8, value: (r) => (r.durationMs === null ? '-' : String(Math.round(r.durationMs))) },
  { title: 'ERROR', width: 40, value: (r) => r.resultReason ?? '' },
]

function fit(text: string, width: number): string {
  const clean = escapeForCell(text)
  return clean.length > width ? `${clean.slice(0, width - 1)}…` : clean.padEnd(width)
}

export function formatTable(rows: EntryRow[]): string {
  const header = TABLE_COLUMNS.map((c) => fit(c.title, c.width)).join(' ')
  const lines = rows.map((row) => TABLE_COLUMNS.map((c) => fit(c.value(row), c.width)).join(' ').trimEnd())
  return [header.trimEnd(), ...lines].join('\n') + '\n'
}

export function formatRows(rows: EntryRow[], format: RowFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n'
    case 'ndjson':
      return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '')
    case 'csv':
      return [csvRow(CSV_FIELDS), ...rows.map((r) => csvRow(CSV_FIELDS.map((f) => r[f])))].join('\r\n') + '\r\n'
    case 'table':
      return formatTable(rows)
  }
}
