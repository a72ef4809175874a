// Every finding kind on a scenario log where it was planted, with its numbers and example entries,
// and no findings on healthy traffic.
import { describe, expect, it } from 'vitest'
import { queryEntries } from '../../../src/main/query/entries-query'
import type { Db } from '../../../src/main/store/db'
import { findFindings } from '../../../src/main/triage/findings'
import type { Finding, FindingKind } from '../../../src/shared/triage-types'
import { memoryDb } from '../helpers/store'
import { loadScenario, type LoadMode } from '../helpers/triage-scenarios'
import * as worlds from '../helpers/triage-worlds'

async function findingsOf(world: worlds.World, mode: LoadMode = 'store'): Promise<{ db: Db; findings: Finding[] }> {
  const db = memoryDb()
  await loadScenario(db, world.scenario, mode)
  return { db, findings: findFindings(db) }
}

function only(findings: Finding[], kind: FindingKind, subject: string): Finding {
  const matching = findings.filter((f) => f.kind === kind && f.subject === subject)
  expect(matching, `${kind} ${subject} in ${findings.map((f) => `${f.kind}:${f.subject}`).join(', ')}`).toHaveLength(1)
  return matching[0]
}

/** The example ids are rows the finding's filter shows. */
function expectExamplesInFilter(db: Db, finding: Finding): void {
  const ids = queryEntries(db, { filter: finding.filter, limit: 10_000 }).rows.map((r) => r.id)
  expect(finding.exampleIds.length).toBeGreaterThan(0)
  for (const id of finding.exampleIds) expect(ids).toContain(id)
}

describe('findFindings', () => {
  it('error_rate_spike and repeated_failures after a credential change', async () => {
    const { db, findings } = await findingsOf(worlds.credentialChange())
    const spike = only(findings, 'error_rate_spike', 'API user crmsync')
    expect(spike).toMatchObject({ from: '2024-05-01T14:00:00.000Z', to: '2024-05-01T18:00:00.000Z' })
    expect(spike.metrics).toEqual({ requests: 80, errors: 78, errorRate: 0.98, baselineErrorRate: 0, baselineRequests: 120, hours: 4 })
    expect(spike.summary).toBe('Error rate of API user crmsync rose to 98% (78 of 80) in 2024-05-01 14:00–18:00 UTC, against 0% of 120 requests before.')
    expect(only(findings, 'error_rate_spike', 'function update_lead').metrics.errors).toBe(84)
    const repeated = only(findings, 'repeated_failures', 'update_lead by API user crmsync')
    expect(repeated).toMatchObject({ from: '2024-05-01T14:06:00.000Z', metrics: { failures: 78, hours: 4, maxPerHour: 20 } })
    expect(repeated.summary).toContain('"Invalid Username/Password" (authentication or permission)')
    for (const f of [spike, repeated]) expectExamplesInFilter(db, f)
    expect(findings.filter((f) => f.kind === 'caller_silent')).toEqual([])
  })

  it('caller_silent for a caller silent 02:00–03:00 while others are served', async () => {
    const { db, findings } = await findingsOf(worlds.silentCaller())
    const silent = only(findings, 'caller_silent', 'API user leadimport')
    expect(silent).toMatchObject({ from: '2024-05-01T01:58:00.000Z', to: '2024-05-01T03:00:00.000Z' })
    expect(silent.metrics).toEqual({ gapMinutes: 62, ratePerHour: 30, expected: 31, othersDuringGap: 31, resumed: 1 })
    expect(silent.filter).toEqual({ apiUser: ['leadimport'], from: '2024-05-01T01:58:00.000Z', to: '2024-05-01T03:00:00.001Z' })
    expectExamplesInFilter(db, silent)
  })

  it('caller_silent for a caller that stops for good, not for routine office hours', async () => {
    const { findings } = await findingsOf(worlds.stoppedForGood())
    const silent = findings.filter((f) => f.kind === 'caller_silent')
    expect(silent.map((f) => [f.subject, f.from, f.metrics.resumed])).toEqual([['API user feeder', '2024-05-02T09:55:00.000Z', 0]])
  })

  it('latency_degradation before the errors it announces', async () => {
    const { db, findings } = await findingsOf(worlds.slowThenFailing())
    const slow = only(findings, 'latency_degradation', 'function POST /v1/quotes')
    expect(slow).toMatchObject({ from: '2024-05-01T12:00:00.000Z', to: '2024-05-01T13:00:00.000Z' })
    expect(slow.metrics).toMatchObject({ baselineP95: 120, errorsDuring: 0, errorsNextHour: 30, samples: 60, hours: 1 })
    expect(slow.metrics.p95).toBeGreaterThanOrEqual(2000)
    expect(slow.summary).toContain('30 errors followed in the next hour')
    expectExamplesInFilter(db, slow)
    expect(only(findings, 'error_rate_spike', 'function POST /v1/quotes').from).toBe('2024-05-01T13:00:00.000Z')
  })

  it('auth_error_cluster for four API users starting auth failures within an hour, not the lone one', async () => {
    const { db, findings } = await findingsOf(worlds.platformAuthChange())
    const clusters = findings.filter((f) => f.kind === 'auth_error_cluster')
    expect(clusters).toHaveLength(1)
    expect(clusters[0].subject).toBe('4 API users: sync-a, sync-b, sync-c, sync-d')
    expect(clusters[0].filter.apiUser).toEqual(['sync-a', 'sync-b', 'sync-c', 'sync-d'])
    expect(clusters[0]).toMatchObject({ from: '2024-05-01T15:06:30.000Z', metrics: { users: 4 } })
    expectExamplesInFilter(db, clusters[0])
  })

  it('rate_limit_burst for one tenant, not for its usual single 429 an hour', async () => {
    const { db, findings } = await findingsOf(worlds.rateLimitBurst())
    const bursts = findings.filter((f) => f.kind === 'rate_limit_burst')
    expect(bursts.map((f) => [f.subject, f.from, f.metrics.rateLimited])).toEqual([['tenant acme', '2024-05-01T16:00:00.000Z', 30]])
    expect(bursts[0].filter).toMatchObject({ tenant: ['acme'], statusCode: ['429'], result: ['error'] })
    expectExamplesInFilter(db, bursts[0])
  })

  it('finds nothing in healthy traffic with a steady error rate', async () => {
    expect((await findingsOf(worlds.quietDay())).findings).toEqual([])
  })

  it('limits the search to a range and to sources', async () => {
    const db = memoryDb()
    const a = await loadScenario(db, worlds.credentialChange().scenario, 'store', 'a')
    const b = await loadScenario(db, worlds.silentCaller().scenario, 'store', 'b')
    const silent = (sourceId?: number[]) => findFindings(db, { sourceId }).filter((f) => f.kind === 'caller_silent').map((f) => f.subject)
    // source a's leadimport fills source b's gap; together, b's early crmsync burst precedes a's day
    expect([silent(), silent([a]), silent([b])]).toEqual([['API user crmsync'], [], ['API user leadimport']])
    const early = findFindings(db, { sourceId: [b], from: '2024-05-01T00:00Z', to: '2024-05-01T06:00Z' })
    expect(early.map((f) => f.kind).sort()).toEqual(['caller_silent', 'repeated_failures'])
    expect(findFindings(db, { sourceId: [a], from: '2024-05-01T00:00Z', to: '2024-05-01T06:00Z' })).toEqual([])
    expect(() => findFindings(db, { from: 'yesterday' })).toThrow(/from: not a valid time/)
  })
})

describe('findings on a real VICIdial API Log Report', () => {
  it('finds the silent caller and the credential change', async () => {
    expect(only((await findingsOf(worlds.silentCaller(), 'vicidial')).findings, 'caller_silent', 'API user leadimport').metrics.gapMinutes).toBe(62)
    expect(only((await findingsOf(worlds.credentialChange(), 'vicidial')).findings, 'error_rate_spike', 'API user crmsync').metrics.errors).toBe(78)
  })
})
