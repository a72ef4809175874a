import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { compareSources } from '../../../src/main/compare/compare-sources'
import { importFile } from '../../../src/main/importers/run-import'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { QueryError } from '../../../src/main/query/compile-filter'
import { countEntries, queryEntries } from '../../../src/main/query/entries-query'
import type { Db } from '../../../src/main/store/db'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import type { CompareResult } from '../../../src/shared/compare-types'
import { RESULT_KINDS, type EntryFilter, type ResultKind } from '../../../src/shared/types'
import { writeSource } from '../helpers/generated-store'
import { memoryDb, tempDir } from '../helpers/store'
import { harMatrix, resultMatrix, rowsMatrix, sortedEntries } from './compare-helpers'

const FIXTURES = join(__dirname, '../../fixtures/har')
const SAMPLES = join(__dirname, '../../../../shared/samples')

async function importInto(db: Db, path: string): Promise<number> {
  const result = await importFile(db, { path }, {})
  if (result.sourceId === null) throw new Error(`${path}: ${result.failure}`)
  return result.sourceId
}

/** Every cell's filters show exactly the rows it counts (what a click in the UI relies on). */
function expectCellFiltersMatch(db: Db, result: CompareResult): void {
  for (const row of result.rows) {
    expect(countEntries(db, row.filter)).toBe(row.countA + row.countB)
    for (const kind of RESULT_KINDS) {
      const cell = row.cells[kind]
      const count = (filter: EntryFilter | null) => (filter ? countEntries(db, filter) : 0)
      expect(count(cell.filterA), `${row.function} ${kind} A`).toBe(cell.countA)
      expect(count(cell.filterB), `${row.function} ${kind} B`).toBe(cell.countB)
      expect(count(cell.filter)).toBe(cell.countA + cell.countB)
    }
  }
  for (const diff of [result.onlyInA, result.onlyInB]) {
    for (const list of [diff.functions, diff.apiUsers, diff.agentUsers]) {
      for (const item of list.items) expect(countEntries(db, item.filter), item.value).toBe(item.count)
    }
  }
}

function onlyIn(x: Map<string | null, unknown>, y: Map<string | null, unknown>): string[] {
  return [...x.keys()].filter((k): k is string => k !== null && !y.has(k)).sort()
}

async function compareHars(pathA: string, pathB: string) {
  const db = memoryDb()
  const a = await importInto(db, pathA)
  const b = await importInto(db, pathB)
  return { db, result: compareSources(db, { a, b }), expectedA: harMatrix(pathA), expectedB: harMatrix(pathB) }
}

describe('compareSources on two real HAR captures (fixtures: Firefox excerpt against Chrome)', () => {
  it('counts every function × result of each side exactly as the raw files have them', async () => {
    const { db, result, expectedA, expectedB } = await compareHars(join(FIXTURES, 'firefox-excerpt.har'), join(FIXTURES, 'chrome.har'))
    expect(sortedEntries(resultMatrix(result, 'A'))).toEqual(sortedEntries(expectedA))
    expect(sortedEntries(resultMatrix(result, 'B'))).toEqual(sortedEntries(expectedB))
    expect(result.a).toMatchObject({ name: 'firefox-excerpt.har', total: 3, errors: 0, errorRate: 0 })
    expect(result.b).toMatchObject({ name: 'chrome.har', total: 3, errors: 1, errorRate: 1 / 3 })
    expect(result.functionCount).toBe(new Set([...expectedA.keys(), ...expectedB.keys()]).size)
    expectCellFiltersMatch(db, result)
  })

  it('puts the regression first: "GET /" failed once in Chrome and never in Firefox', async () => {
    const { result } = await compareHars(join(FIXTURES, 'firefox-excerpt.har'), join(FIXTURES, 'chrome.har'))
    const first = result.rows[0]
    expect(first).toMatchObject({
      function: 'GET /',
      countA: 1,
      countB: 2,
      delta: 1,
      errorsA: 0,
      errorsB: 1,
      errorRateA: 0,
      errorRateB: 0.5,
      errorRateDelta: 0.5,
      regression: 1,
    })
    expect(first.cells.error).toMatchObject({ countA: 0, countB: 1, delta: 1 })
    expect(result.rows.slice(1).every((row) => row.regression === 0)).toBe(true)
  })

  it('lists the functions seen on one side only, with their counts', async () => {
    const { result, expectedA, expectedB } = await compareHars(join(FIXTURES, 'firefox-excerpt.har'), join(FIXTURES, 'chrome.har'))
    expect(result.onlyInA.functions.items.map((i) => i.value).sort()).toEqual(onlyIn(expectedA, expectedB))
    expect(result.onlyInB.functions.items.map((i) => i.value).sort()).toEqual(onlyIn(expectedB, expectedA))
    expect(result.onlyInB.functions.items).toEqual([
      expect.objectContaining({ value: 'GET /images/branding/googlelogo/2x/googlelogo_light_color_272x92dp.png', count: 1 }),
    ])
    expect(result.onlyInA.apiUsers).toEqual({ total: 0, items: [] })
  })
})

describe('compareSources: API Users and Agent Users on one side only (JWT client against Proxyman fixtures)', () => {
  const golden = (name: string) =>
    JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')).entries as Array<Record<string, string | null>>

  function presenceFromGolden(a: string, b: string, field: string): { onlyA: Array<[string, number]>; onlyB: Array<[string, number]> } {
    const count = (entries: Array<Record<string, string | null>>) => {
      const map = new Map<string, number>()
      for (const e of entries) if (e[field] !== null) map.set(e[field] as string, (map.get(e[field] as string) ?? 0) + 1)
      return map
    }
    const [x, y] = [count(golden(a)), count(golden(b))]
    const only = (p: Map<string, number>, q: Map<string, number>) => [...p].filter(([k]) => !q.has(k)).sort()
    return { onlyA: only(x, y), onlyB: only(y, x) }
  }

  it('matches the users each importer golden file lists', async () => {
    const db = memoryDb()
    const a = await importInto(db, join(FIXTURES, 'jwt-bearer.har'))
    const b = await importInto(db, join(FIXTURES, 'proxyman.har'))
    const result = compareSources(db, { a, b })
    const pairs = (items: Array<{ value: string; count: number }>) => items.map((i): [string, number] => [i.value, i.count]).sort()
    for (const [field, key] of [['apiUser', 'apiUsers'], ['agentUser', 'agentUsers']] as const) {
      const expected = presenceFromGolden('jwt-bearer', 'proxyman', field)
      expect(pairs(result.onlyInA[key].items), field).toEqual(expected.onlyA)
      expect(pairs(result.onlyInB[key].items), field).toEqual(expected.onlyB)
    }
    // spelled out once, so an empty golden cannot make this pass
    expect(pairs(result.onlyInA.apiUsers.items)).toEqual([['ivr-bot@clients.acme.example', 1], ['reporting-cron', 1]])
    expect(pairs(result.onlyInB.agentUsers.items)).toEqual([['maria.lopez', 2]])
    expectCellFiltersMatch(db, result)
  })
})

describe.skipIf(!existsSync(SAMPLES))('compareSources on the shared samples', () => {
  it('mitmproxy Firefox capture against the Chrome capture', async () => {
    const pathA = join(SAMPLES, 'har/mitmproxy_firefox.har')
    const pathB = join(SAMPLES, 'har/mitmproxy_chrome.har')
    const { db, result, expectedA, expectedB } = await compareHars(pathA, pathB)
    expect(sortedEntries(resultMatrix(result, 'A'))).toEqual(sortedEntries(expectedA))
    expect(sortedEntries(resultMatrix(result, 'B'))).toEqual(sortedEntries(expectedB))
    expect([result.a.total, result.a.errors, result.b.total, result.b.errors]).toEqual([14, 0, 3, 1])
    expect(result.rows[0]).toMatchObject({ function: 'GET /', countA: 1, countB: 2, errorsB: 1, regression: 1 })
    expect(result.onlyInA.functions.total).toBe(onlyIn(expectedA, expectedB).length)
    expect(result.onlyInA.functions.items[0]).toEqual(expect.objectContaining({ value: 'GET /github-btn.html', count: 2 }))
    expectCellFiltersMatch(db, result)
  })

  it('apache_logs, 18 May against 19 May 2015, each day imported as its own source', async () => {
    const lines = readFileSync(join(SAMPLES, 'access-log/apache_logs'), 'utf8').split('\n').filter((l) => l !== '')
    const dir = tempDir()
    const day = (d: string) => lines.filter((l) => l.includes(`[${d}/May/2015:`))
    writeFileSync(join(dir, 'may18.log'), day('18').join('\n') + '\n')
    writeFileSync(join(dir, 'may19.log'), day('19').join('\n') + '\n')
    const db = memoryDb()
    const a = await importInto(db, join(dir, 'may18.log'))
    const b = await importInto(db, join(dir, 'may19.log'))
    const result = compareSources(db, { a, b, limit: 10_000 })

    // totals and errors straight from the lines: the status is the field after the quoted request
    const statusOf = (line: string) => Number(/" (\d{3}) /.exec(line)?.[1])
    const errors = (ls: string[]) => ls.filter((l) => statusOf(l) >= 400).length
    expect([result.a.total, result.a.errors]).toEqual([day('18').length, errors(day('18'))])
    expect([result.b.total, result.b.errors]).toEqual([day('19').length, errors(day('19'))])
    expect([result.a.total, result.b.total]).toEqual([2893, 2896])

    // one untemplated function checked against the raw lines
    const favicon = (ls: string[], error: boolean) =>
      ls.filter((l) => /"GET \/favicon\.ico(\?\S*)? HTTP/.test(l) && statusOf(l) >= 400 === error).length
    const row = result.rows.find((r) => r.function === 'GET /favicon.ico')!
    expect([row.cells.success.countA, row.cells.error.countA]).toEqual([favicon(day('18'), false), favicon(day('18'), true)])
    expect([row.cells.success.countB, row.cells.error.countB]).toEqual([favicon(day('19'), false), favicon(day('19'), true)])

    // the whole matrix against the rows read back one by one and tallied in JS
    const rowsOf = (id: number) => queryEntries(db, { filter: { sourceId: [id] }, limit: 10_000 }).rows
    expect(sortedEntries(resultMatrix(result, 'A'))).toEqual(sortedEntries(rowsMatrix(rowsOf(a))))
    expect(sortedEntries(resultMatrix(result, 'B'))).toEqual(sortedEntries(rowsMatrix(rowsOf(b))))
    expect(result.rows.length).toBe(result.functionCount)
    for (let i = 1; i < result.rows.length; i++) expect(result.rows[i - 1].regression).toBeGreaterThanOrEqual(result.rows[i].regression)
  })
})

describe('compareSources: ordering, limits and filters on constructed sources', () => {
  function records(spec: Array<[fn: string | null, result: ResultKind, times: number]>, tenant = 'acme'): EntryRecord[] {
    const out: EntryRecord[] = []
    for (const [fn, result, times] of spec) {
      for (let i = 0; i < times; i++) out.push({ position: out.length + 1, ts: out.length * 1000, function: fn, result, tenant, raw: 'x' })
    }
    return out
  }

  function build(db: Db) {
    const a = writeSource(db, records([
      ['X', 'success', 99], ['X', 'error', 1],
      ['Y', 'success', 10],
      ['V', 'success', 90], ['V', 'error', 10],
      ['W', 'success', 5], ['W', 'error', 5],
      ['gone', 'success', 3],
      [null, 'notice', 2],
    ]), 'yesterday.log')
    const b = writeSource(db, records([
      ['X', 'success', 50], ['X', 'error', 50],
      ['Y', 'success', 990], ['Y', 'error', 10],
      ['V', 'success', 180], ['V', 'error', 20],
      ['W', 'success', 10],
      ['Z', 'error', 5],
      [null, 'notice', 4],
    ]), 'today.log')
    return { a, b }
  }

  it('sorts by errors beyond the baseline rate: X (+49), Y (+10), Z (new, +5), then no change, then W', () => {
    const db = memoryDb()
    const { a, b } = build(db)
    const result = compareSources(db, { a, b })
    expect(result.rows.map((r) => [r.function, r.regression])).toEqual([
      ['X', 49],
      ['Y', 10],
      ['Z', 5],
      ['V', 0],
      [null, 0],
      ['gone', 0],
      ['W', -5],
    ])
    expect(result.rows.find((r) => r.function === 'Z')).toMatchObject({ errorRateA: null, errorRateB: 1, errorRateDelta: null })
    expect(result.onlyInB.functions.items.map((i) => [i.value, i.count])).toEqual([['Z', 5]])
    expect(result.onlyInA.functions.items.map((i) => [i.value, i.count])).toEqual([['gone', 3]])
    expectCellFiltersMatch(db, result)
  })

  it('returns at most `limit` rows but says how many functions there are', () => {
    const db = memoryDb()
    const { a, b } = build(db)
    const result = compareSources(db, { a, b, limit: 2 })
    expect(result.rows.map((r) => r.function)).toEqual(['X', 'Y'])
    expect(result.functionCount).toBe(7)
  })

  it('applies the filter to both sides and carries it in every cell filter (its sourceId ignored)', () => {
    const db = memoryDb()
    const { a, b } = build(db)
    writeSource(db, records([['X', 'error', 7]], 'globex'), 'other.log')
    const result = compareSources(db, { a, b, filter: { function: ['X', 'Z'], sourceId: [99] } })
    expect(result.rows.map((r) => r.function)).toEqual(['X', 'Z'])
    expect(result.a.total).toBe(100)
    expect(result.rows[0].cells.error.filterB).toEqual({ function: ['X'], result: ['error'], sourceId: [b] })
    expectCellFiltersMatch(db, result)
  })

  it('gives no cell filter for a result the request filter leaves out', () => {
    const db = memoryDb()
    const { a, b } = build(db)
    const result = compareSources(db, { a, b, filter: { result: ['error', 'notice'], function: ['X', 'W'] } })
    const x = result.rows.find((r) => r.function === 'X')!
    expect([x.countA, x.countB, x.cells.success.countA, x.cells.success.countB]).toEqual([1, 50, 0, 0])
    expect(x.cells.success.filter).toBeNull()
    expect(x.cells.error.filterA).toEqual({ function: ['X'], result: ['error'], sourceId: [a] })
    expect(x.filter).toEqual({ result: ['error', 'notice'], function: ['X'], sourceId: [a, b] })
    expectCellFiltersMatch(db, result)
  })

  it('refuses to compare a source with itself or with a missing source', async () => {
    const db = memoryDb()
    const { a } = build(db)
    expect(() => compareSources(db, { a, b: a })).toThrow(new QueryError('compare needs two different sources'))
    expect(() => compareSources(db, { a, b: 999 })).toThrow('source 999 not found')
    const backend = createBackend({ dbPath: ':memory:', workerPath: null })
    try {
      const { a: x } = build(backend.db)
      expect(await dispatch(backend.api, 'compareSources', { a: x, b: 999 })).toEqual({
        ok: false,
        error: { code: 'not-found', message: 'source 999 not found' },
      })
      const reply = await dispatch(backend.api, 'compareSources', { a: x, b: x + 1 })
      expect(reply.ok && (reply.value as CompareResult).rows[0].function).toBe('X')
    } finally {
      backend.close()
    }
  })
})
