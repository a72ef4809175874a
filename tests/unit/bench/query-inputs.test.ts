// Filter combinations and search terms come from what a store really holds, the same for a seed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { drawSearchTerms, makeCombos, readFilterPool } from '../../../src/main/bench/filter-combos'
import { generateLog } from '../../../src/main/bench/generate/write-log'
import { measureQueries, QUERY_KINDS } from '../../../src/main/bench/query-bench'
import { importFile } from '../../../src/main/importers/run-import'
import { countEntries } from '../../../src/main/query/entries-query'
import { openDb, type Db } from '../../../src/main/store/db'

let db: Db
let storePath: string

// one store for the whole file (the helpers' temp dirs are removed after each test)
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'apilog-bench-test-'))
  const log = join(dir, 'x.ndjson')
  writeFileSync(log, generateLog({ format: 'ndjson', entries: 1500, seed: 2 }))
  storePath = join(dir, 'store.db')
  db = openDb(storePath)
  await importFile(db, { path: log })
  return () => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

describe('filter combinations', () => {
  it('draw from the values in the store', () => {
    const pool = readFilterPool(db)
    expect(pool.apiUsers.length).toBeGreaterThan(40)
    expect(pool.agentUsers.length).toBe(20)
    expect(pool.functions.length).toBeGreaterThan(100)
    const combos = makeCombos(pool, 50, 9)
    for (const combo of combos) {
      expect(Object.keys(combo).length).toBeGreaterThan(0)
      for (const user of combo.apiUser ?? []) expect(pool.apiUsers).toContain(user)
      for (const fn of combo.function ?? []) expect(pool.functions).toContain(fn)
      if (combo.from) expect(Date.parse(combo.to!) - Date.parse(combo.from)).toBeGreaterThanOrEqual(15 * 60_000)
    }
    // every dimension occurs somewhere in 50 combinations
    for (const key of ['from', 'apiUser', 'agentUser', 'function', 'result', 'statusCode']) {
      expect(combos.some((c) => key in c)).toBe(true)
    }
  })

  it('are the same for the same seed and differ for another', () => {
    const pool = readFilterPool(db)
    expect(makeCombos(pool, 20, 4)).toEqual(makeCombos(pool, 20, 4))
    expect(makeCombos(pool, 20, 5)).not.toEqual(makeCombos(pool, 20, 4))
  })
})

describe('search terms', () => {
  it('are words of real entries that full-text search finds', () => {
    const terms = drawSearchTerms(db, 25, 3)
    expect(terms).toHaveLength(25)
    expect(terms).toEqual(drawSearchTerms(db, 25, 3))
    for (const term of terms) {
      expect(term).toMatch(/^[A-Za-z][A-Za-z-]{3,}$/)
      expect(countEntries(db, { search: term })).toBeGreaterThan(0)
    }
  })
})

describe('measureQueries', () => {
  it('times every query kind once per combination', async () => {
    const figures = await measureQueries(storePath, 'ndjson', 8, 1)
    expect(figures.entries).toBe(1500)
    expect(figures.index).toMatchObject({ state: 'ready', rows: 1500, worker: false })
    expect(figures.filters).toHaveLength(8)
    for (const kind of QUERY_KINDS) {
      expect(figures.wall[kind].n).toBe(8)
      expect(figures.wall[kind].p95).toBeGreaterThanOrEqual(figures.wall[kind].p50)
    }
    expect(figures.wall.countPlusFacets.max).toBeGreaterThanOrEqual(figures.wall.facets.max)
  })
})
