// Test helpers: a real store (in memory or in a temp file) with the real migrations.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { queryEntries } from '../../../src/main/query/entries-query'
import { openDb, type Db } from '../../../src/main/store/db'
import { getEntryDetail } from '../../../src/main/store/entries-repo'
import { importFile } from '../../../src/main/importers/run-import'
import type { EntryDetail, EntryRow, ImportFileResult, ImportOptions } from '../../../src/shared/types'

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

export function memoryDb(): Db {
  const db = openDb(':memory:')
  cleanups.push(() => db.close())
  return db
}

/** A fresh directory removed after the test. */
export function tempDir(prefix = 'apilog-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export interface Imported {
  db: Db
  result: ImportFileResult
  rows: EntryRow[]
  detail(index: number): EntryDetail
}

/** Imports one file into a fresh in-memory store and returns every row in file order. */
export async function importIntoMemory(path: string, options: ImportOptions = {}): Promise<Imported> {
  const db = memoryDb()
  const result = await importFile(db, { path }, options)
  const rows = queryEntries(db, { filter: {}, sort: { field: 'id', dir: 'asc' }, limit: 10_000 }).rows
  return {
    db,
    result,
    rows,
    detail: (index) => {
      const detail = getEntryDetail(db, rows[index].id)
      if (!detail) throw new Error(`no entry at index ${index}`)
      return detail
    },
  }
}
