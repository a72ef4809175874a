// Hold-out check: generated cases with a planted truth (never reached / rejected with a cause /
// caller side; or one anomaly of each finding kind), over seeds the hand-written scenarios never
// saw, must get that verdict and cause, or that finding (and none about the healthy callers).
import { describe, expect, it } from 'vitest'
import { findFindings } from '../../../src/main/triage/findings'
import { runTriage } from '../../../src/main/triage/run-triage'
import { plantedFinding } from '../helpers/findings-holdout'
import { memoryDb } from '../helpers/store'
import { holdoutCase, wallClock } from '../helpers/triage-holdout'
import { loadScenario, type LoadMode } from '../helpers/triage-scenarios'

async function check(seed: number, mode: LoadMode) {
  const c = holdoutCase(seed, mode === 'vicidial')
  const db = memoryDb()
  await loadScenario(db, c.scenario, mode, `holdout-${seed}`)
  const result = runTriage(db, c.request)
  return { truth: c.truth, got: result.cause ? { verdict: result.verdict, cause: result.cause } : { verdict: result.verdict }, request: c.request }
}

describe('hold-out: planted truth on generated logs', () => {
  it('converts a reported time into a zone wall clock', () => {
    expect(wallClock(Date.parse('2024-06-12T13:05:00Z'), 'America/New_York')).toBe('2024-06-12T09:05')
    expect(wallClock(Date.parse('2024-06-12T13:05:00Z'), '-03:00')).toBe('2024-06-12T10:05')
  })

  it('covers every verdict and cause across the seeds', () => {
    const seen = new Set(Array.from({ length: 60 }, (_, i) => { const t = holdoutCase(i + 1).truth; return `${t.verdict}/${t.cause ?? ''}` }))
    for (const key of ['caller_never_reached/', 'caller_side/', 'request_rejected/auth', 'request_rejected/bad_params', 'request_rejected/rate_limited',
      'request_rejected/not_found', 'request_rejected/server_error', 'request_rejected/other']) expect(seen).toContain(key)
  })

  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed} (store)`, async () => {
      const { truth, got, request } = await check(seed, 'store')
      expect(got, JSON.stringify(request)).toEqual(truth)
    })
  }

  for (const mode of ['ndjson', 'vicidial'] as const) {
    describe(`through the ${mode} importer`, () => {
      for (let seed = 101; seed <= 130; seed++) {
        it(`seed ${seed}`, async () => {
          const { truth, got, request } = await check(seed, mode)
          expect(got, JSON.stringify(request)).toEqual(truth)
        })
      }
    })
  }
})

describe('hold-out: planted findings on generated logs', () => {
  for (let seed = 1; seed <= 36; seed++) {
    it(`seed ${seed}`, async () => {
      const planted = plantedFinding(seed)
      const db = memoryDb()
      await loadScenario(db, planted.scenario, 'store', `findings-${seed}`)
      const findings = findFindings(db)
      const summary = findings.map((f) => `${f.kind}: ${f.subject}`)
      expect(summary, planted.kind).toContain(`${planted.kind}: ${planted.subject}`)
      for (const name of planted.healthy) expect(summary.filter((s) => s.includes(name)), name).toEqual([])
    })
  }
})
