// A canary secret in every place credentials live (and in an import error message), imported through the real pipeline into a real
// store file: it must not reach the file, its WAL, the full-text index or any export, while identity
// stays, tags are stable per secret, and every other byte of every field is unchanged.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportToFile } from '../../../src/main/export/export-file'
import { importFile } from '../../../src/main/importers/run-import'
import { queryEntries } from '../../../src/main/query/entries-query'
import { loadRedactionKey } from '../../../src/main/redact'
import { createTagger } from '../../../src/main/redact/tag'
import { openDb, type Db } from '../../../src/main/store/db'
import { getEntryDetail } from '../../../src/main/store/entries-repo'
import { listSources } from '../../../src/main/store/sources-repo'
import type { EntryDetail } from '../../../src/shared/types'
import { tempDir } from '../helpers/store'

const DIR = join(__dirname, '../../fixtures/redact-canary')
const FILES = ['canary.har', 'vicidial-report.csv', 'malformed.ndjson']
const BASIC = Buffer.from('basic-bob:CNRYbasicPW0001').toString('base64')
/** what each secret looks like where it was planted → the secret the tag is made from */
const PLANTED: Array<[spelling: string, secret: string]> = [
  ['CNRYjwtSIGhdr0001xyz', 'CNRYjwtSIGhdr0001xyz'], ['theme=dark', 'dark'], ['CNRYcookieSESS0001', 'CNRYcookieSESS0001'],
  ['CNRYapiKEYhdr0001', 'CNRYapiKEYhdr0001'], ['CNRYapiKEYhdr0002', 'CNRYapiKEYhdr0002'], ['CNRYqueryKEY0001', 'CNRYqueryKEY0001'],
  ['CNRYformPASS0001', 'CNRYformPASS0001'], ['CNRYsetCOOKIE0001', 'CNRYsetCOOKIE0001'], ['CNRYjsonDEEP0001', 'CNRYjsonDEEP0001'],
  ['CNRYjwtSIGbody0001xyz', 'CNRYjwtSIGbody0001xyz'], ['CNRYjwtSIGraw0001xyz', 'CNRYjwtSIGraw0001xyz'], [BASIC, BASIC],
  ['CNRYviciPASS0001', 'CNRYviciPASS0001'], ['CNRYphonePASS0001', 'CNRYphonePASS0001'], ['CNRYagentPASS0001', 'CNRYagentPASS0001'],
  ['CNRYviciLOGIN0001', 'CNRYviciLOGIN0001'], ['CNRYndjsonTOKEN0001', 'CNRYndjsonTOKEN0001'],
  ['CNRYndjsonKEY0001', 'CNRYndjsonKEY0001'],
]

function hasCanary(bytes: Buffer): boolean {
  return bytes.includes('CNRY') || bytes.includes(BASIC) || bytes.includes('CNRY'.toLowerCase())
}

async function importCanaries(db: Db, keepSecrets: boolean): Promise<EntryDetail[]> {
  for (const file of FILES) {
    const result = await importFile(db, { path: join(DIR, file) }, { keepSecrets })
    expect(result.failure, file).toBeNull()
  }
  const rows = queryEntries(db, { filter: {}, sort: { field: 'id', dir: 'asc' }, limit: 100 }).rows
  return rows.map((row) => getEntryDetail(db, row.id) as EntryDetail)
}

function storeFiles(path: string): Buffer[] {
  expect(existsSync(`${path}-wal`)).toBe(true)
  return [readFileSync(path), readFileSync(`${path}-wal`)]
}

async function exportAll(db: Db, dir: string): Promise<Buffer[]> {
  const out: Buffer[] = []
  for (const format of ['csv', 'ndjson', 'har'] as const) {
    const path = join(dir, `export.${format}`)
    const outcome = await exportToFile(db, { filter: {}, format, bom: format === 'csv' }, path)
    expect(outcome.rows).toBe(7)
    out.push(readFileSync(path))
  }
  return out
}

/** The kept-secrets entry with each planted secret swapped for its tag, field by field. */
function expectedRedaction(entry: EntryDetail, tag: (s: string) => string): EntryDetail {
  const swap = (text: string) => PLANTED.reduce((t, [spelling, secret]) => t.replaceAll(spelling, spelling.replace(secret, tag(secret))), text)
  const fields = Object.entries(entry).map(([k, v]) => {
    if (typeof v === 'string' && k !== 'apiUser' && k !== 'agentUser') return [k, swap(v)]
    if (Array.isArray(v)) return [k, v.map(([n, value]) => [n, swap(value)])]
    return [k, v]
  })
  return Object.fromEntries(fields) as EntryDetail
}

describe('canary secrets through the real import pipeline', () => {
  it('never reach the store file, its WAL, the full-text index or any export', async () => {
    const dir = tempDir()
    const path = join(dir, 'store.sqlite')
    const db = openDb(path)
    try {
      const entries = await importCanaries(db, false)
      expect(entries).toHaveLength(7)
      expect(listSources(db).map((s) => s.errors)).toEqual([[], [], [
        { position: 2, message: "not valid JSON: Unexpected token 'C' (the text near it is not shown)" },
      ]])
      for (const bytes of storeFiles(path)) expect(hasCanary(bytes)).toBe(false)
      for (const entry of entries) expect(hasCanary(Buffer.from(JSON.stringify(entry)))).toBe(false)
      expect(db.prepare(`SELECT count(*) AS n FROM entries_fts WHERE entries_fts MATCH 'cnry*'`).get()).toEqual({ n: 0 })
      for (const bytes of await exportAll(db, dir)) expect(hasCanary(bytes)).toBe(false)
    } finally {
      db.close()
    }
  })

  it('are found by the same checks when secrets are kept (the checks can fail)', async () => {
    const dir = tempDir()
    const path = join(dir, 'store.sqlite')
    const db = openDb(path)
    try {
      const entries = await importCanaries(db, true)
      expect(storeFiles(path).some(hasCanary)).toBe(true)
      expect(hasCanary(Buffer.from(JSON.stringify(entries)))).toBe(true)
      expect((db.prepare(`SELECT count(*) AS n FROM entries_fts WHERE entries_fts MATCH 'cnry*'`).get() as { n: number }).n).toBeGreaterThan(0)
      // exports redact even a source imported with its secrets
      for (const bytes of await exportAll(db, dir)) expect(hasCanary(bytes)).toBe(false)
    } finally {
      db.close()
    }
  })

  it('keep identity, tag each secret consistently and change nothing else', async () => {
    const dir = tempDir()
    const redactedDb = openDb(join(dir, 'redacted.sqlite'))
    const keptDb = openDb(join(dir, 'kept.sqlite'))
    try {
      const redacted = await importCanaries(redactedDb, false)
      const kept = await importCanaries(keptDb, true)
      expect(redacted.map((e) => e.apiUser)).toEqual(['canary-user-7', 'basic-bob', null, 'vdcanary', 'vdcanary', 'nd-user', null])
      const tag = createTagger(loadRedactionKey(redactedDb))
      const apiKeyTag = (e: EntryDetail) => e.requestHeaders.find(([n]) => n === 'X-Api-Key')?.[1]
      expect(apiKeyTag(redacted[0])).toBe(tag('CNRYapiKEYhdr0001'))
      expect(apiKeyTag(redacted[1])).toBe(apiKeyTag(redacted[0]))
      expect(apiKeyTag(redacted[2])).toBe(tag('CNRYapiKEYhdr0002'))
      expect(apiKeyTag(redacted[2])).not.toBe(apiKeyTag(redacted[0]))
      expect(redacted[1].url).toBe(`https://api.canary.example/v1/contacts/42?api_key=${tag('CNRYqueryKEY0001')}`)
      kept.forEach((entry, i) => expect(redacted[i]).toEqual(expectedRedaction(entry, tag)))
    } finally {
      redactedDb.close()
      keptDb.close()
    }
  })

  it('uses one key per store, kept across reopening', () => {
    const dir = tempDir()
    const path = join(dir, 'a.sqlite')
    const first = openDb(path)
    const key = loadRedactionKey(first)
    first.close()
    const again = openDb(path)
    const other = openDb(join(dir, 'b.sqlite'))
    try {
      expect(loadRedactionKey(again).equals(key)).toBe(true)
      expect(key).toHaveLength(32)
      expect(loadRedactionKey(other).equals(key)).toBe(false)
    } finally {
      again.close()
      other.close()
    }
  })
})
