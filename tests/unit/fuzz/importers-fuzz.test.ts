// Property-based fuzzing of every importer through the real pipeline (importFile into a memory
// store): random bytes, random text, random JSON and mutated real logs, forced to each format and
// auto-detected. Every case must end in a clean rejection or an import whose problems are typed,
// positioned errors: never an exception, a crash caught by the pipeline, a stack overflow or a hang.
// Seeds: see seeds.ts (a fixed one, a printed random one, FUZZ_SEED=… to replay).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../src/main/importers/run-import'
import { openDb } from '../../../src/main/store/db'
import { SOURCE_FORMATS, type ImportFileResult, type SourceFormat } from '../../../src/shared/types'
import { tempDir } from '../helpers/store'
import { hostileCorpus } from '../hostile/corpus'
import { mutatedFile, randomFile, randomJsonFile } from './mutate'
import { fuzzRuns, fuzzSeeds } from './seeds'

const FIXTURES = join(__dirname, '../../fixtures')
/** One import of a few KB never takes this long; a case that does counts as a hang. */
const CASE_TIMEOUT_MS = 5_000
const SEED_BYTES = 6 * 1024

/** Valid logs of a format to mutate: its hostile file and the start of a few golden fixtures. */
function seedFiles(format: SourceFormat): Buffer[] {
  const hostile = Object.values(hostileCorpus()[format]).map((text) => Buffer.from(text).subarray(0, SEED_BYTES))
  const dir = join(FIXTURES, format)
  const golden = readdirSync(dir)
    .filter((f) => !/\.(md|json)$/.test(f) || (format === 'json' && f.endsWith('.json') && !f.endsWith('.expected.json') && !f.endsWith('.options.json')))
    .filter((f) => !f.endsWith('.expected.json') && !f.endsWith('.options.json') && !f.endsWith('.md'))
    .sort()
    .slice(0, 4)
    .map((f) => readFileSync(join(dir, f)).subarray(0, SEED_BYTES))
  return [...hostile, ...golden]
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`import did not finish within ${ms} ms (a hang)`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

const CRASH_SIGNS = /Maximum call stack|\n\s+at |Cannot read propert|is not a function|is not iterable|undefined is not|of undefined|of null|Invalid string length|out of memory/i

/** What every import must satisfy, whatever the input. */
function checkResult(result: ImportFileResult, stored: { entries: number; sources: number }): void {
  if (result.failure !== null) {
    expect(result.failure.trim()).not.toBe('')
    expect(result.failure).not.toMatch(CRASH_SIGNS)
    // the pipeline's catch-all ("import failed: …") means an importer threw something unexpected
    expect(result.failure).not.toMatch(/^import failed:/)
    expect(result.sourceId).toBeNull()
    expect(result.imported).toBe(0)
    expect(stored).toEqual({ entries: 0, sources: 0 })
  } else {
    expect(result.sourceId).toEqual(expect.any(Number))
    expect(result.imported).toBeGreaterThan(0)
    expect(stored).toEqual({ entries: result.imported, sources: 1 })
  }
  expect(result.errorCount).toBeGreaterThanOrEqual(result.errors.length)
  for (const error of result.errors) {
    expect(Number.isInteger(error.position) && error.position >= 0, JSON.stringify(error)).toBe(true)
    expect(typeof error.message === 'string' && error.message.trim() !== '', JSON.stringify(error)).toBe(true)
    expect(error.message).not.toMatch(CRASH_SIGNS)
  }
}

function fuzzImport(format: SourceFormat | undefined) {
  const dir = tempDir('apilog-fuzz-')
  const path = join(dir, 'input.log')
  return async (bytes: Buffer) => {
    writeFileSync(path, bytes)
    const db = openDb(':memory:')
    try {
      const started = Date.now()
      const result = await withTimeout(importFile(db, { path }, { format, force: true }), CASE_TIMEOUT_MS)
      expect(Date.now() - started, 'a slow case (possible catastrophic backtracking)').toBeLessThan(CASE_TIMEOUT_MS)
      const entries = (db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n
      const sources = (db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n
      checkResult(result, { entries, sources })
    } finally {
      db.close()
    }
  }
}

async function assertProperty(arbitrary: fc.Arbitrary<Buffer>, run: (bytes: Buffer) => Promise<void>, numRuns: number) {
  for (const seed of fuzzSeeds()) {
    await fc.assert(fc.asyncProperty(arbitrary, run), { seed, numRuns: fuzzRuns(numRuns), endOnFailure: true })
  }
}

describe('importer fuzzing', () => {
  for (const format of SOURCE_FORMATS) {
    it(`${format}: mutated real logs`, async () => {
      await assertProperty(mutatedFile(seedFiles(format)), fuzzImport(format), 60)
    }, 120_000)

    it(`${format}: random bytes, text and JSON`, async () => {
      await assertProperty(fc.oneof(randomFile, randomJsonFile), fuzzImport(format), 30)
    }, 120_000)
  }

  it('auto-detection over mutated logs of every format and random input', async () => {
    const seeds = SOURCE_FORMATS.flatMap((format) => seedFiles(format))
    await assertProperty(fc.oneof(mutatedFile(seeds), randomFile, randomJsonFile), fuzzImport(undefined), 80)
  }, 120_000)
})
