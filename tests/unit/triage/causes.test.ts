// Each cause class reached through a whole triage, and the inconclusive answers (a caller with no
// history, a function it never calls, a window outside the log, a sparse caller with a last-good time).
import { describe, expect, it } from 'vitest'
import { runTriage } from '../../../src/main/triage/run-triage'
import type { TriageRequest } from '../../../src/shared/triage-types'
import { memoryDb } from '../helpers/store'
import { at, loadScenario, MINUTE, Scenario } from '../helpers/triage-scenarios'
import * as worlds from '../helpers/triage-worlds'

async function triage(world: worlds.World, request: Omit<TriageRequest, 'caller'> & { caller?: TriageRequest['caller'] }) {
  const db = memoryDb()
  await loadScenario(db, world.scenario)
  return runTriage(db, { caller: { kind: 'apiUser', value: 'client' }, ...request })
}

describe('causes', () => {
  const CAUSES: Array<[string, worlds.World, string, RegExp]> = [
    ['429 → rate_limited', worlds.failingWith(429, 'Too Many Requests'), 'rate_limited', /honour Retry-After/],
    ['503 → server_error', worlds.failingWith(503, 'Service Unavailable'), 'server_error', /API or a system behind it failed/],
    ['404 → not_found', worlds.failingWith(404, null), 'not_found', /wrong URL or path/],
    ['no response → other', worlds.failingWith(0, null), 'other', /network failure/],
    ['422 → bad_params', worlds.failingWith(422, 'phone must have 10 digits'), 'bad_params', /parameters, body or method/],
    ['Salesforce REQUIRED_FIELD_MISSING in the body → bad_params', worlds.failingWith(400, null, { responseBody: '[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING"}]' }), 'bad_params', /Salesforce rejected a field/],
    ['QuickBooks AuthenticationFault → auth', worlds.failingWith(401, null, { responseBody: '{"Fault":{"Error":[{"Message":"message=AuthenticationFailed; errorCode=003200"}],"type":"AuthenticationFault"}}' }), 'auth', /reconnect the app/],
    ['Workato 4012 → auth', worlds.failingWith(401, 'Missing token', { errorCode: '4012' }), 'auth', /No token was sent/],
  ]
  for (const [name, world, cause, hint] of CAUSES) {
    it(name, async () => {
      const r = await triage(world, { at: '2024-05-01T11:00Z' })
      expect([r.verdict, r.cause, r.leaf]).toEqual(['request_rejected', cause, 'G'])
      expect(r.fixHint).toMatch(hint)
      expect(r.evidence.firstFailure?.ts).toBe('2024-05-01T10:30:00.000Z')
      expect(r.evidence.lastSuccess?.ts).toBe('2024-05-01T10:28:00.000Z')
      expect(r.headline).toContain('failing since 2024-05-01 10:30 UTC')
    })
  }
})

describe('inconclusive', () => {
  const world = worlds.credentialChange()

  it('a caller with no history: check the name (with similar names), the zone and the log span', async () => {
    const r = await triage(world, { caller: { kind: 'apiUser', value: 'crmsyn' }, at: '2024-05-01T10:00Z' })
    expect([r.verdict, r.leaf, r.confidence]).toEqual(['inconclusive', null, 0])
    expect(r.evidence.history.total).toBe(0)
    expect(r.steps.map((s) => [s.id, s.outcome])).toEqual([['B', 'n/a'], ['C', 'no']])
    expect(r.nextSteps[0]).toBe('Check the caller name: there is no API user "crmsyn" in this log (similar names: crmsync).')
    expect(r.nextSteps[1]).toContain('time zone')
    expect(r.nextSteps[2]).toContain('it spans 2024-05-01 00:00 UTC to')
  })

  it('a function the caller never calls: check the function name', async () => {
    const r = await triage(world, { caller: { kind: 'apiUser', value: 'crmsync' }, function: 'add_lead', at: '2024-05-01T15:00Z' })
    expect(r.verdict).toBe('inconclusive')
    expect(r.nextSteps[0]).toBe('Check the function name: API user crmsync is in the log but never calls add_lead (it calls update_lead).')
  })

  it('a window outside the log', async () => {
    const r = await triage(world, { caller: { kind: 'apiUser', value: 'crmsync' }, at: '2024-06-01T10:00Z' })
    expect(r.verdict).toBe('inconclusive')
    expect(r.confidenceReason).toBe('The window lies outside the time span of the log.')
    expect(r.steps[0].answer).toContain('The window is outside the log.')
  })

  it('a caller that sends too rarely, until a recent last-good time says how much to expect', async () => {
    const s = worlds.background(new Scenario())
    s.every(at('08:00'), at('09:00'), 5 * MINUTE, () => ({ apiUser: 'pinger', function: 'version', result: 'success', statusCode: 200 }))
    const sparse: worlds.World = { scenario: s, modes: ['store'] }
    const r = await triage(sparse, { caller: { kind: 'apiUser', value: 'pinger' }, at: '2024-05-01T12:00Z' })
    expect(r.verdict).toBe('inconclusive')
    expect(r.evidence.baseline).toMatchObject({ basis: 'before', count: 12 })
    expect(r.nextSteps[0]).toContain('last-good time')
    const withLastGood = await triage(sparse, { caller: { kind: 'apiUser', value: 'pinger' }, at: '2024-05-01T12:00Z', lastGood: '2024-05-01T08:30Z' })
    expect(withLastGood.verdict).toBe('caller_never_reached')
    expect(withLastGood.evidence.baseline).toMatchObject({ basis: 'last_good', count: 12, expectedInWindow: 12 })
  })
})
