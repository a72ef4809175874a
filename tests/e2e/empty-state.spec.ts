import { expect, FIXTURES, test } from './fixtures'

test.describe('first run', () => {
  test('a new user sees what the app is for and how to start', async ({ app }) => {
    await expect(app.emptyHeadline).toBeVisible()
    await expect(app.page.getByText('HAR, VICIdial, Workato CSV, JSON/NDJSON, access logs — or drop a file here.')).toBeVisible()
    await expect(app.openFileButton).toBeEnabled()
    await expect(app.sampleButton).toBeEnabled()
    await expect(app.sourcesButton).toHaveAccessibleName('Sources (0)')
  })

  test('"Open sample data" loads the bundled VICIdial demo log', async ({ app }) => {
    await app.sampleButton.click()
    await expect(app.summary).toContainText('Imported 1,541 entries')
    await expect(app.summary).toContainText('vicidial-api-log-demo.csv')
    await app.expectCount(1541)
    await expect(app.emptyHeadline).toBeHidden()
    await expect(app.row(/2024-03-12 00:00:01\.000 UTC/)).toContainText('monitor')
  })

  test('the Open button imports a log from the empty state', async ({ app }) => {
    const summary = await app.importFiles([FIXTURES.har('postman.har')], app.openFileButton)
    await expect(summary).toContainText('Imported 4 entries')
    await app.expectCount(4)
  })
})
