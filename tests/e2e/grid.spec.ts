import { expect, FIXTURES, test } from './fixtures'

test.describe('the entry grid', () => {
  test.beforeEach(async ({ app }) => {
    await app.importFiles([FIXTURES.har('postman.har')], app.openFileButton)
    await app.dismissSummaries()
    await app.expectCount(4)
  })

  test('sorts in the backend when a column header is clicked', async ({ app }) => {
    const statuses = () => app.rows.locator('[col-id="statusCode"] .status-code').allTextContents()
    await expect.poll(statuses).toEqual(['200', '422', '404', '201'])
    await app.grid.getByRole('columnheader', { name: 'Status' }).click()
    await expect.poll(statuses).toEqual(['200', '201', '404', '422'])
    await app.grid.getByRole('columnheader', { name: 'Status' }).click()
    await expect.poll(statuses).toEqual(['422', '404', '201', '200'])
  })

  test('remembers hidden columns and keeps working after a reload (token kept for the session)', async ({ app }) => {
    await expect(app.page).not.toHaveURL(/token=/)
    await app.page.getByRole('button', { name: 'Columns' }).click()
    await app.page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Method' }).uncheck()
    await app.page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Correlation ID' }).check()
    await app.page.keyboard.press('Escape')
    await expect(app.grid.getByRole('columnheader', { name: 'Method' })).toHaveCount(0)
    await app.page.reload()
    await app.expectCount(4)
    await expect(app.grid.getByRole('columnheader', { name: 'Correlation ID' })).toHaveCount(1)
    await expect(app.grid.getByRole('columnheader', { name: 'Method' })).toHaveCount(0)
    await expect(app.cell(/422/, 'correlationId')).toHaveText('req-7f3a9c02')
    await app.page.getByRole('button', { name: 'Columns' }).click()
    await expect(app.page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Method' })).not.toBeChecked()
    await expect(app.page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Correlation ID' })).toBeChecked()
  })

  test('shows times in UTC or local time, remembered', async ({ app }) => {
    await expect(app.rows.first().locator('[col-id="ts"]')).toHaveText('2025-11-18 09:15:02.114 UTC')
    await app.page.getByRole('group', { name: 'Show times in' }).getByRole('button', { name: 'Local' }).click()
    await expect(app.rows.first().locator('[col-id="ts"]')).toHaveText(/^2025-11-18 \d\d:\d\d:02\.114 [+-]\d\d:\d\d$/)
    await app.page.reload()
    await expect(app.rows.first().locator('[col-id="ts"]')).toHaveText(/[+-]\d\d:\d\d$/)
  })
})
