// Writing entries of one source: batched transactions, multi-row INSERT statements (far fewer
// round trips into SQLite than one statement per row) and explicit ids, so the payload and
// full-text rows line up without asking SQLite for each id.
import type Database from 'better-sqlite3'
import type { HeaderList } from '../../shared/types'
import type { Db } from './db'
import type { EntryRecord } from './entry-record'
import { encodeRaw, FTS_BODY_LIMIT } from './payload-codec'

const ENTRY_COLUMNS_SQL = `id, source_id, position, ts, api_user, agent_user, function, result, status_code,
  status_text, result_reason, error_code, method, url, host, path, endpoint, service, tenant, client_ip,
  duration_ms, delay_ms, correlation_id, origin`
const PAYLOAD_COLUMNS_SQL = `entry_id, request_headers, request_headers_id, request_body, request_body_encoding,
  response_headers, response_headers_id, response_body, response_body_encoding, raw`
/** Distinct header lists remembered per writer before the cache starts over. */
const HEADER_CACHE_LIMIT = 20_000

/** Rows per multi-row INSERT (24 and 10 parameters per row stay far below SQLite's limit). */
const ROWS_PER_STATEMENT = 50

function placeholders(columns: number, rows: number): string {
  const one = `(${new Array(columns).fill('?').join(', ')})`
  return new Array(rows).fill(one).join(', ')
}

function ftsText(body: string | null | undefined, encoding: string | null | undefined) {
  if (!body || encoding === 'base64') return null
  return body.length > FTS_BODY_LIMIT ? body.slice(0, FTS_BODY_LIMIT) : body
}

function pushEntry(params: unknown[], id: number, sourceId: number, r: EntryRecord): void {
  params.push(
    id, sourceId, r.position, r.ts, r.apiUser ?? null, r.agentUser ?? null, r.function ?? null, r.result,
    r.statusCode ?? null, r.statusText ?? null, r.resultReason ?? null, r.errorCode ?? null, r.method ?? null,
    r.url ?? null, r.host ?? null, r.path ?? null, r.endpoint ?? null, r.service ?? null, r.tenant ?? null,
    r.clientIp ?? null, r.durationMs ?? null, r.delayMs ?? null, r.correlationId ?? null, r.origin ?? null,
  )
}

/** Stores each distinct header list of a source once and hands out its id. */
class HeaderSets {
  private readonly ids = new Map<string, number>()
  private readonly seenOnce = new Set<string>()
  private readonly insert: Statement
  private readonly maxId: Statement
  private next = 0

  constructor(db: Db, private readonly sourceId: number) {
    this.insert = db.prepare('INSERT INTO header_sets (id, source_id, headers) VALUES (?, ?, ?)')
    this.maxId = db.prepare('SELECT coalesce(max(id), 0) AS id FROM header_sets')
  }

  /** Call at the start of each write transaction (which holds the write lock). */
  beginBatch(): void {
    this.next = (this.maxId.get() as { id: number }).id + 1
  }

  /** [inline JSON, null] for a list seen once so far, [null, header_sets id] for a repeated one. */
  store(headers: HeaderList | null | undefined): [string | null, number | null] {
    if (!headers || headers.length === 0) return [null, null]
    const json = JSON.stringify(headers)
    const known = this.ids.get(json)
    if (known !== undefined) return [null, known]
    if (!this.seenOnce.has(json)) {
      if (this.seenOnce.size >= HEADER_CACHE_LIMIT) this.seenOnce.clear()
      this.seenOnce.add(json)
      return [json, null]
    }
    const id = this.next++
    this.insert.run(id, this.sourceId, json)
    this.seenOnce.delete(json)
    if (this.ids.size >= HEADER_CACHE_LIMIT) this.ids.clear()
    this.ids.set(json, id)
    return [null, id]
  }
}

function pushPayload(params: unknown[], id: number, r: EntryRecord, headers: HeaderSets): void {
  const [requestInline, requestId] = headers.store(r.requestHeaders)
  const [responseInline, responseId] = headers.store(r.responseHeaders)
  params.push(
    id, requestInline, requestId, r.requestBody ?? null, r.requestBodyEncoding ?? null,
    responseInline, responseId, r.responseBody ?? null, r.responseBodyEncoding ?? null, encodeRaw(r.raw),
  )
}

type Statement = Database.Statement

/** The first batch (a commit makes rows visible to the UI): rows, and bytes per row of it. */
const FIRST_BATCH_ROWS = 200
const FIRST_BATCH_BYTES_PER_ROW = 4096

/** Writes entries of one source in batched transactions. */
export class EntryWriter {
  private readonly entryMany: Statement
  private readonly entryOne: Statement
  private readonly payloadMany: Statement
  private readonly payloadOne: Statement
  private readonly insertFts: Statement
  private readonly nextId: Statement
  private readonly writeBatch: (batch: EntryRecord[]) => void
  private readonly headers: HeaderSets
  private pending: EntryRecord[] = []
  private pendingBytes = 0
  /** batches start small and double up to the full size, so the first rows show early */
  private rampRows = FIRST_BATCH_ROWS
  count = 0
  firstTs: number | null = null
  lastTs: number | null = null

  constructor(
    db: Db,
    private readonly sourceId: number,
    private readonly batchSize = 5000,
    private readonly batchBytes = 16 * 1024 * 1024,
    /** bulk loads index the text afterwards in one pass (indexSourceText) */
    private readonly deferText = false,
  ) {
    this.entryMany = db.prepare(`INSERT INTO entries (${ENTRY_COLUMNS_SQL}) VALUES ${placeholders(24, ROWS_PER_STATEMENT)}`)
    this.entryOne = db.prepare(`INSERT INTO entries (${ENTRY_COLUMNS_SQL}) VALUES ${placeholders(24, 1)}`)
    this.payloadMany = db.prepare(`INSERT INTO entry_payloads (${PAYLOAD_COLUMNS_SQL}) VALUES ${placeholders(10, ROWS_PER_STATEMENT)}`)
    this.payloadOne = db.prepare(`INSERT INTO entry_payloads (${PAYLOAD_COLUMNS_SQL}) VALUES ${placeholders(10, 1)}`)
    this.insertFts = db.prepare(
      `INSERT INTO entries_fts (rowid, url, result_reason, request_body, response_body) VALUES (?, ?, ?, ?, ?)`,
    )
    this.nextId = db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM entries')
    this.headers = new HeaderSets(db, sourceId)
    this.writeBatch = db.transaction((batch: EntryRecord[]) => this.write(batch))
  }

  add(record: EntryRecord): void {
    this.pending.push(record)
    this.pendingBytes += record.raw.length + (record.responseBody?.length ?? 0) + (record.requestBody?.length ?? 0)
    if (record.ts !== null) {
      if (this.firstTs === null || record.ts < this.firstTs) this.firstTs = record.ts
      if (this.lastTs === null || record.ts > this.lastTs) this.lastTs = record.ts
    }
    const rows = Math.min(this.rampRows, this.batchSize)
    const bytes = Math.min(this.rampRows * FIRST_BATCH_BYTES_PER_ROW, this.batchBytes)
    if (this.pending.length >= rows || this.pendingBytes >= bytes) this.flush()
  }

  /** Commits what is pending. */
  flush(): void {
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    this.pendingBytes = 0
    this.writeBatch(batch)
    this.count += batch.length
    this.rampRows = Math.min(this.rampRows * 2, this.batchSize)
  }

  /** Runs inside the batch transaction, which holds the write lock: ids from max(id) are ours. */
  private write(batch: EntryRecord[]): void {
    const first = (this.nextId.get() as { id: number }).id
    this.headers.beginBatch()
    let at = 0
    for (; at + ROWS_PER_STATEMENT <= batch.length; at += ROWS_PER_STATEMENT) {
      const entries: unknown[] = []
      const payloads: unknown[] = []
      for (let i = at; i < at + ROWS_PER_STATEMENT; i++) {
        pushEntry(entries, first + i, this.sourceId, batch[i])
        pushPayload(payloads, first + i, batch[i], this.headers)
      }
      this.entryMany.run(entries)
      this.payloadMany.run(payloads)
    }
    for (; at < batch.length; at++) {
      const entries: unknown[] = []
      const payloads: unknown[] = []
      pushEntry(entries, first + at, this.sourceId, batch[at])
      pushPayload(payloads, first + at, batch[at], this.headers)
      this.entryOne.run(entries)
      this.payloadOne.run(payloads)
    }
    if (!this.deferText) batch.forEach((r, i) => this.indexText(first + i, r))
  }

  private indexText(id: number, r: EntryRecord): void {
    const requestText = ftsText(r.requestBody, r.requestBodyEncoding)
    const responseText = ftsText(r.responseBody, r.responseBodyEncoding)
    if (r.url || r.resultReason || requestText || responseText) {
      this.insertFts.run(id, r.url ?? null, r.resultReason ?? null, requestText, responseText)
    }
  }
}

/** Full-text indexes a source's entries in one pass (after a bulk load). */
export function indexSourceText(db: Db, sourceId: number): void {
  db.prepare(
    `INSERT INTO entries_fts (rowid, url, result_reason, request_body, response_body)
     SELECT e.id, e.url, e.result_reason,
       CASE WHEN p.request_body_encoding IS NULL THEN substr(p.request_body, 1, ${FTS_BODY_LIMIT}) END,
       CASE WHEN p.response_body_encoding IS NULL THEN substr(p.response_body, 1, ${FTS_BODY_LIMIT}) END
     FROM entries e JOIN entry_payloads p ON p.entry_id = e.id
     WHERE e.source_id = ?
       AND (e.url IS NOT NULL OR e.result_reason IS NOT NULL
         OR (p.request_body IS NOT NULL AND p.request_body_encoding IS NULL)
         OR (p.response_body IS NOT NULL AND p.response_body_encoding IS NULL))`,
  ).run(sourceId)
}
