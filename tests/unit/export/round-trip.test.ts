// Export → re-import through the real importers with format auto-detection: the counts and the key
// fields survive. Known gaps on the importer side are pinned with `it.fails` (they flip when fixed).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportToFile } from '../../../src/main/export/export-file'
import { importFile } from '../../../src/main/importers/run-import'
import { queryEntries } from '../../../src/main/query/entries-query'
import { getEntryDetail } from '../../../src/main/store/entries-repo'
import type { Db } from '../../../src/main/store/db'
import type { ExportFormat } from '../../../src/shared/export-types'
import type { EntryRow } from '../../../src/shared/types'
import { importIntoMemory, memoryDb, tempDir } from '../helpers/store'

const FIXTURES = join(__dirname, '../../fixtures')
const HTTP_LOGS = [
  'har/chrome.har', 'har/jwt-bearer.har', 'har/http2.har', 'har/insomnia.har', 'har/mitmproxy-error-log.har',
  'har/fiddler.har', 'redact-canary/canary.har', 'ndjson/aws-api-gateway.ndjson', 'ndjson/kong-file-log.ndjson',
]
const HAR_LOGS = HTTP_LOGS.filter((file) => file.endsWith('.har'))
const VICIDIAL_LOGS = ['vicidial/api-log-report.csv', 'vicidial/api-log-report-urls.csv', 'redact-canary/vicidial-report.csv']
const KEY_FIELDS = ['ts', 'apiUser', 'function', 'result', 'statusCode', 'method', 'url'] as const
type KeyField = (typeof KEY_FIELDS)[number]

async function storeOf(files: string[]): Promise<{ db: Db; rows: EntryRow[] }> {
  const db = memoryDb()
  for (const file of files) {
    const result = await importFile(db, { path: join(FIXTURES, file) })
    expect(result.failure, file).toBeNull()
  }
  return { db, rows: queryEntries(db, { filter: {}, sort: { field: 'id', dir: 'asc' }, limit: 10_000 }).rows }
}

async function roundTrip(files: string[], format: ExportFormat): Promise<{ before: EntryRow[]; after: EntryRow[]; detected: string | null }> {
  const { db, rows } = await storeOf(files)
  const path = join(tempDir(), `export.${format}`)
  const outcome = await exportToFile(db, { filter: {}, sort: { field: 'id', dir: 'asc' }, format }, path)
  expect(outcome.rows).toBe(rows.length)
  const again = await importIntoMemory(path)
  expect(again.result.failure).toBeNull()
  return { before: rows, after: again.rows, detected: again.result.format }
}

function keyFields(rows: EntryRow[], fields: readonly KeyField[] = KEY_FIELDS) {
  return rows.map((row) => Object.fromEntries(fields.map((f) => [f, row[f]])))
}

/** Authorization: Basic — its user cannot be read back from a redacted header. */
function usesBasicAuth(db: Db, id: number): boolean {
  return (getEntryDetail(db, id)?.requestHeaders ?? []).some(([n, v]) => /authorization/i.test(n) && /^\s*basic\s/i.test(v))
}

describe('export → re-import round trips', () => {
  it('NDJSON keeps every entry and its key fields (HTTP logs and VICIdial)', async () => {
    for (const files of [HTTP_LOGS, VICIDIAL_LOGS]) {
      const { before, after, detected } = await roundTrip(files, 'ndjson')
      expect(detected).toBe('ndjson')
      expect(after).toHaveLength(before.length)
      expect(keyFields(after)).toEqual(keyFields(before))
    }
  })

  it('CSV keeps every entry and its time, API user, result, method and URL', async () => {
    for (const files of [HTTP_LOGS, VICIDIAL_LOGS]) {
      const { before, after, detected } = await roundTrip(files, 'csv')
      expect(detected).toBe('csv')
      expect(after).toHaveLength(before.length)
      const fields = ['ts', 'apiUser', 'result', 'method', 'url'] as const
      expect(keyFields(after, fields)).toEqual(keyFields(before, fields))
      const withResponse = (rows: EntryRow[]) => rows.map((r) => (r.statusCode === 0 ? null : r.statusCode))
      expect(after.map((r) => r.statusCode)).toEqual(withResponse(before))
    }
  })

  // Pending in the CSV importer (csv/known-layouts.ts): the Workato layout builds `function` from
  // "API collection" + "Endpoint" and ignores our "Function" column; "Code" 0 (no response) reads as none.
  it.fails('CSV keeps function and status 0 (pending: the CSV importer reading our Function and Code 0)', async () => {
    const { before, after } = await roundTrip(HTTP_LOGS, 'csv')
    expect(keyFields(after, ['function', 'statusCode'])).toEqual(keyFields(before, ['function', 'statusCode']))
  })

  it('HAR keeps every entry and its key fields (HAR logs)', async () => {
    const { db, rows: before } = await storeOf(HAR_LOGS)
    const path = join(tempDir(), 'export.har')
    await exportToFile(db, { filter: {}, sort: { field: 'id', dir: 'asc' }, format: 'har' }, path)
    const again = await importIntoMemory(path)
    expect(again.result.format).toBe('har')
    expect(again.rows).toHaveLength(before.length)
    const expected = keyFields(before).map((row, i) => (usesBasicAuth(db, before[i].id) ? { ...row, apiUser: null } : row))
    expect(expected.filter((row) => row.apiUser !== null).length).toBeGreaterThan(3)
    expect(keyFields(again.rows)).toEqual(expected)
  })

  // Pending in the HAR importer: our HAR carries apiUser (and agentUser, function, result …) under
  // `_apiLogInspector` for identities HAR headers cannot hold (redacted Basic auth, gateway fields).
  it.fails('HAR keeps every API user (pending: the HAR importer reading _apiLogInspector)', async () => {
    const { before, after } = await roundTrip(HTTP_LOGS, 'har')
    expect(after.map((r) => r.apiUser)).toEqual(before.map((r) => r.apiUser))
  })
})
