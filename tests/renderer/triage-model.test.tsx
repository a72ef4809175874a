// The triage wizard's pure parts: the state machine, the form checks, reported times in a customer's
// zone, the flowchart path, evidence filters, "did you mean" names and the findings' wording.
import { describe, expect, it } from 'vitest'
import type { Finding, TriageResult } from '../../src/shared/triage-types'
import { evidenceFilter, evidenceLinks, exampleIds, histogramFilter, pageFilter } from '../../src/renderer/src/features/triage/evidence'
import { findingForm, findingNumbers, FINDING_LABELS } from '../../src/renderer/src/features/triage/findings-format'
import { editDistance, similarNames } from '../../src/renderer/src/features/triage/similar-names'
import { pageNode, walkedPath, wizardPages } from '../../src/renderer/src/features/triage/triage-flow'
import { buildRequest, EMPTY_FORM, formFromFilter, type TriageForm } from '../../src/renderer/src/features/triage/triage-form'
import { formatTimeSpan, isValidZone, parseOffset, parseReportedTime, zoneOffsetAt } from '../../src/renderer/src/features/triage/triage-time'
import {
  canGoBack,
  canGoNext,
  FORM_PAGE,
  INITIAL_STATE,
  isVerdictPage,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from '../../src/renderer/src/features/triage/wizard-state'
import findingsJson from './fixtures/findings.json'
import inconclusiveJson from './fixtures/triage-inconclusive.json'
import neverReachedJson from './fixtures/triage-never-reached.json'
import rejectedJson from './fixtures/triage-rejected.json'

// real backend output on the bundled demo log (apilog triage/findings, see fixtures/)
const REJECTED = rejectedJson as unknown as TriageResult
const NEVER_REACHED = neverReachedJson as unknown as TriageResult
const INCONCLUSIVE = inconclusiveJson as unknown as TriageResult
const FINDINGS = findingsJson as unknown as Finding[]

const form = (patch: Partial<TriageForm>): TriageForm => ({ ...EMPTY_FORM, ...patch })
const run = (state: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, state)

describe('wizard state machine', () => {
  const request = REJECTED.request
  const done = run(INITIAL_STATE, { type: 'run' }, { type: 'succeeded', request, result: REJECTED })

  it('starts on the form (node A) and cannot move before a result', () => {
    expect(INITIAL_STATE.page).toBe(FORM_PAGE)
    expect(canGoBack(INITIAL_STATE)).toBe(false)
    expect(canGoNext(INITIAL_STATE)).toBe(false)
    expect(run(INITIAL_STATE, { type: 'next' }).page).toBe(FORM_PAGE)
  })

  it('a finished run opens the first step; Next walks to the verdict and stops there', () => {
    expect(done.page).toBe(0)
    expect(done.running).toBe(false)
    expect(done.runId).toBe(1)
    // B C E F G, then the verdict
    expect(wizardPages(REJECTED).map((p) => (p.kind === 'step' ? p.step.id : 'verdict'))).toEqual(['B', 'C', 'E', 'F', 'G', 'verdict'])
    const last = run(done, ...Array.from({ length: 9 }, (): WizardAction => ({ type: 'next' })))
    expect(last.page).toBe(5)
    expect(isVerdictPage(last)).toBe(true)
    expect(canGoNext(last)).toBe(false)
  })

  it('Back goes step by step and then to the form; goto is clamped', () => {
    const two = run(done, { type: 'next' }, { type: 'next' })
    expect(two.page).toBe(2)
    expect(run(two, { type: 'back' }).page).toBe(1)
    expect(run(done, { type: 'back' }).page).toBe(FORM_PAGE)
    expect(run(done, { type: 'goto', page: 99 }).page).toBe(5)
    expect(run(done, { type: 'goto', page: -7 }).page).toBe(FORM_PAGE)
  })

  it('editing the form makes the result stale: no Next until it runs again', () => {
    const edited = run(done, { type: 'back' }, { type: 'edit', patch: { caller: 'leadimport' } })
    expect(edited.dirty).toBe(true)
    expect(canGoNext(edited)).toBe(false)
    expect(run(edited, { type: 'goto', page: 3 }).page).toBe(FORM_PAGE)
  })

  it('a failed run keeps the form and says why; a check failure marks the field, editing it clears the mark', () => {
    const failed = run(INITIAL_STATE, { type: 'run' }, { type: 'failed', message: 'timeZone: unknown time zone "Mars/Base"' })
    expect(failed.page).toBe(FORM_PAGE)
    expect(failed.error).toBe('timeZone: unknown time zone "Mars/Base"')
    const invalid = run(INITIAL_STATE, { type: 'invalid', field: 'at', message: 'The failure time is missing' })
    expect(invalid.invalid).toBe('at')
    const fixed = run(invalid, { type: 'edit', patch: { at: '2024-03-12 10:30' } })
    expect(fixed.invalid).toBeNull()
    expect(fixed.error).toBeNull()
    expect(run(invalid, { type: 'edit', patch: { fn: 'x' } }).invalid).toBe('at')
  })

  it('a reply that arrives after a reset is dropped', () => {
    const reset = run(INITIAL_STATE, { type: 'run' }, { type: 'reset' })
    expect(run(reset, { type: 'succeeded', request, result: REJECTED }).result).toBeNull()
    expect(run(reset, { type: 'failed', message: 'late' }).error).toBeNull()
  })
})

describe('form → request', () => {
  it('builds the request the backend takes, with the zone and tolerance', () => {
    const check = buildRequest(
      form({ caller: ' crmsync ', fn: 'update_lead', at: '2024-03-12 10:30', zone: 'America/New_York', tolerance: 15 }),
    )
    expect(check).toEqual({
      ok: true,
      request: {
        caller: { kind: 'apiUser', value: 'crmsync' },
        function: 'update_lead',
        at: '2024-03-12 10:30',
        toleranceMinutes: 15,
        timeZone: 'America/New_York',
      },
    })
  })

  it('a window, an agent user, a ±HH:MM zone and a last-known-good time', () => {
    const check = buildRequest(
      form({ kind: 'agentUser', caller: '1001', when: 'range', from: '2024-03-12 09:00', to: '2024-03-12 11:00', zone: '-04:00', lastGood: '2024-03-11 17:00' }),
    )
    expect(check).toEqual({
      ok: true,
      request: {
        caller: { kind: 'agentUser', value: '1001' },
        from: '2024-03-12 09:00',
        to: '2024-03-12 11:00',
        timeZone: '-04:00',
        lastGood: '2024-03-11 17:00',
      },
    })
  })

  it('says what to fix first', () => {
    expect(buildRequest(form({ at: '2024-03-12 10:30' }))).toEqual({ ok: false, field: 'caller', message: 'Pick the API User that fails' })
    expect(buildRequest(form({ caller: 'a' }))).toMatchObject({ ok: false, field: 'at', message: 'The failure time is missing' })
    expect(buildRequest(form({ caller: 'a', at: 'yesterday 3pm' }))).toMatchObject({ ok: false, field: 'at' })
    expect(buildRequest(form({ caller: 'a', at: '2024-02-30 10:00' }))).toMatchObject({ ok: false, field: 'at' })
    expect(buildRequest(form({ caller: 'a', at: '2024-03-12 10:30', tolerance: -1 }))).toMatchObject({ ok: false, field: 'tolerance' })
    expect(buildRequest(form({ caller: 'a', at: '2024-03-12 10:30', zone: 'Mars/Olympus' }))).toMatchObject({ ok: false, field: 'zone' })
    expect(
      buildRequest(form({ caller: 'a', when: 'range', from: '2024-03-12 11:00', to: '2024-03-12 10:00' })),
    ).toEqual({ ok: false, field: 'to', message: 'To must be after From' })
    expect(buildRequest(form({ caller: 'a', at: '2024-03-12 10:30', lastGood: 'last week' }))).toMatchObject({
      ok: false,
      field: 'lastGood',
    })
  })

  it('starts from the caller the grid is filtered to (one value only)', () => {
    expect(formFromFilter({ apiUser: ['crmsync'], function: ['update_lead'] }, EMPTY_FORM)).toMatchObject({
      kind: 'apiUser',
      caller: 'crmsync',
      fn: 'update_lead',
    })
    expect(formFromFilter({ agentUser: ['1005'] }, EMPTY_FORM)).toMatchObject({ kind: 'agentUser', caller: '1005', fn: '' })
    expect(formFromFilter({ apiUser: ['a', 'b'] }, EMPTY_FORM)).toBe(EMPTY_FORM)
    expect(formFromFilter({ apiUser: [null] }, EMPTY_FORM)).toBe(EMPTY_FORM)
  })
})

describe('reported times in the customer zone', () => {
  const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

  it('reads wall-clock times in an IANA zone, DST included', () => {
    // New York switched to EDT (UTC-4) on 2024-03-10; in January it is EST (UTC-5)
    expect(utc(parseReportedTime('2024-03-12 10:30', 'America/New_York'))).toBe('2024-03-12T14:30:00.000Z')
    expect(utc(parseReportedTime('2024-01-12T10:30', 'America/New_York'))).toBe('2024-01-12T15:30:00.000Z')
    expect(utc(parseReportedTime('2024-07-01 09:05:30', 'Europe/Berlin'))).toBe('2024-07-01T07:05:30.000Z')
    expect(utc(parseReportedTime('2024-03-12 10:30', 'Asia/Kolkata'))).toBe('2024-03-12T05:00:00.000Z')
    expect(zoneOffsetAt(Date.parse('2024-03-12T14:30:00Z'), 'America/New_York')).toBe(-240)
  })

  it('an offset zone, UTC, and an explicit offset in the text that wins over the zone', () => {
    expect(utc(parseReportedTime('2024-03-12 10:30', '-04:00'))).toBe('2024-03-12T14:30:00.000Z')
    expect(utc(parseReportedTime('2024-03-12 10:30', '+0530'))).toBe('2024-03-12T05:00:00.000Z')
    expect(utc(parseReportedTime('2024-03-12', 'UTC'))).toBe('2024-03-12T00:00:00.000Z')
    expect(utc(parseReportedTime('2024-03-12T14:30:00Z', 'America/New_York'))).toBe('2024-03-12T14:30:00.000Z')
    expect(utc(parseReportedTime('2024-03-12 16:30 +02:00', 'America/New_York'))).toBe('2024-03-12T14:30:00.000Z')
  })

  it('rejects what is not a time or not a zone', () => {
    expect(parseReportedTime('10:30', 'UTC')).toBeNull()
    expect(parseReportedTime('2024-13-01 10:00', 'UTC')).toBeNull()
    expect(parseReportedTime('2024-03-12 24:00', 'UTC')).toBeNull()
    expect(parseReportedTime('2024-03-12 10:30', 'Nowhere/City')).toBeNull()
    expect(isValidZone('Europe/Madrid')).toBe(true)
    expect(isValidZone('+05:45')).toBe(true)
    expect(isValidZone('Mars/Olympus')).toBe(false)
    expect(parseOffset('+15:00')).toBeNull()
    expect(parseOffset('-0930')).toBe(-570)
  })

  it('shows a span with the date once when both ends are on one day', () => {
    expect(formatTimeSpan('2024-03-12T14:07:48.000Z', '2024-03-12T14:57:09.000Z', 'utc')).toBe('2024-03-12 14:07:48 – 14:57:09 UTC')
    expect(formatTimeSpan('2024-03-12T23:00:00.000Z', '2024-03-13T01:00:00.000Z', 'utc')).toBe(
      '2024-03-12 23:00:00 UTC – 2024-03-13 01:00:00 UTC',
    )
    expect(formatTimeSpan('2024-03-12T23:00:00.000Z', null, 'utc')).toBe('2024-03-12 23:00:00 UTC')
  })
})

describe('flowchart path and pages', () => {
  it('marks the path walked up to the page shown; the verdict shows all of it, ending at the leaf', () => {
    expect(walkedPath(REJECTED, FORM_PAGE).nodes).toEqual(['A'])
    expect(walkedPath(REJECTED, 1).nodes).toEqual(['A', 'B', 'C'])
    const all = walkedPath(REJECTED, 5)
    expect(all.nodes).toEqual(['A', 'B', 'C', 'E', 'F', 'G'])
    expect([...all.edges]).toEqual(['A-B', 'B-C', 'C-E', 'E-F', 'F-G'])
    expect(pageNode(REJECTED, 5)).toBe('G')
    expect(pageNode(REJECTED, 1)).toBe('C')
    expect(pageNode(NEVER_REACHED, 3)).toBe('D')
    expect([...walkedPath(NEVER_REACHED, 3).edges]).toEqual(['A-B', 'B-C', 'C-D'])
    // an inconclusive walk stops at C: the verdict highlights where it stopped
    expect(INCONCLUSIVE.leaf).toBeNull()
    expect(pageNode(INCONCLUSIVE, 2)).toBe('C')
  })

  it('each page shows its step\'s rows; the verdict the last step\'s', () => {
    expect(pageFilter(REJECTED, 3)).toEqual({
      apiUser: ['crmsync'],
      function: ['update_lead'],
      from: '2024-03-12T14:00:00.000Z',
      to: '2024-03-12T15:00:00.000Z',
      result: ['error'],
    })
    expect(pageFilter(REJECTED, 5)).toEqual(REJECTED.steps[4].filter)
    expect(pageFilter(REJECTED, 9)).toBeNull()
  })
})

describe('evidence', () => {
  it('shows an entry among the caller\'s rows, over the window stretched to reach it', () => {
    const lastSuccess = REJECTED.evidence.lastSuccess!
    expect(evidenceFilter(REJECTED, lastSuccess)).toEqual({
      apiUser: ['crmsync'],
      function: ['update_lead'],
      from: '2024-03-12T14:00:00.000Z',
      to: '2024-03-12T15:00:00.000Z',
    })
    expect(evidenceFilter(REJECTED, { ts: '2024-03-12T12:00:00.000Z' })).toMatchObject({ from: '2024-03-12T12:00:00.000Z' })
    expect(evidenceFilter(REJECTED, { ts: '2024-03-12T15:00:11.000Z' })).toMatchObject({ to: '2024-03-12T15:00:11.001Z' })
    expect(evidenceFilter(NEVER_REACHED, { ts: null })).toEqual({
      apiUser: ['leadimport'],
      from: '2024-03-12T02:00:00.000Z',
      to: '2024-03-12T03:00:00.000Z',
    })
  })

  it('lists each evidence entry once, then examples not already linked', () => {
    expect(evidenceLinks(REJECTED).map((l) => [l.key, l.ref.id])).toEqual([
      ['lastSuccess', 1018],
      ['firstFailure', 1024],
      ['lastSeenBefore', 1003],
      ['firstSeenAfter', 1158],
    ])
    // leadimport: the last success is the last request before the gap
    expect(evidenceLinks(NEVER_REACHED).map((l) => l.key)).toEqual(['lastSuccess', 'firstSeenAfter'])
    expect(exampleIds(REJECTED)).toEqual([1025, 1026, 1031, 1032])
  })

  it('the mini histogram covers the window and as long again either side', () => {
    expect(histogramFilter(REJECTED, REJECTED.steps[1].filter)).toMatchObject({
      apiUser: ['crmsync'],
      from: '2024-03-12T13:00:00.000Z',
      to: '2024-03-12T16:00:00.000Z',
    })
  })
})

describe('similar caller names', () => {
  const values = [
    { value: 'crmsync', count: 355 },
    { value: 'crmwidget', count: 685 },
    { value: 'leadimport', count: 357 },
    { value: 'monitor', count: 144 },
    { value: null, count: 3 },
  ]
  it('suggests names a typo away, or containing the name, closest first', () => {
    expect(similarNames('crmsinc', values)).toEqual([{ value: 'crmsync', count: 355 }])
    expect(similarNames('CRMSYNC', values)).toEqual([{ value: 'crmsync', count: 355 }])
    expect(similarNames('lead', values)).toEqual([{ value: 'leadimport', count: 357 }])
    expect(similarNames('zapier', values)).toEqual([])
    expect(similarNames('crmsync', values)).toEqual([])
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })
})

describe('findings wording', () => {
  it('a readable label and the numbers that matter per kind', () => {
    const silent = FINDINGS.find((f) => f.kind === 'caller_silent')!
    const spike = FINDINGS.find((f) => f.kind === 'error_rate_spike' && f.subject === 'API user crmsync')!
    expect(FINDING_LABELS[silent.kind]).toBe('Caller went silent')
    expect(findingNumbers(silent)).toEqual(['silent 60 min', 'about 143 expected', '6 from others meanwhile'])
    expect(findingNumbers(spike)).toEqual(['234 of 236 failed', '99% errors', '0% before'])
  })

  it('a finding about one caller becomes a triage over its span; a silence starts after the last request', () => {
    const silent = FINDINGS.find((f) => f.kind === 'caller_silent')!
    expect(findingForm(silent)).toMatchObject({
      kind: 'apiUser',
      caller: 'leadimport',
      fn: '',
      when: 'range',
      from: '2024-03-12 01:59:48',
      to: '2024-03-12 03:00:03',
      zone: 'UTC',
    })
    const repeated = FINDINGS.find((f) => f.kind === 'repeated_failures' && f.subject.includes('crmsync'))!
    expect(findingForm(repeated)).toMatchObject({ caller: 'crmsync', fn: 'update_lead' })
    const service = FINDINGS.find((f) => f.subject === 'service non-agent')!
    expect(findingForm(service)).toBeNull()
  })
})
