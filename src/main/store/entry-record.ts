import type { HeaderList, ResultKind } from '../../shared/types'

/** One API call as an importer hands it to the store (before ids are assigned). */
export interface EntryRecord {
  /** line number or entry index in the source, 1-based */
  position: number
  /** UTC epoch ms, or null when the record has no usable time */
  ts: number | null
  apiUser?: string | null
  agentUser?: string | null
  function?: string | null
  result: ResultKind
  statusCode?: number | null
  statusText?: string | null
  resultReason?: string | null
  errorCode?: string | null
  method?: string | null
  url?: string | null
  host?: string | null
  path?: string | null
  endpoint?: string | null
  service?: string | null
  tenant?: string | null
  clientIp?: string | null
  durationMs?: number | null
  delayMs?: number | null
  correlationId?: string | null
  origin?: string | null
  requestHeaders?: HeaderList | null
  requestBody?: string | null
  requestBodyEncoding?: 'base64' | null
  responseHeaders?: HeaderList | null
  responseBody?: string | null
  responseBodyEncoding?: 'base64' | null
  /** the original record, verbatim */
  raw: string
}
