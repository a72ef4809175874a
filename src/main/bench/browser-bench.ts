// Browser mode, timed as the user sees it: opening the app on a big store until the first grid rows
// show, and filter changes (Result, API User, search) until the entry count and the grid's first row
// show the new result. Expected counts and first rows come from the store through the query code.
import type * as Playwright from 'playwright'
import type { EntryFilter } from '../../shared/types'
import { countEntries, queryEntries } from '../query/entries-query'
import { facetValues } from '../query/facets'
import { openDb, type Db } from '../store/db'
import { trackApi, type ApiTracker } from './api-tracker'
import { browserUnavailable, launchChromium, startServe } from './browser-host'
import { drawSearchTerms } from './filter-combos'
import { deriveSeed } from './generate/rng'
import { armChange, watchFirstRows, type ChangeExpectation, type ChangeState, type OpenState } from './page-watch'
import { log } from './progress'
import { summarize, type Summary } from './stats'

export interface BrowserFigures {
  skipped: string | null
  /** what served the app */
  host: string
  store: string
  entries: number
  /** navigation start → first grid row painted, per opening of the page */
  openMs: number[]
  open: Summary | null
  /** input event → entry count and first grid row both showing the new result, next frame */
  change: Summary | null
  changeCountOnly: Summary | null
  changes: Array<{ action: string; ms: number | null; error?: string }>
  measuredAt: string
}

/** The search box commits by itself this long after typing stops (renderer SEARCH_DEBOUNCE_MS). */
const SEARCH_DEBOUNCE_MS = 300
const OPENS = 3
const TIMEOUT_MS = 60_000
/** how long the server may take to finish the previous step's calls before a measurement */
const IDLE_TIMEOUT_MS = 120_000
const NOT_MEASURABLE = 'count unchanged: not measurable'

interface UiFilter {
  result?: 'error'
  apiUser?: string
  search?: string
}

function toEntryFilter(ui: UiFilter): EntryFilter {
  return {
    ...(ui.result ? { result: [ui.result] } : {}),
    ...(ui.apiUser ? { apiUser: [ui.apiUser] } : {}),
    ...(ui.search ? { search: ui.search } : {}),
  }
}

function expectation(db: Db, ui: UiFilter, trigger: ChangeExpectation['trigger']): ChangeExpectation & { count: number } {
  const filter = toEntryFilter(ui)
  const count = countEntries(db, filter)
  const first = queryEntries(db, { filter, limit: 1 }).rows[0]
  return { count, countText: `${count.toLocaleString('en-US')} ${count === 1 ? 'entry' : 'entries'}`, firstId: first ? String(first.id) : null, trigger }
}

interface OpenPage {
  page: Playwright.Page
  api: ApiTracker
  ms: number
}

/** Opens the app in a new page; returns once its first screen's backend calls have all finished. */
async function openOnce(context: Playwright.BrowserContext, url: string): Promise<OpenPage> {
  const page = await context.newPage()
  const api = trackApi(page)
  await page.addInitScript(watchFirstRows)
  await page.goto(url)
  await page.waitForFunction(() => (globalThis as { __benchOpen?: OpenState }).__benchOpen?.rowsPainted != null, null, { timeout: TIMEOUT_MS })
  const state = await page.evaluate(() => (globalThis as { __benchOpen?: OpenState }).__benchOpen!)
  await api.idle(IDLE_TIMEOUT_MS)
  return { page, api, ms: Math.round(state.rowsPainted!) }
}

type Arm = () => Promise<void>
interface Step {
  action: string
  trigger: ChangeExpectation['trigger']
  next: (ui: UiFilter) => UiFilter
  /** performs the change, calling `arm` just before the input that starts it */
  run: (page: Playwright.Page, arm: Arm) => Promise<void>
}

async function toggleFacet(page: Playwright.Page, label: string, value: string, check: boolean, arm: Arm): Promise<void> {
  await closePanel(page)
  await page.getByRole('button', { name: label, exact: true }).click()
  const panel = page.getByRole('dialog', { name: `${label} values` })
  const box = panel.getByRole('checkbox', { name: value, exact: true })
  await box.waitFor({ state: 'visible', timeout: TIMEOUT_MS })
  await arm()
  await (check ? box.check() : box.uncheck())
}

/** Closes an open filter panel: Escape when focus is inside it, else its trigger button again. */
async function closePanel(page: Playwright.Page): Promise<void> {
  const panels = page.getByRole('dialog', { name: / values$/ })
  if ((await panels.count()) === 0) return
  await page.keyboard.press('Escape')
  try {
    await panels.first().waitFor({ state: 'hidden', timeout: 3000 })
  } catch {
    await page.locator('button[aria-haspopup="dialog"][aria-expanded="true"]').first().click()
    await panels.first().waitFor({ state: 'hidden', timeout: TIMEOUT_MS })
  }
}

const searchBox = (page: Playwright.Page) => page.getByRole('searchbox', { name: 'Search', exact: true })

/** Six changes that build a filter up and take it down again. */
function cycle(apiUser: string, term: string): Step[] {
  const facet = (label: string, value: string, check: boolean) => (page: Playwright.Page, arm: Arm) =>
    toggleFacet(page, label, value, check, arm)
  return [
    { action: 'Result: Error', trigger: 'click', next: (ui) => ({ ...ui, result: 'error' }), run: facet('Result', 'Error', true) },
    { action: `API User: ${apiUser}`, trigger: 'click', next: (ui) => ({ ...ui, apiUser }), run: facet('API User', apiUser, true) },
    { action: 'Result cleared', trigger: 'click', next: ({ result: _r, ...ui }) => ui, run: facet('Result', 'Error', false) },
    {
      action: `search "${term}"`,
      trigger: 'Enter',
      next: (ui) => ({ ...ui, search: term }),
      run: async (page, arm) => {
        await arm()
        await searchBox(page).fill(term)
        await searchBox(page).press('Enter')
      },
    },
    {
      action: 'search cleared',
      trigger: 'Escape',
      next: ({ search: _s, ...ui }) => ui,
      run: async (page, arm) => {
        await searchBox(page).focus()
        await arm()
        await searchBox(page).press('Escape')
      },
    },
    { action: 'API User cleared', trigger: 'click', next: ({ apiUser: _a, ...ui }) => ui, run: facet('API User', apiUser, false) },
  ]
}

/** Milliseconds from the input to the repaint, allowing for the search box committing on its own. */
function elapsed(state: ChangeState, trigger: ChangeExpectation['trigger']): { all: number; count: number } {
  let start = state.t0!
  if (trigger === 'Enter' && state.lastInput !== null) start = Math.min(start, state.lastInput + SEARCH_DEBOUNCE_MS)
  return { all: Math.round(state.tPaint! - start), count: Math.round(state.tCount! - start) }
}

interface ChangeSample {
  action: string
  ms: number | null
  countMs: number | null
  error?: string
}

async function closeQuietly(page: Playwright.Page): Promise<string | null> {
  try {
    await closePanel(page)
    return null
  } catch (error) {
    return (error as Error).message.split('\n')[0]
  }
}

/** One change, timed once the server has finished the previous step's calls. Never throws. */
async function measureStep(open: OpenPage, db: Db, ui: UiFilter, step: Step): Promise<ChangeSample> {
  const { page, api } = open
  const expected = expectation(db, step.next(ui), step.trigger)
  const measurable = expected.count !== countEntries(db, toEntryFilter(ui))
  const arm = async () => {
    await api.idle(IDLE_TIMEOUT_MS)
    if (measurable) await page.evaluate(armChange, expected)
  }
  let sample: ChangeSample
  try {
    await step.run(page, arm)
    if (!measurable) {
      sample = { action: step.action, ms: null, countMs: null, error: NOT_MEASURABLE }
    } else {
      await page.waitForFunction(() => (globalThis as { __benchChange?: ChangeState }).__benchChange?.tPaint != null, null, { timeout: TIMEOUT_MS })
      const ms = elapsed(await page.evaluate(() => (globalThis as { __benchChange?: ChangeState }).__benchChange!), step.trigger)
      sample = { action: step.action, ms: ms.all, countMs: ms.count }
    }
  } catch (error) {
    sample = { action: step.action, ms: null, countMs: null, error: (error as Error).message.split('\n')[0] }
  }
  const closeError = await closeQuietly(page)
  return closeError && !sample.error ? { ...sample, error: `panel did not close: ${closeError}` } : sample
}

/** Busy API users under no filter: the values the filter panel lists first. */
function busyApiUsers(db: Db): string[] {
  return facetValues(db, { filter: {}, fields: ['apiUser'], limit: 10 }, 'apiUser')
    .map((v) => v.value)
    .filter((v): v is string => typeof v === 'string')
}

/** Whole cycles (each ends where it started, with no filter) until at least `changes` changes. */
async function measureChanges(open: OpenPage, db: Db, changes: number, seed: number): Promise<ChangeSample[]> {
  const users = busyApiUsers(db)
  const cycles = Math.ceil(changes / 6)
  const terms = drawSearchTerms(db, cycles, deriveSeed(seed, 'browser-search'))
  const samples: ChangeSample[] = []
  let ui: UiFilter = {}
  for (let c = 0; c < cycles; c++) {
    for (const step of cycle(users[(c * 3) % Math.max(users.length, 1)] ?? 'unknown', terms[c] ?? 'error')) {
      const sample = await measureStep(open, db, ui, step)
      ui = step.next(ui)
      samples.push(sample)
      log(`browser: ${sample.action}: ${sample.ms === null ? sample.error : `${sample.ms} ms`}`)
      // after two failures in a row the page is in a state these steps do not know
      const [a, b] = samples.slice(-2)
      if (a?.ms === null && b?.ms === null && a.error !== NOT_MEASURABLE && b.error !== NOT_MEASURABLE) return samples
    }
  }
  return samples
}

export interface BrowserRun {
  /** the measured build (out/, bin/) */
  app: string
  /** the repository (Playwright) */
  repo: string
  benchScript: string
  storePath: string
  store: string
  changes: number
  seed: number
}

export async function measureBrowser(run: BrowserRun): Promise<BrowserFigures> {
  const { storePath, store, changes, seed } = run
  const base: BrowserFigures = {
    skipped: null, host: '', store, entries: 0, openMs: [], open: null, change: null, changeCountOnly: null, changes: [],
    measuredAt: new Date().toISOString(),
  }
  const why = browserUnavailable(run.app, run.repo)
  if (why) return { ...base, skipped: why }
  const db = openDb(storePath, { readonly: true })
  const host = await startServe(run.app, storePath, run.benchScript)
  base.host = host.how
  const browser = await launchChromium(run.repo)
  try {
    base.entries = countEntries(db, {})
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    let opened: OpenPage | null = null
    for (let i = 0; i < OPENS; i++) {
      await opened?.page.close()
      opened = await openOnce(context, host.url)
      base.openMs.push(opened.ms)
      log(`browser: opened the app, first rows after ${opened.ms} ms`)
    }
    const samples = await measureChanges(opened!, db, changes, seed)
    const measured = samples.filter((s) => s.ms !== null)
    return {
      ...base,
      open: summarize(base.openMs, 0),
      change: measured.length > 0 ? summarize(measured.map((s) => s.ms!), 0) : null,
      changeCountOnly: measured.length > 0 ? summarize(measured.map((s) => s.countMs!), 0) : null,
      changes: samples.map(({ action, ms, error }) => ({ action, ms, ...(error ? { error } : {}) })),
    }
  } finally {
    await browser.close()
    await host.close()
    db.close()
  }
}
