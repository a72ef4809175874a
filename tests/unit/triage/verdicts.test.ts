// Every leaf of the flowchart on scenario logs, in every log format that can carry the scenario:
// straight into the store, and as real VICIdial / NDJSON files through the import pipeline once
// those importers are in place.
import { describe, expect, it } from 'vitest'
import { runTriage } from '../../../src/main/triage/run-triage'
import type { TriageRequest, TriageResult } from '../../../src/shared/triage-types'
import { memoryDb } from '../helpers/store'
import { loadScenario, type LoadMode } from '../helpers/triage-scenarios'
import * as worlds from '../helpers/triage-worlds'

const MODES: LoadMode[] = ['store', 'vicidial', 'ndjson']

async function triage(world: worlds.World, mode: LoadMode, request: TriageRequest): Promise<TriageResult> {
  const db = memoryDb()
  await loadScenario(db, world.scenario, mode)
  return runTriage(db, request)
}

const api = (value: string) => ({ kind: 'apiUser' as const, value })

for (const mode of MODES) {
  describe(`triage verdicts (${mode})`, () => {
    // skipped where the log format cannot carry the scenario (VICIdial's report has no HTTP status,
    // so 429s and 5xx come only through the store and NDJSON runs)
    const when = (world: worlds.World) => (world.modes.includes(mode) ? it : it.skip)

    const credential = worlds.credentialChange()
    when(credential)('G: a changed password is a rejected request with cause auth', async () => {
      const r = await triage(credential, mode, { caller: api('crmsync'), at: '2024-05-01T10:20', timeZone: 'America/New_York' })
      expect(r.window).toMatchObject({ from: '2024-05-01T13:50:00.000Z', to: '2024-05-01T14:50:00.000Z', timeZone: 'America/New_York' })
      expect([r.verdict, r.cause, r.leaf]).toEqual(['request_rejected', 'auth', 'G'])
      expect(r.evidence.counts).toEqual({ total: 20, success: 5, error: 15, notice: 0 })
      expect(r.evidence.lastSuccess?.ts).toBe('2024-05-01T14:03:00.000Z')
      expect(r.evidence.firstFailure?.ts).toBe('2024-05-01T14:06:00.000Z')
      expect(r.evidence.topErrors.map((e) => [e.message, e.cause, e.count])).toEqual([['Invalid Username/Password', 'auth', 15]])
      expect(r.evidence.otherTraffic.error).toBe(6)
      expect(r.confidence).toBe(0.95)
      expect(r.nextSteps[0]).toContain('API user crmsync')
      expect(r.nextSteps[0]).toContain('2024-05-01 14:06 UTC (10:06 America/New_York)')
      expect(r.steps.map((s) => [s.id, s.outcome])).toEqual([['B', 'n/a'], ['C', 'yes'], ['E', 'n/a'], ['F', 'yes'], ['G', 'n/a']])
      const f = r.steps[3]
      expect(f.filter).toEqual({ apiUser: ['crmsync'], from: '2024-05-01T13:50:00.000Z', to: '2024-05-01T14:50:00.000Z', result: ['error'] })
      expect(f.counts.error).toBe(15)
      if (mode !== 'vicidial') {
        const pass = r.evidence.diff?.changes.find((c) => c.field === 'query.pass')
        expect(pass).toEqual({ field: 'query.pass', before: '[hidden]', after: '[hidden, changed]', secret: true, variesNormally: false })
        expect(r.evidence.diff?.changes.find((c) => c.field === 'query.lead_id')?.variesNormally).toBe(true)
        expect(JSON.stringify(r)).not.toMatch(/Spring2024|Winter2023/)
      }
    })

    const silent = worlds.silentCaller()
    when(silent)('D: a caller silent in the window but present before and after never reached us', async () => {
      const r = await triage(silent, mode, { caller: api('leadimport'), at: '2024-05-01T02:30Z' })
      expect([r.verdict, r.cause, r.leaf]).toEqual(['caller_never_reached', undefined, 'D'])
      expect(r.evidence.counts.total).toBe(0)
      expect(r.evidence.lastSeenBefore?.ts).toBe('2024-05-01T01:58:00.000Z')
      expect(r.evidence.firstSeenAfter?.ts).toBe('2024-05-01T03:00:00.000Z')
      expect(r.evidence.baseline).toMatchObject({ basis: 'before', count: 60, ratePerHour: 30, expectedInWindow: 30 })
      expect(r.evidence.otherTraffic).toMatchObject({ error: 10, callers: 3 })
      expect(r.confidence).toBe(0.95)
      expect(r.nextSteps.join('\n')).toContain('Other callers were served normally in this window')
      expect(r.steps.map((s) => [s.id, s.outcome])).toEqual([['B', 'n/a'], ['C', 'no'], ['D', 'n/a']])
      expect(r.steps[1].filter).toEqual({ apiUser: ['leadimport'], from: '2024-05-01T01:58:00.000Z', to: '2024-05-01T03:00:00.001Z' })
      expect(r.steps[1].counts.total).toBe(2)
    })

    const healthy = worlds.healthyCaller()
    when(healthy)('H: all successes while other callers fail puts the problem on the caller side', async () => {
      const r = await triage(healthy, mode, { caller: api('leadimport'), at: '2024-05-01T05:30Z' })
      expect([r.verdict, r.cause, r.leaf]).toEqual(['caller_side', undefined, 'H'])
      expect(r.evidence.counts).toEqual({ total: 30, success: 30, error: 0, notice: 0 })
      expect(r.evidence.otherTraffic.error).toBe(20)
      expect(r.steps.map((s) => [s.id, s.outcome])).toEqual([['B', 'n/a'], ['C', 'yes'], ['E', 'n/a'], ['F', 'no'], ['H', 'n/a']])
      expect(r.steps[4].filter.result).toEqual(['success'])
      expect(r.confidence).toBe(0.9)
    })

    const mixed = worlds.mixedResults()
    when(mixed)('a mix of successes and sporadic errors is rejected with low confidence', async () => {
      const r = await triage(mixed, mode, { caller: api('syncer'), at: '2024-05-01T12:00Z' })
      expect([r.verdict, r.cause]).toEqual(['request_rejected', 'not_found'])
      expect(r.evidence.counts).toEqual({ total: 30, success: 27, error: 3, notice: 0 })
      expect(r.evidence.topErrors).toHaveLength(1)
      expect(r.evidence.topErrors[0]).toMatchObject({ message: 'lead_all_info LEAD NOT FOUND 90171', count: 3 })
      expect(r.confidence).toBeLessThan(0.6)
      expect(r.nextSteps.join('\n')).toContain('succeeded again')
    })

    const zone = worlds.failureInCustomerZone()
    when(zone)('a report time in the customer\'s zone (09:05 America/New_York) finds the failure at 13:05 UTC', async () => {
      const r = await triage(zone, mode, { caller: api('crmsync'), at: '2024-05-01T09:05', timeZone: 'America/New_York' })
      expect(r.window.from).toBe('2024-05-01T12:35:00.000Z')
      expect(r.window.description).toContain('09:05 America/New_York (13:05 UTC)')
      expect([r.verdict, r.cause]).toEqual(['request_rejected', 'auth'])
      const utc = await triage(zone, mode, { caller: api('crmsync'), at: '2024-05-01T09:05' })
      expect(utc.verdict).toBe('caller_side')
    })

    const agent = worlds.agentNotLoggedIn()
    when(agent)('an agent user caller: its actions fail because the agent is not logged in', async () => {
      const r = await triage(agent, mode, { caller: { kind: 'agentUser', value: '1007' }, function: 'external_pause', at: '2024-05-01T11:30Z' })
      expect([r.verdict, r.cause]).toEqual(['request_rejected', 'not_found'])
      expect(r.steps[1].filter).toMatchObject({ agentUser: ['1007'], function: ['external_pause'] })
      expect(r.evidence.firstFailure?.ts).toBe('2024-05-01T11:00:00.000Z')
    })

    const nightly = worlds.nightlyJobMissing()
    when(nightly)('a nightly job that did not run is measured against the night before', async () => {
      const r = await triage(nightly, mode, { caller: api('nightly'), at: '2024-05-03T01:10Z' })
      expect(r.verdict).toBe('caller_never_reached')
      expect(r.evidence.baseline).toMatchObject({ basis: 'day_before', count: 20, expectedInWindow: 20 })
      const midday = await triage(nightly, mode, { caller: api('nightly'), at: '2024-05-01T12:00Z' })
      expect(midday.verdict).toBe('inconclusive')
      expect(midday.leaf).toBeNull()
      expect(midday.confidenceReason).toContain('an empty window is not evidence')
    })

    const notices = worlds.noticesOnly()
    when(notices)('notices only: inconclusive, the walk stops at F', async () => {
      const r = await triage(notices, mode, { caller: api('sweeper'), at: '2024-05-01T11:00Z' })
      expect([r.verdict, r.leaf]).toEqual(['inconclusive', null])
      expect(r.steps.map((s) => [s.id, s.outcome])).toEqual([['B', 'n/a'], ['C', 'yes'], ['E', 'n/a'], ['F', 'n/a']])
    })

    const tenant = worlds.oneTenantFails()
    when(tenant)('errors for one tenant only: auth, confined to tenant acme', async () => {
      const r = await triage(tenant, mode, { caller: api('gateway-client'), at: '2024-05-01T15:00Z' })
      expect([r.verdict, r.cause]).toEqual(['request_rejected', 'auth'])
      expect(r.evidence.errorScope).toEqual({ field: 'tenant', value: 'acme', errors: 15, otherSuccesses: 15 })
      expect(r.fixHint).toContain('token is not recognised')
      expect(r.nextSteps.join('\n')).toContain('Only tenant acme fails')
    })

    const retried = worlds.retriedRequest()
    when(retried)('failures that are retries of one request count as one request', async () => {
      const r = await triage(retried, mode, { caller: api('importer'), at: '2024-05-01T10:00Z' })
      expect([r.verdict, r.cause]).toEqual(['request_rejected', 'bad_params'])
      expect(r.evidence.retries).toEqual({ failures: 6, distinctRequests: 1 })
      expect(r.evidence.topErrors[0]).toMatchObject({ count: 6, distinctRequests: 1 })
      expect(r.confidenceReason).toContain('one request retried')
      expect(r.nextSteps.join('\n')).toContain('same request retried')
    })
  })
}
