// Regenerates docs/screenshots/triage-*.png (1366×768, headless Chromium): UPDATE_SCREENSHOTS=1 npx
// playwright test triage-screenshots --project=browser. Skipped otherwise.
import { join } from 'node:path'
import { expect, FIXTURES, test } from './fixtures'
import { FindingsList, TriageWizard } from './pages/triage-panel'
import { ROOT } from './runtime'

const OUT = join(ROOT, 'docs', 'screenshots')

test.describe('triage screenshots for the docs', () => {
  test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to regenerate docs/screenshots')

  test('the verdict with its first failure open, and the findings', async ({ app }, testInfo) => {
    test.skip(testInfo.project.name !== 'browser', 'taken in browser mode only')
    const page = app.page
    await app.importFiles([FIXTURES.vicidialDemo], app.openFileButton)
    await app.dismissSummaries()
    await app.expectCount(1541)

    const wizard = new TriageWizard(page)
    await wizard.run({ caller: 'crmsync', fn: 'update_lead', at: '2024-03-12 10:30', zone: 'America/New_York' })
    await wizard.next('Requests present in log?')
    await wizard.next('Filter by Function and Result')
    await wizard.next('Result an error?')
    await wizard.next('Read the error: bad params or auth')
    await app.expectCount(53)
    await wizard.next(/Request rejected/)
    await wizard.evidence('First failure').click()
    await expect(app.detail.getByRole('note', { name: 'Error text' })).toHaveText('Invalid Username/Password')
    await wizard.panel.locator('.side-panel-body').evaluate((el) => el.scrollTo(0, 0))
    await page.mouse.move(0, 0)
    await page.screenshot({ path: join(OUT, 'triage-verdict.png') })

    const findings = new FindingsList(page)
    await findings.openButton.click()
    await findings.finding('Caller went silent', 'API user leadimport').click()
    await app.expectCount(2)
    await page.mouse.move(0, 0)
    await page.screenshot({ path: join(OUT, 'triage-findings.png') })
  })
})
