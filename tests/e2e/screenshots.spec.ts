// Regenerates docs/screenshots/*.png (1366×768, headless Chromium): UPDATE_SCREENSHOTS=1 npx playwright
// test screenshots --project=browser. Skipped otherwise, so normal runs leave the docs alone.
import { join } from 'node:path'
import { expect, FIXTURES, test } from './fixtures'
import { ROOT } from './runtime'

const OUT = join(ROOT, 'docs', 'screenshots')

test.describe('screenshots for the docs', () => {
  test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to regenerate docs/screenshots')

  test('empty state, import summary, filtered grid with details, dark mode', async ({ app }, testInfo) => {
    test.skip(testInfo.project.name !== 'browser', 'taken in browser mode only')
    const page = app.page
    await expect(app.emptyHeadline).toBeVisible()
    await page.screenshot({ path: join(OUT, 'empty-state.png') })

    await app.importFiles(
      [FIXTURES.vicidialDemo, FIXTURES.har('postman.har'), FIXTURES.har('malformed-entries.har'), FIXTURES.har('no-entries.har')],
      app.openFileButton,
    )
    await app.summary.getByText('Show 7 errors').click()
    await app.expectCount(1547)
    await page.mouse.move(0, 0)
    await page.screenshot({ path: join(OUT, 'import-summary.png') })
    await app.dismissSummaries()

    await app.pick('API User', 'crmwidget')
    await app.pick('Result', 'Error')
    await app.expectCount(12)
    await app.rows.nth(2).locator('[col-id="ts"]').click()
    await expect(app.detail.getByRole('note', { name: 'Error text' })).toBeVisible()
    await page.screenshot({ path: join(OUT, 'grid-filters-detail.png') })

    // a REST call with JSON bodies
    await app.clearAllButton.click()
    await page.getByRole('button', { name: 'More filters' }).click()
    await app.pick('Source file', 'postman.har')
    await app.expectCount(4)
    await app.row(/422/).locator('[col-id="ts"]').click()
    await app.tab('Response').click()
    await expect(app.codeText('Response body')).toContainText('VALIDATION_FAILED')
    await page.screenshot({ path: join(OUT, 'detail-response.png') })

    await page.emulateMedia({ colorScheme: 'dark' })
    await app.tab('Request').click()
    await expect(app.codeText('Request body')).toContainText('ana(at)example.com')
    await page.screenshot({ path: join(OUT, 'dark-mode.png') })
  })
})
