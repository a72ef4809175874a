// The bundled demo log (resources/samples/vicidial-api-log-demo.csv) through the real VICIdial
// importer: a password change for API user crmsync at 14:05 and leadimport silent 02:00–03:00.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findFindings, runTriage } from '../../../src/main/triage'
import { importIntoMemory } from '../helpers/store'

const DEMO = join(__dirname, '../../../resources/samples/vicidial-api-log-demo.csv')

describe('the bundled demo log', () => {
  it('tells the credential change and the silent caller apart, with the evidence rows', async () => {
    const { db } = await importIntoMemory(DEMO)
    const crmsync = runTriage(db, { caller: { kind: 'apiUser', value: 'crmsync' }, at: '2024-03-12T10:15', timeZone: 'America/New_York' })
    expect([crmsync.verdict, crmsync.cause]).toEqual(['request_rejected', 'auth'])
    expect(crmsync.evidence.lastSuccess?.ts).toBe('2024-03-12T14:04:34.000Z')
    expect(crmsync.evidence.firstFailure?.ts).toBe('2024-03-12T14:07:48.000Z')
    expect(crmsync.evidence.topErrors[0]).toMatchObject({ message: 'Invalid Username/Password', cause: 'auth' })
    expect(crmsync.nextSteps[0]).toContain('(10:07 America/New_York)')
    const leadimport = runTriage(db, { caller: { kind: 'apiUser', value: 'leadimport' }, at: '2024-03-12T02:30Z' })
    expect(leadimport.verdict).toBe('caller_never_reached')
    expect(leadimport.evidence.lastSeenBefore?.ts).toBe('2024-03-12T01:59:47.000Z')
    expect(leadimport.evidence.firstSeenAfter?.ts).toBe('2024-03-12T03:00:03.000Z')
    const findings = findFindings(db).map((f) => `${f.kind}: ${f.subject} @ ${f.from}`)
    expect(findings).toContain('caller_silent: API user leadimport @ 2024-03-12T01:59:47.000Z')
    expect(findings).toContain('error_rate_spike: API user crmsync @ 2024-03-12T14:00:00.000Z')
    expect(findings).toContain('repeated_failures: update_lead by API user crmsync @ 2024-03-12T14:07:48.000Z')
  })
})
