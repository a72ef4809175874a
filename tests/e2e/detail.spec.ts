import { expect, FIXTURES, test } from './fixtures'

test.describe('reading one call', () => {
  test.beforeEach(async ({ app }) => {
    await app.importFiles([FIXTURES.har('postman.har')], app.openFileButton)
    await app.dismissSummaries()
    await app.expectCount(4)
  })

  test('selecting the failing call shows why, then its request and response bodies', async ({ app }) => {
    await app.row(/422/).locator('[col-id="ts"]').click()
    const detail = app.detail
    await expect(detail.getByRole('note', { name: 'Error text' })).toHaveText(/email is not a valid address/)
    await expect(detail).toContainText('VALIDATION_FAILED')
    await expect(detail).toContainText('crm-sync')
    await expect(detail).toContainText('maria.lopez')

    await app.tab('Request').click()
    await expect(detail).toContainText('https://api.acme-crm.example/v2/contacts')
    await expect(detail.getByRole('table').filter({ hasText: 'X-On-Behalf-Of' })).toContainText('maria.lopez')
    await expect(app.codeText('Request body')).toContainText('"email": "ana(at)example.com"')

    await app.tab('Response').click()
    await expect(detail).toContainText('422 Unprocessable Entity')
    await expect(app.codeText('Response body')).toContainText('"code": "VALIDATION_FAILED"')
    await detail.getByRole('button', { name: 'As logged' }).click()
    await expect(app.codeText('Response body')).toContainText('{"message":"email is not a valid address","code"')

    await app.tab('Raw').click()
    await expect(app.codeText('Original record')).toContainText('"startedDateTime": "2025-11-18T09:15:07.900Z"')
  })

  test('the keyboard moves through entries and into the detail pane', async ({ app }) => {
    await app.rows.first().locator('[col-id="ts"]').click()
    await expect(app.detail).toContainText('PUT')
    await app.page.keyboard.press('ArrowDown')
    await expect(app.detail.getByRole('note', { name: 'Error text' })).toHaveText(/email is not a valid address/)
    await app.page.keyboard.press('ArrowDown')
    await expect(app.detail).toContainText('404')
    await app.page.keyboard.press('Enter')
    await expect(app.tab('Overview')).toBeFocused()
    await app.page.keyboard.press('ArrowRight')
    await expect(app.tab('Request')).toBeFocused()
    await expect(app.tab('Request')).toHaveAttribute('aria-selected', 'true')
    await app.page.keyboard.press('Escape')
    await expect(app.row(/404/).locator('[col-id="ts"]')).toBeFocused()
  })

  test('the four fields can be filtered on from the detail pane', async ({ app }) => {
    await app.row(/422/).locator('[col-id="ts"]').click()
    await app.detail.getByRole('button', { name: 'Show only Agent User maria.lopez' }).click()
    await expect(app.chip('Agent User: maria.lopez')).toBeVisible()
    await app.expectCount(2)
    await expect(app.rows).toHaveCount(2)
  })
})
