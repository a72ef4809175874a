// The per-tenant table over gateway NDJSON logs (AWS API Gateway account ids, Cloudflare zones, Kong
// workspaces, tenant_id fields): volume, errors, error rate, p50 / p95, first / last seen; sortable; a
// row filters the grid to its tenant; the table follows the other filters but not the tenant filter.
import { join } from 'node:path'
import { AnalysisPage } from './pages/analysis-page'
import { expect, test } from './fixtures'
import { ROOT } from './runtime'

const NDJSON = ['aws-api-gateway', 'cloudflare-logpush', 'kong-file-log', 'common-shape', 'ecs'].map((name) =>
  join(ROOT, 'tests', 'fixtures', 'ndjson', `${name}.ndjson`),
)

test.describe('tenants of gateway logs', () => {
  test.beforeEach(async ({ app }) => {
    await app.importFiles(NDJSON, app.openFileButton)
    await app.dismissSummaries()
    await app.expectCount(17)
  })

  test('volume, errors and latency per tenant; sort; a row filters the grid', async ({ app }) => {
    const tools = new AnalysisPage(app.page)
    // a tenant already picked does not narrow the table: it lists every tenant the other filters let through
    await app.page.getByRole('button', { name: 'More filters' }).click()
    await app.pick('Tenant', 'retail')
    await app.expectCount(2)

    await tools.tenantsButton.click()
    const table = tools.tenantsTable
    await expect(tools.tenantsDialog.getByRole('status')).toHaveText('6 tenants (one of them: entries without a tenant)')
    const rows = table.locator('tbody tr')
    await expect(rows.locator('th')).toHaveText(['(no tenant)', 'example.com', '123456789012', 'retail', 'acme', 'acme-corp'])
    await expect(rows.nth(1).locator('th, td')).toHaveText([
      'example.com', '4', '3', '75.0%', '187 ms', '2.00 s', '2024-05-01 10:00:20 UTC', '2024-05-01 10:00:23 UTC',
    ])
    await expect(rows.nth(2).locator('td').nth(4)).toHaveText('29.0 s')

    const rateHeader = table.getByRole('columnheader', { name: 'Error rate' })
    await rateHeader.getByRole('button').click()
    await expect(rateHeader).toHaveAttribute('aria-sort', 'descending')
    await expect(rows.locator('th')).toHaveText(['retail', 'example.com', '(no tenant)', '123456789012', 'acme', 'acme-corp'])
    await rateHeader.getByRole('button').click()
    await expect(rateHeader).toHaveAttribute('aria-sort', 'ascending')
    await expect(rows.first().locator('th')).toHaveText('acme')

    await table.getByRole('button', { name: 'Show only tenant example.com' }).click()
    await expect(tools.tenantsDialog).toBeHidden()
    await app.expectCount(4)
    await expect(app.chip('Tenant: example.com')).toBeVisible()
    await expect(app.chip('Tenant: retail')).toHaveCount(0)
  })

  test('the table follows the other filters', async ({ app }) => {
    const tools = new AnalysisPage(app.page)
    await app.pick('Result', 'Error')
    await app.expectCount(10)
    await tools.tenantsButton.click()
    await expect(tools.tenantsDialog).toContainText('Under the current filters (Result: Error), the tenant filter left out.')
    const rows = tools.tenantsTable.locator('tbody tr')
    await expect(rows.locator('th')).toHaveText(['(no tenant)', 'example.com', 'retail', '123456789012'])
    await expect(rows.nth(3).locator('td')).toHaveText(['1', '1', '100.0%', '29.0 s', '29.0 s', '2024-05-01 10:00:00 UTC', '2024-05-01 10:00:00 UTC'])
    // the row for entries without a tenant filters to "(none)"
    await rows.first().click()
    await app.expectCount(4)
    await expect(app.chip('Tenant: (none)')).toBeVisible()
  })
})
