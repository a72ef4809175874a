// The grid a new user sees: columns every loaded file leaves empty start hidden (Status and Method for
// VICIdial, the user columns, error text and duration for an access log) and come back when a file
// fills them; the user's own choice in Columns wins until Reset layout. With no matching rows only the
// app's own message shows, not AG Grid's overlay.
import { join } from 'node:path'
import { expect, FIXTURES, test } from './fixtures'
import type { InspectorPage } from './pages/inspector-page'
import { ROOT } from './runtime'

const ACCESS_LOG = join(ROOT, 'tests', 'fixtures', 'access-log', 'apache-combined-head300.log')

const header = (app: InspectorPage, name: string) => app.grid.getByRole('columnheader', { name, exact: true })
const chooser = (app: InspectorPage) => app.page.getByRole('dialog', { name: 'Columns' })

test('VICIdial: no Status or Method column until a file with them is loaded', async ({ app }) => {
  await app.importFiles([FIXTURES.vicidialDemo], app.openFileButton)
  await app.dismissSummaries()
  await app.expectCount(1541)
  await expect(header(app, 'Status')).toHaveCount(0)
  await expect(header(app, 'Method')).toHaveCount(0)
  await expect(header(app, 'API User')).toBeVisible()
  await expect(header(app, 'Agent User')).toBeVisible()
  await expect(header(app, 'Error / Reason')).toBeVisible()
  await app.page.getByRole('button', { name: 'Columns' }).click()
  await expect(chooser(app).getByRole('checkbox', { name: 'Status empty' })).not.toBeChecked()
  await app.page.keyboard.press('Escape')

  await app.importFiles([FIXTURES.har('postman.har')])
  await app.dismissSummaries()
  await app.expectCount(1545)
  await expect(header(app, 'Status')).toBeVisible()
  await expect(header(app, 'Method')).toBeVisible()
})

test('access log: the user columns, error text and duration start hidden; the user’s choice wins', async ({ app }) => {
  await app.importFiles([ACCESS_LOG], app.openFileButton)
  await app.dismissSummaries()
  await expect(header(app, 'Status')).toBeVisible()
  for (const name of ['API User', 'Agent User', 'Error / Reason', 'Duration']) await expect(header(app, name)).toHaveCount(0)

  await app.page.getByRole('button', { name: 'Columns' }).click()
  await chooser(app).getByRole('checkbox', { name: 'API User' }).check()
  await app.page.keyboard.press('Escape')
  await expect(header(app, 'API User')).toBeVisible()
  await app.page.reload()
  await expect(header(app, 'Status')).toBeVisible()
  await expect(header(app, 'API User')).toBeVisible()
  await expect(header(app, 'Agent User')).toHaveCount(0)

  await app.page.getByRole('button', { name: 'Columns' }).click()
  await chooser(app).getByRole('button', { name: 'Reset layout' }).click()
  await app.page.keyboard.press('Escape')
  await expect(header(app, 'API User')).toHaveCount(0)
})

test('no matching rows: the app’s own message and a way out, and no grid overlay over it', async ({ app }) => {
  await app.importFiles([FIXTURES.vicidialDemo], app.openFileButton)
  await app.dismissSummaries()
  await app.searchBox.fill('zzzz-nothing-matches')
  await app.expectCount(0)
  await expect(app.page.getByText('No entries match these filters.')).toBeVisible()
  await expect(app.page.getByText('No Rows To Show')).toHaveCount(0)
  await app.page.getByRole('button', { name: 'Clear all filters' }).click()
  await app.expectCount(1541)
})
