import type { EntryRow } from '../../shared/types'

/** camelCase field → column of `entries`. The only place column names come from. */
export const ENTRY_COLUMNS = {
  id: 'id',
  sourceId: 'source_id',
  position: 'position',
  ts: 'ts',
  apiUser: 'api_user',
  agentUser: 'agent_user',
  function: 'function',
  result: 'result',
  statusCode: 'status_code',
  statusText: 'status_text',
  resultReason: 'result_reason',
  errorCode: 'error_code',
  method: 'method',
  url: 'url',
  host: 'host',
  path: 'path',
  endpoint: 'endpoint',
  service: 'service',
  tenant: 'tenant',
  clientIp: 'client_ip',
  durationMs: 'duration_ms',
  delayMs: 'delay_ms',
  correlationId: 'correlation_id',
  origin: 'origin',
} as const satisfies Record<keyof EntryRow, string>

export type EntryField = keyof typeof ENTRY_COLUMNS

/** `e.col AS "field", …` for selecting rows straight into the EntryRow shape (ts still epoch ms). */
export const ENTRY_SELECT_LIST = Object.entries(ENTRY_COLUMNS)
  .map(([field, column]) => `e.${column} AS "${field}"`)
  .join(', ')

export function toIso(ms: number | null): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString()
}

/** Converts a row selected with ENTRY_SELECT_LIST into an EntryRow. */
export function toEntryRow(row: Record<string, unknown>): EntryRow {
  return { ...(row as unknown as EntryRow), ts: toIso(row.ts as number | null) }
}
