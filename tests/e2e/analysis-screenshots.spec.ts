// Regenerates the analyst-tool screenshots in docs/screenshots (1366×768, headless Chromium):
// UPDATE_SCREENSHOTS=1 npx playwright test analysis-screenshots --project=browser. Skipped otherwise.
import { join } from 'node:path'
import type { Page } from 'playwright/test'
import { AnalysisPage } from './pages/analysis-page'
import { expect, FIXTURES, test } from './fixtures'
import { ROOT } from './runtime'

const OUT = process.env.SCREENSHOT_DIR || join(ROOT, 'docs', 'screenshots')

test.describe('screenshots of saved views, compare and export', () => {
  test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to regenerate docs/screenshots')

  test('saved views sidebar, compare dialog, export with the redaction preview', async ({ app }, testInfo) => {
    test.skip(testInfo.project.name !== 'browser', 'taken in browser mode only')
    const page = app.page
    const tools = new AnalysisPage(page)
    await app.importFiles([FIXTURES.vicidialDemo, FIXTURES.har('firefox-excerpt.har'), FIXTURES.har('chrome.har')], app.openFileButton)
    await app.dismissSummaries()

    await app.pick('API User', 'crmsync')
    await app.pick('Result', 'Error')
    await tools.saveView('crmsync auth failures')
    await app.clearAllButton.click()
    await app.pick('Agent User', '1004')
    await tools.saveView('agent 1004 — all calls')
    await app.clearAllButton.click()
    await app.presetsButton.click()
    await page.getByRole('button', { name: /Last 1 h/ }).click()
    await tools.saveView('last hour of the log', { lastMinutes: 60 })
    await tools.applyView('crmsync auth failures')
    await app.expectCount(234)
    await dismissNotices(page)
    await page.mouse.move(0, 0)
    await page.screenshot({ path: join(OUT, 'saved-views.png') })

    await tools.compareButton.click()
    await tools.compareDialog.getByRole('combobox', { name: 'A — works' }).selectOption({ label: 'firefox-excerpt.har (3 entries)' })
    await tools.compareDialog.getByRole('combobox', { name: 'B — fails' }).selectOption({ label: 'chrome.har (3 entries)' })
    await expect(tools.matrix.getByRole('rowheader').first()).toHaveText('GET /')
    await page.screenshot({ path: join(OUT, 'compare.png') })
    await page.keyboard.press('Escape')

    await tools.importKeepingCredentials([join(ROOT, 'tests', 'e2e', 'data', 'export-canary.ndjson')])
    await expect(app.summary).toBeVisible()
    await app.dismissSummaries()
    await tools.viewsButton.click()
    await app.clearAllButton.click()
    await page.getByRole('button', { name: 'More filters' }).click()
    await app.pick('Source file', 'export-canary.ndjson')
    await app.row(/POST \/v1\/login/).locator('[col-id="ts"]').click()
    await tools.exportButton.click()
    await expect(tools.exportDialog.getByRole('table', { name: 'What the export masks in this entry' })).toBeVisible()
    await dismissNotices(page)
    await page.screenshot({ path: join(OUT, 'export.png') })
  })
})

async function dismissNotices(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Dismiss message' })
  while ((await buttons.count()) > 0) await buttons.first().click()
}
