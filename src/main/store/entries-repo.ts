import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { EntryDetail, HeaderList } from '../../shared/types'
import { ENTRY_SELECT_LIST, toEntryRow } from './columns'
import type { Db } from './db'
import type { EntryRecord } from './entry-record'

/** Longest body text put into the full-text index, per body. */
export const FTS_BODY_LIMIT = 256 * 1024

const INSERT_ENTRY = `INSERT INTO entries (source_id, position, ts, api_user, agent_user, function,
  result, status_code, status_text, result_reason, error_code, method, url, host, path, endpoint,
  service, tenant, client_ip, duration_ms, delay_ms, correlation_id, origin)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const INSERT_PAYLOAD = `INSERT INTO entry_payloads (entry_id, request_headers, request_body,
  request_body_encoding, response_headers, response_body, response_body_encoding, raw)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

const INSERT_FTS = `INSERT INTO entries_fts (rowid, url, result_reason, request_body, response_body)
  VALUES (?, ?, ?, ?, ?)`

/** Raw records at least this long are stored deflated (a BLOB); shorter ones as plain TEXT. */
export const RAW_COMPRESS_FROM = 2048

export function encodeRaw(raw: string): string | Buffer {
  return raw.length >= RAW_COMPRESS_FROM ? deflateRawSync(raw, { level: 1 }) : raw
}

export function decodeRaw(stored: string | Buffer): string {
  return typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8')
}

function headersJson(headers: HeaderList | null | undefined): string | null {
  return headers && headers.length > 0 ? JSON.stringify(headers) : null
}

function ftsText(body: string | null | undefined, encoding: string | null | undefined) {
  if (!body || encoding === 'base64') return null
  return body.length > FTS_BODY_LIMIT ? body.slice(0, FTS_BODY_LIMIT) : body
}

/** Writes entries of one source in batched transactions. */
export class EntryWriter {
  private readonly insertEntry
  private readonly insertPayload
  private readonly insertFts
  private readonly writeBatch
  private pending: EntryRecord[] = []
  private pendingBytes = 0
  count = 0
  firstTs: number | null = null
  lastTs: number | null = null

  constructor(
    private readonly db: Db,
    private readonly sourceId: number,
    private readonly batchSize = 5000,
    private readonly batchBytes = 16 * 1024 * 1024,
  ) {
    this.insertEntry = db.prepare(INSERT_ENTRY)
    this.insertPayload = db.prepare(INSERT_PAYLOAD)
    this.insertFts = db.prepare(INSERT_FTS)
    this.writeBatch = db.transaction((batch: EntryRecord[]) => {
      for (const record of batch) this.writeOne(record)
    })
  }

  add(record: EntryRecord): void {
    this.pending.push(record)
    this.pendingBytes += record.raw.length
    if (record.ts !== null) {
      if (this.firstTs === null || record.ts < this.firstTs) this.firstTs = record.ts
      if (this.lastTs === null || record.ts > this.lastTs) this.lastTs = record.ts
    }
    if (this.pending.length >= this.batchSize || this.pendingBytes >= this.batchBytes) this.flush()
  }

  /** Commits what is pending. */
  flush(): void {
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    this.pendingBytes = 0
    this.writeBatch(batch)
    this.count += batch.length
  }

  private writeOne(r: EntryRecord): void {
    const info = this.insertEntry.run(
      this.sourceId,
      r.position,
      r.ts,
      r.apiUser ?? null,
      r.agentUser ?? null,
      r.function ?? null,
      r.result,
      r.statusCode ?? null,
      r.statusText ?? null,
      r.resultReason ?? null,
      r.errorCode ?? null,
      r.method ?? null,
      r.url ?? null,
      r.host ?? null,
      r.path ?? null,
      r.endpoint ?? null,
      r.service ?? null,
      r.tenant ?? null,
      r.clientIp ?? null,
      r.durationMs ?? null,
      r.delayMs ?? null,
      r.correlationId ?? null,
      r.origin ?? null,
    )
    const id = info.lastInsertRowid
    this.insertPayload.run(
      id,
      headersJson(r.requestHeaders),
      r.requestBody ?? null,
      r.requestBodyEncoding ?? null,
      headersJson(r.responseHeaders),
      r.responseBody ?? null,
      r.responseBodyEncoding ?? null,
      encodeRaw(r.raw),
    )
    const requestText = ftsText(r.requestBody, r.requestBodyEncoding)
    const responseText = ftsText(r.responseBody, r.responseBodyEncoding)
    if (r.url || r.resultReason || requestText || responseText) {
      this.insertFts.run(id, r.url ?? null, r.resultReason ?? null, requestText, responseText)
    }
  }
}

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
      `SELECT ${ENTRY_SELECT_LIST}, p.request_headers, p.request_body, p.request_body_encoding,
         p.response_headers, p.response_body, p.response_body_encoding, p.raw, s.name AS source_name
       FROM entries e
       JOIN entry_payloads p ON p.entry_id = e.id
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
