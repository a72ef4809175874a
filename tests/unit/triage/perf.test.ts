// Findings and triage over a million entries (run with TRIAGE_PERF=1; the store is cached in the
// temp directory between runs). Prints timings; fails only past generous limits.
import { existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/store/db'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { findFindings } from '../../../src/main/triage/findings'
import { runTriage } from '../../../src/main/triage/run-triage'
import { pick, rng, writeSource } from '../helpers/generated-store'

const ENTRIES = 1_000_000
const PATH = join(tmpdir(), 'apilog-triage-perf', `${ENTRIES}.sqlite`)

/** A week of traffic from 40 API users over 30 functions and 3 tenants, 5% errors. */
function fill(path: string): void {
  const db = openDb(path)
  const random = rng(5)
  const users = Array.from({ length: 40 }, (_, i) => `user${i}`)
  const fns = Array.from({ length: 30 }, (_, i) => `fn${i}`)
  const base = Date.UTC(2024, 4, 1)
  let batch: EntryRecord[] = []
  for (let i = 0; i < ENTRIES; i++) {
    const status = random() < 0.05 ? pick(random, [400, 401, 404, 429, 500]) : 200
    batch.push({
      position: i + 1, ts: base + Math.floor((i / ENTRIES) * 7 * 86_400_000), apiUser: pick(random, users), function: pick(random, fns),
      tenant: pick(random, ['a', 'b', 'c']), result: status < 400 ? 'success' : 'error', statusCode: status,
      durationMs: Math.round(random() * 500), url: `https://x.example/${i % 1000}`, raw: 'r',
    })
    if (batch.length === 200_000) {
      writeSource(db, batch, `part-${i}`)
      batch = []
    }
  }
  db.close()
}

describe.skipIf(!process.env.TRIAGE_PERF)('triage at scale', () => {
  it(`findings and triage over ${ENTRIES} entries`, () => {
    mkdirSync(join(tmpdir(), 'apilog-triage-perf'), { recursive: true })
    if (!existsSync(PATH)) fill(PATH)
    const db = openDb(PATH)
    try {
      let t = Date.now()
      const findings = findFindings(db)
      const findingsMs = Date.now() - t
      t = Date.now()
      runTriage(db, { caller: { kind: 'apiUser', value: 'user3' }, at: '2024-05-04T12:00Z' })
      const triageMs = Date.now() - t
      t = Date.now()
      runTriage(db, { caller: { kind: 'apiUser', value: 'user3' }, from: '2024-05-01T00:00Z', to: '2024-05-08T00:00Z' })
      const weekMs = Date.now() - t
      process.stdout.write(`findings ${findingsMs} ms (${findings.length}), triage ${triageMs} ms, week-long triage ${weekMs} ms\n`)
      expect(findings).toEqual([])
      expect(findingsMs).toBeLessThan(60_000)
      expect(triageMs).toBeLessThan(10_000)
    } finally {
      db.close()
    }
  }, 900_000)
})
