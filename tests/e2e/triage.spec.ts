// Triage on the bundled demo log: every leaf of the support flowchart, an inconclusive case, the
// evidence link into the grid and the detail pane, the HTML report, and the automatic findings.
import { expect, FIXTURES, test } from './fixtures'
import type { InspectorPage } from './pages/inspector-page'
import { FindingsList, TriageWizard } from './pages/triage-panel'

async function openDemo(app: InspectorPage): Promise<void> {
  await app.importFiles([FIXTURES.vicidialDemo], app.openFileButton)
  await app.dismissSummaries()
  await app.expectCount(1541)
}

test.describe('triage wizard', () => {
  test.beforeEach(async ({ app }) => openDemo(app))

  test('D: leadimport silent around 02:30 UTC — the caller never reached us', async ({ app }) => {
    const wizard = new TriageWizard(app.page)
    await wizard.run({ caller: 'leadimport', at: '2024-03-12 02:30' })
    await expect(wizard.currentNode).toHaveAttribute('data-node', 'B')
    await app.expectCount(6) // everyone's traffic in 02:00–03:00: monitor only
    await wizard.next('Requests present in log?')
    await expect(wizard.answer).toContainText('none in the window, although about 71 were expected')
    await app.expectCount(2) // the last request before the gap and the first after it
    await expect(app.chip('API User: leadimport')).toBeVisible()
    await expect(wizard.evidence('Last request before the gap')).toContainText('2024-03-12 01:59:47')
    await wizard.next('Caller never reached us: network or wrong URL')
    await expect(wizard.currentNode).toHaveAttribute('data-node', 'D')
    await wizard.next(/Caller never reached us/)
    await expect(wizard.headline).toContainText('No request from API user leadimport reached the API in the window')
    await expect(wizard.panel).toContainText('Confidence')
  })

  test('G: crmsync update_lead at 10:30 New York — rejected, auth; evidence, detail pane and report', async ({ app }) => {
    const wizard = new TriageWizard(app.page)
    await wizard.run({ caller: 'crmsync', pickFromList: true, fn: 'update_lead', at: '2024-03-12 10:30', zone: 'America/New_York' })
    await expect(wizard.answer).toContainText('the reported 10:30 America/New_York (14:30 UTC)')
    await app.expectCount(149)
    await wizard.next('Requests present in log?')
    await app.expectCount(53)
    await wizard.next('Filter by Function and Result')
    await expect(wizard.panel.getByRole('table', { name: 'Results per function' })).toContainText('update_lead')
    await wizard.next('Result an error?')
    await app.expectCount(51)
    await expect(app.chip('Result: Error')).toBeVisible()
    await wizard.next('Read the error: bad params or auth')
    await expect(wizard.panel.getByRole('table', { name: 'Errors in the window' })).toContainText('Invalid Username/Password')
    await wizard.next(/Request rejected/)
    await expect(wizard.verdict(/Request rejected/)).toContainText('authentication or permission')
    await expect(wizard.headline).toContainText('failing since 2024-03-12 14:07:48 UTC')
    await expect(wizard.panel.getByRole('meter', { name: 'Confidence 95%' })).toBeVisible()
    await expect(wizard.currentNode).toHaveAttribute('data-node', 'G')

    // the first failure: selected in the grid, open in the detail pane
    await wizard.evidence('First failure').click()
    await expect(app.detail.getByRole('note', { name: 'Error text' })).toHaveText('Invalid Username/Password')
    await expect(app.detail).toContainText('2024-03-12 14:07:48')
    const row = app.row('2024-03-12 14:07:48')
    await expect(row).toHaveAttribute('aria-selected', 'true')
    await expect(row).toBeInViewport()
    // the first request after the window is the last of 54 rows: the grid scrolls down to it
    await wizard.evidence('First request after the window').click()
    await expect(app.detail).toContainText('2024-03-12 15:00:11')
    await app.expectCount(54)
    const after = app.row('2024-03-12 15:00:11')
    await expect(after).toHaveAttribute('aria-selected', 'true')
    await expect(after).toBeInViewport()

    // the report: a standalone HTML file with the verdict and no live credentials
    const report = await wizard.saveReport('HTML')
    expect(report.fileName).toMatch(/\.html$/)
    expect(report.content.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(report.content).toContain('</html>')
    expect(report.content).toContain('Request rejected')
    expect(report.content).toContain('Invalid Username/Password')
    expect(report.content).not.toMatch(/<script|<link|src="http/i)
    expect(report.content).toMatch(/pass=«redacted/)
    for (const secret of ['CrmSync2024Q1', 'Imp0rt2024', 'W1dgetPass', 'N4giosCheck']) expect(report.content).not.toContain(secret)
    expect(report.content).not.toMatch(/pass=(?!«redacted)[^&\s"<]/)
    const markdown = await wizard.saveReport('Markdown')
    expect(markdown.fileName).toMatch(/\.md$/)
    expect(markdown.content).toContain('Request rejected')
    expect(markdown.content).not.toContain('CrmSync2024Q1')
  })

  test('H: monitor version, all calls succeeded — the problem is on the caller side', async ({ app }) => {
    const wizard = new TriageWizard(app.page)
    await wizard.run({ caller: 'monitor', fn: 'version', at: '2024-03-12 14:30' })
    await wizard.next('Requests present in log?')
    await wizard.next('Filter by Function and Result')
    await wizard.next('Result an error?')
    await expect(wizard.answer).toContainText('all 6 requests succeeded')
    await wizard.next('Problem is on the caller side')
    await expect(wizard.currentNode).toHaveAttribute('data-node', 'H')
    await app.expectCount(6)
    await wizard.next(/Problem on the caller side/)
    await expect(wizard.headline).toContainText('All 6 requests from API user monitor calling version in the window succeeded')
  })

  test('inconclusive: a misspelt caller — why, the names the log knows, and a rerun with one', async ({ app }) => {
    const wizard = new TriageWizard(app.page)
    await wizard.run({ caller: 'crmsinc', at: '2024-03-12 14:30' })
    await wizard.next('Requests present in log?')
    await wizard.next(/Inconclusive/)
    const why = wizard.panel.getByRole('note', { name: 'Why inconclusive' })
    await expect(why).toContainText('The caller has no requests anywhere in the searched log')
    await expect(why).toContainText('The log covers 2024-03-12 00:00:01 UTC to 2024-03-12 23:50:04 UTC')
    await why.getByRole('button', { name: 'Triage API User crmsync instead' }).click()
    await expect(wizard.heading('Set time range around the failure')).toBeVisible()
    await wizard.panel.getByRole('button', { name: 'Skip to verdict' }).click()
    await expect(wizard.verdict(/Request rejected/)).toBeVisible()
  })
})

test.describe('findings', () => {
  test.beforeEach(async ({ app }) => openDemo(app))

  test('the panel lists the crmsync error spike and the silent leadimport; clicking one filters the grid', async ({ app }) => {
    const findings = new FindingsList(app.page)
    await expect(findings.openButton).toHaveAccessibleName('Findings (6)')
    await findings.openButton.click()
    await expect(findings.items).toHaveCount(6)
    const spike = findings.finding('Error spike', 'API user crmsync')
    await expect(spike).toContainText('234 of 236 failed')
    const silent = findings.finding('Caller went silent', 'API user leadimport')
    await expect(silent).toContainText('silent 60 min')

    await silent.click()
    await app.expectCount(2)
    await expect(app.chip('API User: leadimport')).toBeVisible()
    await expect(app.fromInput).toHaveValue('2024-03-12 01:59:47')

    await spike.click()
    await app.expectCount(234)
    await expect(app.chip('API User: crmsync')).toBeVisible()
    await expect(app.chip('Result: Error')).toBeVisible()
    await expect(app.rows.first()).toContainText('Invalid Username/Password')
  })
})
