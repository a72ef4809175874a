// A store filled with generated entries, for checking query semantics against plain JS.
import type { Db } from '../../../src/main/store/db'
import { EntryWriter } from '../../../src/main/store/entry-writer'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { completeSource, insertSource } from '../../../src/main/store/sources-repo'
import type { ResultKind } from '../../../src/shared/types'

export const API_USERS = ['leadimport', 'crmsync', 'dialer', null]
export const AGENT_USERS = ['1001', '1002', '1003', null]
export const FUNCTIONS = ['add_lead', 'update_lead', 'external_status', 'GET /users/{id}', null]
export const RESULTS: ResultKind[] = ['success', 'error', 'notice']
export const STATUSES = [200, 201, 204, 301, 400, 401, 404, 429, 500, 503, 0, null]
export const METHODS = ['GET', 'POST', 'PUT', null]
export const SERVICES = ['agent', 'non-agent', null]
export const TENANTS = ['acme', 'globex', null]
export const BASE_TS = Date.UTC(2024, 4, 1, 0, 0, 0)

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]
}

export function generateRecords(count: number, seed = 1): EntryRecord[] {
  const random = rng(seed)
  const records: EntryRecord[] = []
  for (let i = 0; i < count; i++) {
    const status = pick(random, STATUSES)
    records.push({
      position: i + 1,
      ts: random() < 0.02 ? null : BASE_TS + Math.floor(random() * 48 * 3600 * 1000),
      apiUser: pick(random, API_USERS),
      agentUser: pick(random, AGENT_USERS),
      function: pick(random, FUNCTIONS),
      result: pick(random, RESULTS),
      statusCode: status,
      method: pick(random, METHODS),
      service: pick(random, SERVICES),
      tenant: pick(random, TENANTS),
      clientIp: pick(random, ['10.0.0.1', '10.0.0.2', null]),
      correlationId: random() < 0.5 ? `req-${Math.floor(random() * 50)}` : null,
      url: `https://api.example.com/v1/items/${i}?q=${pick(random, ['alpha', 'beta', 'gamma'])}`,
      resultReason: random() < 0.3 ? pick(random, ['Invalid Username/Password', 'LEAD NOT FOUND', 'rate limited']) : null,
      durationMs: Math.round(random() * 1000),
      raw: `record ${i}`,
    })
  }
  return records
}

/** Writes records as one complete source; returns its id. */
export function writeSource(db: Db, records: EntryRecord[], name = 'generated.log'): number {
  const id = insertSource(db, { name, path: null, size: 1, headSha256: name, format: 'ndjson', timeZone: 'UTC', secretsKept: false })
  const writer = new EntryWriter(db, id, 500)
  for (const r of records) writer.add(r)
  writer.flush()
  completeSource(db, id, {
    sha256: `${name}-${records.length}`,
    mapping: null,
    entryCount: writer.count,
    skippedCount: 0,
    errorCount: 0,
    errors: [],
    firstTs: writer.firstTs,
    lastTs: writer.lastTs,
    durationMs: 1,
  })
  return id
}
