// Reading entries back with their payloads (the detail panes).
import type { EntryDetail, HeaderList } from '../../shared/types'
import { ENTRY_SELECT_LIST, toEntryRow } from './columns'
import type { Db } from './db'
import { decodeRaw, PAYLOAD_JOIN, PAYLOAD_SELECT } from './payload-codec'

interface PayloadRow {
  request_headers: string | null
  request_body: string | null
  request_body_encoding: 'base64' | null
  response_headers: string | null
  response_body: string | null
  response_body_encoding: 'base64' | null
  raw: string | Buffer
  source_name: string
}

export function getEntryDetail(db: Db, id: number): EntryDetail | null {
  const row = db
    .prepare(
      `SELECT ${ENTRY_SELECT_LIST}, ${PAYLOAD_SELECT}, s.name AS source_name
       FROM entries e
       ${PAYLOAD_JOIN}
       JOIN sources s ON s.id = e.source_id
       WHERE e.id = ?`,
    )
    .get(id) as (Record<string, unknown> & PayloadRow) | undefined
  if (!row) return null
  const {
    request_headers,
    request_body,
    request_body_encoding,
    response_headers,
    response_body,
    response_body_encoding,
    raw,
    source_name,
    ...entry
  } = row
  return {
    ...toEntryRow(entry),
    requestHeaders: request_headers ? (JSON.parse(request_headers) as HeaderList) : [],
    requestBody: request_body,
    requestBodyEncoding: request_body_encoding,
    responseHeaders: response_headers ? (JSON.parse(response_headers) as HeaderList) : [],
    responseBody: response_body,
    responseBodyEncoding: response_body_encoding,
    raw: decodeRaw(raw),
    sourceName: source_name,
  }
}
