// Saved views: save the filters, time range, columns and sort; clear and re-apply; rename, duplicate,
// delete; a view file exported and imported again (a tampered one refused); the last used view coming
// back after a reload, and clearing it.
import { AnalysisPage } from './pages/analysis-page'
import { expect, FIXTURES, test } from './fixtures'

test.describe('saved views on the VICIdial demo log', () => {
  test.beforeEach(async ({ app }) => {
    await app.importFiles([FIXTURES.vicidialDemo], app.openFileButton)
    await app.dismissSummaries()
    await app.expectCount(1541)
  })

  test('save a view, clear the filters, apply it again; rename, duplicate and delete it', async ({ app }) => {
    const views = new AnalysisPage(app.page)
    await app.pick('API User', 'crmsync')
    await app.pick('Result', 'Error')
    await app.expectCount(234)
    // a layout of its own: sorted by Function, without the Agent User column
    const functionHeader = app.grid.getByRole('columnheader', { name: 'Function' })
    await functionHeader.getByText('Function', { exact: true }).click()
    await expect(functionHeader).toHaveAttribute('aria-sort', 'ascending')
    await app.page.getByRole('button', { name: 'Columns' }).click()
    await app.page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Agent User' }).uncheck()
    await app.page.keyboard.press('Escape')
    await expect(app.grid.getByRole('columnheader', { name: 'Agent User' })).toHaveCount(0)

    await views.saveView('crmsync failures')
    const item = views.view('crmsync failures')
    await expect(item).toContainText('API User: crmsync · Result: Error')
    await expect(item).toContainText('Whole log · own columns and sort')
    await expect(item).toContainText('Never used')

    // back to nothing: no filters, default layout
    await app.clearAllButton.click()
    await app.expectCount(1541)
    await app.page.getByRole('button', { name: 'Columns' }).click()
    await app.page.getByRole('button', { name: 'Reset layout' }).click()
    await app.page.keyboard.press('Escape')
    await expect(app.grid.getByRole('columnheader', { name: 'Agent User' })).toHaveCount(1)

    await views.applyView('crmsync failures')
    await app.expectCount(234)
    await expect(app.chip('API User: crmsync')).toBeVisible()
    await expect(app.chip('Result: Error')).toBeVisible()
    await expect(functionHeader).toHaveAttribute('aria-sort', 'ascending')
    await expect(app.grid.getByRole('columnheader', { name: 'Agent User' })).toHaveCount(0)
    await expect(item).toContainText('applied')
    await expect(item).toContainText('Used just now')
    await expect(views.activeView).toContainText('“crmsync failures”')

    await views.viewAction('crmsync failures', 'Rename…')
    const rename = app.page.getByRole('dialog', { name: 'Rename “crmsync failures”' })
    await rename.getByRole('textbox', { name: 'New name' }).fill('crmsync auth failures')
    await rename.getByRole('button', { name: 'Rename' }).click()
    await expect(views.view('crmsync auth failures')).toBeVisible()
    await expect(views.view('crmsync failures')).toHaveCount(0)
    await expect(views.activeView).toContainText('“crmsync auth failures”')

    await views.viewAction('crmsync auth failures', 'Duplicate')
    const copy = views.view('crmsync auth failures (copy)')
    await expect(copy).toContainText('API User: crmsync · Result: Error')

    await views.viewAction('crmsync auth failures (copy)', 'Delete…')
    const confirm = app.page.getByRole('alertdialog', { name: 'Delete view?' })
    await expect(confirm).toContainText('“crmsync auth failures (copy)”')
    await confirm.getByRole('button', { name: 'Delete' }).click()
    await expect(copy).toHaveCount(0)
    await expect(views.viewList.getByRole('listitem')).toHaveCount(1)

    // a changed filter marks the applied view as changed
    await app.chip('Result: Error').click()
    await expect(views.view('crmsync auth failures')).toContainText('applied, filters changed')
  })

  test('export a view to a file and import it; a tampered file is refused with its reason', async ({ app }) => {
    const views = new AnalysisPage(app.page)
    await app.pick('Agent User', '1004')
    await app.searchBox.fill('external_dial')
    await app.expectCount(26)
    await views.saveView('agent 1004 dials')
    const file = await views.exportView('agent 1004 dials')
    expect(file.fileName).toBe('agent 1004 dials.apilog-view.json')
    const parsed = JSON.parse(file.content) as { format: string; view: { filter: { agentUser: string[] }; search: string } }
    expect(parsed.format).toBe('api-log-inspector.view')
    expect(parsed.view.filter.agentUser).toEqual(['1004'])
    expect(parsed.view.search).toBe('external_dial')

    // importing over an existing view asks first
    await views.importViewFile(file.fileName, file.content)
    const replace = app.page.getByRole('alertdialog', { name: 'Replace view?' })
    await expect(replace).toContainText('A view named “agent 1004 dials” already exists')
    await replace.getByRole('button', { name: 'Cancel' }).click()

    await views.viewAction('agent 1004 dials', 'Delete…')
    await app.page.getByRole('alertdialog', { name: 'Delete view?' }).getByRole('button', { name: 'Delete' }).click()
    await expect(views.view('agent 1004 dials')).toHaveCount(0)
    await app.clearAllButton.click()
    await app.expectCount(1541)

    await views.importViewFile(file.fileName, file.content)
    await expect(views.view('agent 1004 dials')).toBeVisible()
    await views.applyView('agent 1004 dials')
    await app.expectCount(26)

    // someone widened the filter by hand: the checksum no longer matches
    const tampered = file.content.replace('"1004"', '"1001"')
    expect(tampered).not.toBe(file.content)
    await views.importViewFile('tampered.apilog-view.json', tampered)
    await expect(views.sidebar.getByRole('alert')).toHaveText(
      'Could not import tampered.apilog-view.json: saved-view file was changed after it was exported: its checksum does not match its content',
    )
    await views.importViewFile('notes.txt', 'just some notes')
    await expect(views.sidebar.getByRole('alert')).toHaveText('Could not import notes.txt: not a saved-view file: it is not valid JSON')
    await expect(views.viewList.getByRole('listitem')).toHaveCount(1)
  })

  test('the last used view comes back after a reload, and clearing it keeps it away', async ({ app }) => {
    const views = new AnalysisPage(app.page)
    await views.saveView('last hour', { lastMinutes: 60 })
    await expect(views.view('last hour')).toContainText('Last 1 h of the log')
    await views.applyView('last hour')
    await app.expectCount(6)

    await app.page.reload()
    await app.expectCount(6)
    await expect(views.activeView).toHaveText('Reopened: “last hour”')
    await expect(app.chip(/Time: 2024-03-12 22:50:04\.001 UTC/)).toBeVisible()

    await views.activeView.getByRole('button', { name: 'Clear view last hour' }).click()
    await app.expectCount(1541)
    await expect(views.activeView).toHaveCount(0)
    await app.page.reload()
    await app.expectCount(1541)
    await expect(views.activeView).toHaveCount(0)
    // the view itself stays
    await views.openViews()
    await expect(views.view('last hour')).toBeVisible()
  })
})
