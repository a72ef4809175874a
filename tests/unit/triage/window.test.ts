// The reported time (possibly in the customer's zone) → the UTC window searched; and requests that
// cannot be answered as given.
import { describe, expect, it } from 'vitest'
import { runTriage } from '../../../src/main/triage/run-triage'
import { resolveWindow, TriageInputError } from '../../../src/main/triage/window'
import type { TriageRequest } from '../../../src/shared/triage-types'
import { memoryDb } from '../helpers/store'

const caller = { kind: 'apiUser' as const, value: 'crmsync' }
const windowOf = (request: Partial<TriageRequest>) => resolveWindow({ caller, ...request }).window

describe('resolveWindow', () => {
  it('reads a time without offset in the customer zone, with daylight saving', () => {
    expect(windowOf({ at: '2024-05-01T09:05', timeZone: 'America/New_York' })).toMatchObject({
      from: '2024-05-01T12:35:00.000Z', to: '2024-05-01T13:35:00.000Z', reportedAt: '2024-05-01T13:05:00.000Z',
      timeZone: 'America/New_York', toleranceMinutes: 30,
    })
    expect(windowOf({ at: '2024-01-15 09:05', timeZone: 'America/New_York' }).reportedAt).toBe('2024-01-15T14:05:00.000Z')
    expect(windowOf({ at: '2024-05-01T18:35', timeZone: '+05:30' }).reportedAt).toBe('2024-05-01T13:05:00.000Z')
  })

  it('lets an explicit offset win over the zone, and defaults to UTC', () => {
    expect(windowOf({ at: '2024-05-01T09:05+02:00', timeZone: 'America/New_York' }).reportedAt).toBe('2024-05-01T07:05:00.000Z')
    expect(windowOf({ at: '2024-05-01T09:05' }).reportedAt).toBe('2024-05-01T09:05:00.000Z')
  })

  it('says in words which UTC window was searched', () => {
    expect(windowOf({ at: '2024-05-01T09:05', timeZone: 'America/New_York', toleranceMinutes: 15 }).description).toBe(
      'Searched 2024-05-01 12:50–13:20 UTC: the reported 09:05 America/New_York (13:05 UTC) ± 15 minutes.',
    )
    expect(windowOf({ from: '2024-05-01T23:30Z', to: '2024-05-02T00:30Z' }).description).toBe(
      'Searched 2024-05-01 23:30 UTC – 2024-05-02 00:30 UTC: the reported window.',
    )
  })

  it('uses a from/to window as given, widened only by an explicit tolerance', () => {
    expect(windowOf({ from: '2024-05-01T10:00', to: '2024-05-01T11:00', timeZone: 'Europe/Berlin' })).toMatchObject({
      from: '2024-05-01T08:00:00.000Z', to: '2024-05-01T09:00:00.000Z', toleranceMinutes: 0,
    })
    expect(windowOf({ from: '2024-05-01T10:00Z', to: '2024-05-01T11:00Z', toleranceMinutes: 15 })).toMatchObject({
      from: '2024-05-01T09:45:00.000Z', to: '2024-05-01T11:15:00.000Z',
    })
  })

  it('keeps at least one minute with tolerance 0', () => {
    expect(windowOf({ at: '2024-05-01T10:00Z', toleranceMinutes: 0 })).toMatchObject({ from: '2024-05-01T10:00:00.000Z', to: '2024-05-01T10:01:00.000Z' })
  })

  const BAD: Array<[Partial<TriageRequest>, RegExp]> = [
    [{}, /give the failure time/],
    [{ at: '2024-05-01T10:00Z', from: '2024-05-01T09:00Z', to: '2024-05-01T11:00Z' }, /not both/],
    [{ from: '2024-05-01T09:00Z' }, /both from and to/],
    [{ at: 'yesterday' }, /at: not a valid time/],
    [{ at: '2024-05-01T10:00', timeZone: 'Mars/Olympus' }, /timeZone: unknown time zone "Mars\/Olympus"/],
    [{ from: '2024-05-01T11:00Z', to: '2024-05-01T10:00Z' }, /must end after it starts/],
    [{ at: '2024-05-01T10:00Z', toleranceMinutes: -5 }, /toleranceMinutes/],
    [{ at: '2024-05-01T10:00Z', lastGood: 'last week' }, /lastGood: not a valid time/],
  ]
  for (const [request, message] of BAD) {
    it(`rejects ${JSON.stringify(request)}`, () => {
      expect(() => resolveWindow({ caller, ...request })).toThrow(TriageInputError)
      expect(() => resolveWindow({ caller, ...request })).toThrow(message)
    })
  }

  it('rejects a request without a caller name', () => {
    expect(() => runTriage(memoryDb(), { caller: { kind: 'apiUser', value: '  ' }, at: '2024-05-01T10:00Z' })).toThrow(/name the caller/)
    const kind = { kind: 'robot', value: 'x' } as unknown as TriageRequest['caller']
    expect(() => runTriage(memoryDb(), { caller: kind, at: '2024-05-01T10:00Z' })).toThrow(/caller.kind/)
  })
})
