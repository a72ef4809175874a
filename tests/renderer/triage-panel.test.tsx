// @vitest-environment jsdom
// The triage wizard and findings panel against a scripted backend answering with real triage output.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Finding, TriageResult } from '../../src/shared/triage-types'
import type { EntryFilter } from '../../src/shared/types'
import { TriageButtons } from '../../src/renderer/src/features/triage/TriageButtons'
import { TriageDock } from '../../src/renderer/src/features/triage/TriageDock'
import { useTriage, type Triage } from '../../src/renderer/src/features/triage/use-triage'
import { fakeBackend, renderWith, type FakeBackend } from './fake-services'
import findingsJson from './fixtures/findings.json'
import inconclusiveJson from './fixtures/triage-inconclusive.json'
import neverReachedJson from './fixtures/triage-never-reached.json'
import rejectedJson from './fixtures/triage-rejected.json'

const REJECTED = rejectedJson as unknown as TriageResult
const NEVER_REACHED = neverReachedJson as unknown as TriageResult
const INCONCLUSIVE = inconclusiveJson as unknown as TriageResult
const FINDINGS = findingsJson as unknown as Finding[]
const SPAN = { from: '2024-03-12T00:00:01.000Z', to: '2024-03-12T23:50:04.000Z' }

let shell: { triage: Triage | null; filters: EntryFilter[] }

function Shell({ initial = {} }: { initial?: EntryFilter }) {
  const [filter, setFilter] = useState<EntryFilter>(initial)
  const onFilter = (next: EntryFilter) => {
    shell.filters.push(next)
    setFilter(next)
  }
  const triage = useTriage({ filter, onFilter, revision: 0, importing: false, enabled: true })
  shell.triage = triage
  return (
    <>
      <TriageButtons triage={triage} />
      <TriageDock triage={triage} span={SPAN} />
    </>
  )
}

function backendWith(result: TriageResult): FakeBackend {
  return fakeBackend(
    {
      runTriage: async (request) => {
        backend.calls.push({ method: 'runTriage', arg: request })
        return result
      },
      getFindings: async () => FINDINGS,
      renderTriageReport: async (req) => {
        backend.calls.push({ method: 'renderTriageReport', arg: req })
        return { fileName: 'triage-crmsync-2024-03-12.html', content: '<!DOCTYPE html><h1>Request rejected</h1>' }
      },
    },
    {
      apiUser: [
        { value: 'crmwidget', count: 685 },
        { value: 'leadimport', count: 357 },
        { value: 'crmsync', count: 355 },
        { value: 'monitor', count: 144 },
      ],
      function: [{ value: 'update_lead', count: 355 }],
    },
  )
}

let backend: FakeBackend

/** jsdom's Blob has no text(); FileReader it has. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(blob)
  })
}
const panel = () => screen.getByRole('complementary', { name: 'Triage' })
const lastFilter = () => shell.filters.at(-1)

async function fillAndRun(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Triage' }))
  const p = panel()
  await user.type(within(p).getByRole('combobox', { name: 'API User' }), 'crmsync')
  await user.type(within(p).getByRole('combobox', { name: 'Function' }), 'update_lead')
  await user.type(within(p).getByRole('textbox', { name: 'Reported failure time' }), '2024-03-12 10:30')
  await user.selectOptions(within(p).getByRole('combobox', { name: "Customer's time zone" }), 'America/New_York')
  expect(within(p).getByText('= 2024-03-12 14:30:00 UTC')).toBeTruthy()
  await user.click(within(p).getByRole('button', { name: 'Run triage' }))
  await within(p).findByRole('heading', { name: 'Set time range around the failure' })
}

describe('triage wizard', () => {
  beforeEach(() => {
    localStorage.clear()
    shell = { triage: null, filters: [] }
    backend = backendWith(REJECTED)
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('explains the two kinds of caller and walks a rejected request node by node to its verdict', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Shell />)
    await user.click(screen.getByRole('button', { name: 'Triage' }))
    const p = panel()
    expect(within(p).getByRole('radio', { name: /API User.*back-office job.*server credential/ })).toBeTruthy()
    expect(within(p).getByRole('radio', { name: /Agent User.*agent screen takes for a person/ })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Triage' })) // toggles closed
    expect(screen.queryByRole('complementary', { name: 'Triage' })).toBeNull()

    await fillAndRun(user)
    expect(backend.calls.find((c) => c.method === 'runTriage')?.arg).toEqual({
      caller: { kind: 'apiUser', value: 'crmsync' },
      function: 'update_lead',
      at: '2024-03-12 10:30',
      toleranceMinutes: 30,
      timeZone: 'America/New_York',
    })
    // step B: the window, applied to the grid
    expect(lastFilter()).toEqual({ from: '2024-03-12T14:00:00.000Z', to: '2024-03-12T15:00:00.000Z' })
    expect(within(panel()).getByText(/the reported 10:30 America\/New_York \(14:30 UTC\)/)).toBeTruthy()

    const next = () => user.click(within(panel()).getByRole('button', { name: 'Next' }))
    await next()
    expect(within(panel()).getByRole('heading', { name: 'Requests present in log?' })).toBeTruthy()
    expect(within(panel()).getByTestId('step-answer').textContent).toBe('Yes53 requests (2 succeeded, 51 failed). Usually about 17 per hour.')
    expect(lastFilter()).toEqual(REJECTED.steps[1].filter)
    await next()
    const functions = within(panel()).getByRole('table', { name: 'Results per function' })
    expect(within(functions).getByRole('rowheader', { name: 'update_lead' }).parentElement?.textContent).toBe('update_lead2510')
    await next()
    expect(lastFilter()?.result).toEqual(['error'])
    expect(within(panel()).getByRole('button', { name: /^First failure: show entry 1024/ })).toBeTruthy()
    await next()
    const errors = within(panel()).getByRole('table', { name: 'Errors in the window' })
    expect(errors.textContent).toContain('Invalid Username/Password')
    expect(errors.textContent).toContain('17 distinct')
    await next()

    const verdict = within(panel()).getByRole('region', { name: /Request rejected/ })
    expect(within(verdict).getByTestId('verdict-headline').textContent).toBe(REJECTED.headline)
    expect(within(verdict).getByRole('meter', { name: 'Confidence 95%' })).toBeTruthy()
    expect(verdict.textContent).toContain('2024-03-12 14:00:00 – 15:00:00 UTC')
    expect(within(verdict).getAllByRole('listitem')).toHaveLength(REJECTED.nextSteps.length)
    const changes = within(verdict).getByRole('table', { name: /What changed/ })
    expect(within(changes).getByRole('row', { name: /query\.lead_id/ }).className).toBe('varies-normally')
    expect(within(panel()).queryByRole('button', { name: 'Next' })).toBeNull()
    // the flowchart: the whole path walked, the leaf current
    const chart = within(panel()).getByRole('figure', { name: 'Triage flowchart' })
    expect(chart.querySelector('[aria-current="step"]')?.getAttribute('data-node')).toBe('G')
    expect([...chart.querySelectorAll('.flow-node.is-walked')].map((n) => n.getAttribute('data-node'))).toEqual(['A', 'B', 'C', 'E', 'F'])
    expect(chart.querySelector('[data-node="D"]')?.classList.contains('is-pending')).toBe(true)
  })

  it('Back returns through the steps (re-applying their filters); a walked node can be jumped to', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Shell />)
    await fillAndRun(user)
    await user.click(within(panel()).getByRole('button', { name: 'Skip to verdict' }))
    await within(panel()).findByRole('region', { name: /Request rejected/ })
    await user.click(within(panel()).getByRole('button', { name: 'Back' }))
    expect(within(panel()).getByRole('heading', { name: 'Read the error: bad params or auth' })).toBeTruthy()
    await user.click(within(panel()).getByRole('button', { name: 'Go to step: Requests present in log?' }))
    expect(within(panel()).getByRole('heading', { name: 'Requests present in log?' })).toBeTruthy()
    expect(lastFilter()).toEqual(REJECTED.steps[1].filter)
    // nodes beyond the current one are not yet walked, so not buttons
    expect(within(panel()).queryByRole('button', { name: 'Go to step: Result an error?' })).toBeNull()
    await user.click(within(panel()).getByRole('button', { name: 'Back' }))
    await user.click(within(panel()).getByRole('button', { name: 'Back' }))
    expect(within(panel()).getByRole('form', { name: 'What is failing' })).toBeTruthy()
    expect(within(panel()).getByRole('button', { name: 'Back to the verdict' })).toBeTruthy()
  })

  it('checks the form before asking the backend, and shows the backend\'s own objection', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Shell />)
    await user.click(screen.getByRole('button', { name: 'Triage' }))
    await user.click(within(panel()).getByRole('button', { name: 'Run triage' }))
    expect(within(panel()).getByRole('alert').textContent).toBe('Pick the API User that fails')
    expect(within(panel()).getByRole('combobox', { name: 'API User' }).getAttribute('aria-invalid')).toBe('true')
    await user.type(within(panel()).getByRole('combobox', { name: 'API User' }), 'crmsync')
    await user.type(within(panel()).getByRole('textbox', { name: 'Reported failure time' }), 'noon')
    await user.click(within(panel()).getByRole('button', { name: 'Run triage' }))
    expect(within(panel()).getByRole('alert').textContent).toMatch(/^The failure time is not a time/)
    expect(backend.calls.some((c) => c.method === 'runTriage')).toBe(false)

    backend.services.api.runTriage = async () => {
      throw new Error('lastGood: not a valid time')
    }
    const time = within(panel()).getByRole('textbox', { name: 'Reported failure time' })
    await user.clear(time)
    await user.type(time, '2024-03-12 14:30')
    await user.click(within(panel()).getByRole('button', { name: 'Run triage' }))
    await waitFor(() => expect(within(panel()).getByRole('alert').textContent).toBe('lastGood: not a valid time'))
  })

  it('the caller picker lists the log\'s values with counts; arrows and Enter pick one', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Shell />)
    await user.click(screen.getByRole('button', { name: 'Triage' }))
    const input = within(panel()).getByRole('combobox', { name: 'API User' })
    await user.click(input)
    const list = await within(panel()).findByRole('listbox', { name: 'API User values' })
    await within(list).findByRole('option', { name: 'crmwidget' })
    expect(within(list).getByRole('option', { name: 'crmsync' }).textContent).toBe('crmsync355')
    await user.type(input, 'crm')
    await waitFor(() => expect(within(list).queryByRole('option', { name: 'leadimport' })).toBeNull())
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    expect((input as HTMLInputElement).value).toBe('crmsync')
    expect(input.getAttribute('aria-expanded')).toBe('false')
    // the function list is scoped to the caller picked
    await user.click(within(panel()).getByRole('combobox', { name: 'Function' }))
    await waitFor(() =>
      expect(backend.calls.some((c) => JSON.stringify(c.arg).includes('"filter":{"apiUser":["crmsync"]},"fields":["function"]'))).toBe(true),
    )
  })

  it('opens from the desktop menu, prefilled with the caller the grid is filtered to', async () => {
    renderWith(backend, <Shell initial={{ apiUser: ['leadimport'] }} />)
    act(() => backend.emit('menuCommand', { command: 'triage' }))
    expect((within(panel()).getByRole('combobox', { name: 'API User' }) as HTMLInputElement).value).toBe('leadimport')
    act(() => backend.emit('menuCommand', { command: 'toggleTheme' }))
    expect(screen.getByRole('complementary', { name: 'Triage' })).toBeTruthy()
  })

  it('an evidence link asks the workspace to show that entry, among rows that contain it', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Shell />)
    await fillAndRun(user)
    await user.click(within(panel()).getByRole('button', { name: 'Skip to verdict' }))
    await user.click(within(panel()).getByRole('button', { name: /^Last success: show entry 1018/ }))
    expect(shell.triage?.reveal).toMatchObject({ id: 1018, ts: '2024-03-12T14:04:34.000Z', seq: 1 })
    expect(lastFilter()).toEqual({
      apiUser: ['crmsync'],
      function: ['update_lead'],
      from: '2024-03-12T14:00:00.000Z',
      to: '2024-03-12T15:00:00.000Z',
    })
    await user.click(within(panel()).getByRole('button', { name: 'Show example entry 1031' }))
    expect(shell.triage?.reveal).toMatchObject({ id: 1031, ts: null, seq: 2 })
  })

  it('saves the report the backend renders as a downloaded file', async () => {
    const user = userEvent.setup()
    const created: Blob[] = []
    URL.createObjectURL = vi.fn((blob: Blob) => (created.push(blob), 'blob:report'))
    URL.revokeObjectURL = vi.fn()
    const clicks: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this)
    })
    renderWith(backend, <Shell />)
    await fillAndRun(user)
    await user.click(within(panel()).getByRole('button', { name: 'Skip to verdict' }))
    await user.click(within(panel()).getByRole('button', { name: 'Save report as HTML' }))
    await waitFor(() => expect(clicks).toHaveLength(1))
    expect(backend.calls.find((c) => c.method === 'renderTriageReport')?.arg).toEqual({
      request: backend.calls.find((c) => c.method === 'runTriage')?.arg,
      format: 'html',
    })
    expect(clicks[0].download).toBe('triage-crmsync-2024-03-12.html')
    expect(clicks[0].getAttribute('href')).toBe('blob:report')
    expect(created[0].type).toBe('text/html;charset=utf-8')
    expect(await readBlob(created[0])).toBe('<!DOCTYPE html><h1>Request rejected</h1>')
  })
})

describe('triage leaves without a rejection', () => {
  beforeEach(() => {
    shell = { triage: null, filters: [] }
  })
  afterEach(cleanup)

  it('caller never reached: the gap, with the last request before and the first after', async () => {
    backend = backendWith(NEVER_REACHED)
    const user = userEvent.setup()
    renderWith(backend, <Shell />)
    await fillAndRun(user)
    await user.click(within(panel()).getByRole('button', { name: 'Next' }))
    expect(within(panel()).getByTestId('step-answer').textContent).toMatch(/^Nonone in the window, although about 71 were expected/)
    expect(within(panel()).getByRole('button', { name: /^Last request before the gap: show entry 154/ })).toBeTruthy()
    expect(within(panel()).getByRole('button', { name: /^First request after the gap: show entry 161/ })).toBeTruthy()
    await user.click(within(panel()).getByRole('button', { name: 'Next' }))
    expect(within(panel()).getByRole('heading', { name: 'Caller never reached us: network or wrong URL' })).toBeTruthy()
    await user.click(within(panel()).getByRole('button', { name: 'Next' }))
    expect(within(panel()).getByRole('region', { name: /Caller never reached us/ })).toBeTruthy()
  })

  it('inconclusive: says why, suggests the caller names the log knows, and runs again with one', async () => {
    backend = backendWith(INCONCLUSIVE)
    const user = userEvent.setup()
    renderWith(backend, <Shell />)
    await fillAndRun(user)
    await user.click(within(panel()).getByRole('button', { name: 'Skip to verdict' }))
    const why = within(panel()).getByRole('note', { name: 'Why inconclusive' })
    expect(why.textContent).toContain('The caller has no requests anywhere in the searched log')
    expect(why.textContent).toContain('The log covers 2024-03-12 00:00:01 UTC to 2024-03-12 23:50:04 UTC')
    expect(within(panel()).queryByRole('meter')).toBeNull()
    backend.services.api.runTriage = async (request) => {
      backend.calls.push({ method: 'runTriage', arg: request })
      return REJECTED
    }
    await user.click(await within(why).findByRole('button', { name: 'Triage API User crmsync instead' }))
    await within(panel()).findByRole('heading', { name: 'Set time range around the failure' })
    expect(backend.calls.filter((c) => c.method === 'runTriage').at(-1)?.arg).toMatchObject({
      caller: { kind: 'apiUser', value: 'crmsync' },
    })
  })
})

describe('findings panel', () => {
  beforeEach(() => {
    shell = { triage: null, filters: [] }
    backend = backendWith(REJECTED)
  })
  afterEach(cleanup)

  it('counts the findings on its button, lists them readably, and shows a finding\'s rows when clicked', async () => {
    const user = userEvent.setup()
    renderWith(backend, <Shell />)
    const button = await screen.findByRole('button', { name: 'Findings (6)' })
    await user.click(button)
    const findings = screen.getByRole('complementary', { name: 'Findings' })
    const items = within(findings).getAllByRole('listitem')
    expect(items).toHaveLength(6)
    expect(items[0].textContent).toContain('Caller went silent')
    expect(items[0].textContent).toContain('API user leadimport')
    expect(items[0].textContent).toContain('2024-03-12 01:59:47 – 03:00:03 UTC')
    const spike = within(findings).getByRole('button', { name: /^Error spike API user crmsync/ })
    await user.click(spike)
    expect(spike.getAttribute('aria-pressed')).toBe('true')
    expect(lastFilter()).toEqual(FINDINGS[1].filter)

    await user.click(within(items[0]).getByRole('button', { name: 'Triage this caller…' }))
    const p = panel()
    expect((within(p).getByRole('combobox', { name: 'API User' }) as HTMLInputElement).value).toBe('leadimport')
    expect((within(p).getByRole('textbox', { name: 'From' }) as HTMLInputElement).value).toBe('2024-03-12 01:59:48')
    fireEvent.click(within(p).getByRole('button', { name: 'Close triage' }))
    expect(screen.queryByRole('complementary')).toBeNull()
  })
})
