// 200 000 rows: the export streams (heap stays flat while a file far bigger than the growth bound is
// written) and can be cancelled midway, leaving no file behind.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportToFile } from '../../../src/main/export/export-file'
import { openDb, type Db } from '../../../src/main/store/db'
import { completeSource, insertSource } from '../../../src/main/store/sources-repo'

const ROWS = 200_000
const HEAP_GROWTH_LIMIT = 64 * 1024 * 1024

/** Fills a store with generated rows in SQL (fast), one in ten carrying a bearer token. */
function fillStore(db: Db): void {
  const sourceId = insertSource(db, { name: 'generated.har', path: null, size: 1, headSha256: 'g', format: 'har', timeZone: 'UTC', secretsKept: true })
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO entries (id, source_id, position, ts, api_user, function, result, status_code, method, url, host, path, endpoint, duration_ms)
    SELECT i, ${sourceId}, i, 1714550400000 + i * 1000, 'user-' || (i % 50), 'GET /v1/items/{id}',
      CASE WHEN i % 7 = 0 THEN 'error' ELSE 'success' END, CASE WHEN i % 7 = 0 THEN 500 ELSE 200 END, 'GET',
      'https://api.example.com/v1/items/' || i || CASE WHEN i % 10 = 0 THEN '?token=tk' || (i % 97) || 'abcdef' ELSE '' END,
      'api.example.com', '/v1/items/' || i, '/v1/items/{id}', i % 300 FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 96)
    INSERT INTO header_sets (id, source_id, headers)
    SELECT i + 1, ${sourceId}, '[["Authorization","Bearer tk' || i || 'abcdef"],["Accept","*/*"]]' FROM n
    UNION ALL SELECT 1, ${sourceId}, '[["Authorization","Bearer tk0abcdef"],["Accept","*/*"]]';
    INSERT INTO entry_payloads (entry_id, request_headers_id, response_body, raw)
    SELECT id, (id % 97) + 1,
      '{"id":' || id || ',"name":"item ' || id || '","tags":["a","b","c"]}', '{"line":' || id || '}' FROM entries;`)
  completeSource(db, sourceId, {
    sha256: 'g', mapping: null, entryCount: ROWS, skippedCount: 0, errorCount: 0, errors: [], firstTs: null, lastTs: null, durationMs: 1,
  })
}

describe('streaming export of 200 000 rows', () => {
  let dir: string
  let db: Db

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apilog-stream-'))
    db = openDb(join(dir, 'store.sqlite'))
    fillStore(db)
  }, 120_000)

  afterAll(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes every row with a flat heap', async () => {
    const path = join(dir, 'all.ndjson')
    global.gc?.()
    const before = process.memoryUsage().heapUsed
    let peak = before
    let ticks = 0
    const started = Date.now()
    const outcome = await exportToFile(db, { filter: {}, format: 'ndjson' }, path, {
      onProgress: () => {
        ticks++
        peak = Math.max(peak, process.memoryUsage().heapUsed)
      },
    })
    const seconds = (Date.now() - started) / 1000
    expect(outcome).toEqual({ rows: ROWS, total: ROWS, cancelled: false, notes: [] })
    expect(ticks).toBeGreaterThan(2)
    const size = statSync(path).size
    expect(size).toBeGreaterThan(2 * HEAP_GROWTH_LIMIT)
    expect(peak - before).toBeLessThan(HEAP_GROWTH_LIMIT)
    console.info(`exported ${ROWS} rows (${(size / 1e6).toFixed(0)} MB NDJSON) in ${seconds.toFixed(1)} s: ${Math.round(ROWS / seconds)} rows/s; heap +${((peak - before) / 1e6).toFixed(1)} MB at most`)
  }, 300_000)

  it('stops when cancelled and leaves no file', async () => {
    const path = join(dir, 'cancelled.har')
    const controller = new AbortController()
    const outcome = await exportToFile(db, { filter: {}, format: 'har' }, path, {
      signal: controller.signal,
      onProgress: (rows) => {
        if (rows >= 20_000) controller.abort()
      },
    })
    expect(outcome.cancelled).toBe(true)
    expect(outcome.total).toBe(ROWS)
    expect(outcome.rows).toBeGreaterThanOrEqual(20_000)
    expect(outcome.rows).toBeLessThan(ROWS)
    expect(existsSync(path)).toBe(false)
    expect(readdirSync(dir).filter((f) => f.includes('cancelled'))).toEqual([])
  }, 300_000)
})
