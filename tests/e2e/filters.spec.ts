import { expect, FIXTURES, test } from './fixtures'

test.describe('narrowing down the VICIdial demo log', () => {
  test.beforeEach(async ({ app }) => {
    await app.importFiles([FIXTURES.vicidialDemo], app.openFileButton)
    await app.dismissSummaries()
    await app.expectCount(1541)
  })

  test('API User and Result together find the failing calls of one integration', async ({ app }) => {
    await app.filterButton('API User').click()
    const panel = app.valuesPanel('API User')
    await expect(panel.getByRole('checkbox', { name: 'crmwidget', exact: true })).toHaveAccessibleDescription('685')
    await app.page.keyboard.press('Escape')
    await app.pick('API User', 'crmwidget')
    await app.expectCount(685)
    await expect(app.chip('API User: crmwidget')).toBeVisible()
    await app.pick('Result', 'Error')
    await app.expectCount(12)
    await expect(app.page.getByText('API User: crmwidget · Result: Error')).toBeVisible()
    await expect(app.rows.first()).toContainText('auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION')
  })

  test('Agent User and Function', async ({ app }) => {
    await app.pick('Agent User', '1004')
    await app.expectCount(61)
    await app.pick('Function', 'external_dial')
    await app.expectCount(26)
    // counts in a filter reflect the other active filters
    await app.filterButton('Function').click()
    await expect(app.valuesPanel('Function').getByRole('checkbox', { name: 'external_dial', exact: true })).toHaveAccessibleDescription('26')
    await app.page.keyboard.press('Escape')
    await app.chip('Agent User: 1004').click()
    await app.expectCount(291)
  })

  test('typing in a filter finds values by part of their name', async ({ app }) => {
    await app.filterButton('API User').click()
    const panel = app.valuesPanel('API User')
    await panel.getByRole('searchbox').fill('lead')
    await expect(panel.getByRole('checkbox')).toHaveCount(1)
    await panel.getByRole('checkbox', { name: 'leadimport' }).check()
    await app.page.keyboard.press('Escape')
    await app.expectCount(357)
  })

  test('time range: typed bounds, presets and the timeline', async ({ app }) => {
    await app.setTimeRange('2024-03-12 09:00:00', '2024-03-12 10:00:00')
    await app.expectCount(114)
    await expect(app.chip('Time: 2024-03-12 09:00:00 UTC → 2024-03-12 10:00:00 UTC')).toBeVisible()
    await app.presetsButton.click()
    await app.page.getByRole('button', { name: /Last 1 h/ }).click()
    await app.expectCount(6)
    await app.presetsButton.click()
    await app.page.getByRole('button', { name: 'Whole log', exact: true }).click()
    await app.expectCount(1541)
    // drag across the timeline's first half
    const box = (await app.timeline.locator('svg').boundingBox())!
    await app.page.mouse.move(box.x + 2, box.y + 20)
    await app.page.mouse.down()
    await app.page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 5 })
    await app.page.mouse.up()
    await expect(app.chip(/Time: 2024-03-12 00:00:00 UTC/)).toBeVisible()
    await expect(app.entryCount).not.toHaveText('1,541 entries')
  })

  test('search, then clearing every filter', async ({ app }) => {
    await app.searchBox.fill('permission')
    await app.expectCount(12)
    await expect(app.chip('Search: “permission”')).toBeVisible()
    await app.pick('Result', 'Error')
    await app.expectCount(12)
    await app.searchBox.fill('permission nagios')
    await app.expectCount(0)
    await expect(app.page.getByText('No entries match these filters.')).toBeVisible()
    await app.clearAllButton.click()
    await app.expectCount(1541)
    await expect(app.searchBox).toHaveValue('')
  })
})
