// Comparing two HAR captures ("Firefox works, Chrome fails"): totals and the error-rate change, the
// Function × Result matrix with the regression first, and what only one of them has; clicking a count
// or an "only in" value filters the grid.
import { AnalysisPage } from './pages/analysis-page'
import { expect, FIXTURES, test } from './fixtures'

test.describe('compare two HAR captures', () => {
  test.beforeEach(async ({ app }) => {
    await app.importFiles([FIXTURES.har('firefox-excerpt.har'), FIXTURES.har('chrome.har')], app.openFileButton)
    await app.dismissSummaries()
    await app.expectCount(6)
  })

  test('the matrix puts the regression first; clicking its error cell shows those entries', async ({ app }) => {
    const tools = new AnalysisPage(app.page)
    await tools.compareButton.click()
    const dialog = tools.compareDialog
    // A is the older capture, B the newer one
    await expect(dialog.getByRole('combobox', { name: 'A — works' }).locator('option:checked')).toHaveText('firefox-excerpt.har (3 entries)')
    await expect(dialog.getByRole('combobox', { name: 'B — fails' }).locator('option:checked')).toHaveText('chrome.har (3 entries)')
    await expect(dialog.getByTestId('error-rate-change')).toHaveText('Error rate0.0% → 33.3%+33.3 pp (worse) · errors +1')

    const rows = tools.matrix.locator('tbody tr')
    await expect(rows).toHaveCount(4)
    await expect(rows.first().getByRole('rowheader')).toHaveText('GET /')
    await expect(rows.first()).toContainText('0.0% → 50.0% (+50.0 pp, worse)')
    const errorCell = tools.matrix.getByRole('button', { name: 'GET /, Error: 0 in A, 1 in B (+1, worse)' })
    await expect(errorCell).toHaveText('0 → 1 (+1)')

    const onlyInA = dialog.getByRole('region', { name: 'Only in A — firefox-excerpt.har' })
    await expect(onlyInA.getByRole('list', { name: 'Functions' }).getByRole('button')).toHaveText([
      'GET /logo-navbar.png1',
      'GET /snapshots.mitmproxy.org1',
    ])
    const onlyInB = dialog.getByRole('region', { name: 'Only in B — chrome.har' })
    await expect(onlyInB.getByRole('list', { name: 'Functions' }).getByRole('button')).toHaveCount(1)

    await errorCell.click()
    await expect(dialog).toBeHidden()
    await app.expectCount(1)
    await expect(app.chip('Function: GET /')).toBeVisible()
    await expect(app.chip('Result: Error')).toBeVisible()
    await expect(app.rows.first()).toContainText('GET /')

    // an "only in" value filters too
    await tools.compareButton.click()
    await onlyInA.getByRole('button', { name: /GET \/logo-navbar\.png/ }).click()
    await app.expectCount(1)
    await expect(app.chip('Function: GET /logo-navbar.png')).toBeVisible()
    await expect(app.chip('Source file: firefox-excerpt.har')).toBeVisible()
  })

  test('swapping A and B turns the regression into an improvement', async ({ app }) => {
    const tools = new AnalysisPage(app.page)
    await tools.compareButton.click()
    await tools.compareDialog.getByRole('button', { name: 'Swap' }).click()
    await expect(tools.compareDialog.getByTestId('error-rate-change')).toHaveText('Error rate33.3% → 0.0%−33.3 pp (better) · errors −1')
    await expect(tools.matrix.getByRole('button', { name: 'GET /, Error: 1 in A, 0 in B (−1, better)' })).toBeVisible()
    // the choice is remembered
    await app.page.keyboard.press('Escape')
    await tools.compareButton.click()
    await expect(tools.compareDialog.getByRole('combobox', { name: 'A — works' }).locator('option:checked')).toHaveText('chrome.har (3 entries)')
  })
})
