import { createReadStream, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { expect, FIXTURES, test } from './fixtures'

/** A big VICIdial report: the demo's data rows repeated, so an import takes long enough to watch. */
async function bigVicidialLog(path: string, copies: number): Promise<number> {
  const header: string[] = []
  const rows: string[] = []
  for await (const line of createInterface({ input: createReadStream(FIXTURES.vicidialDemo) })) {
    if (rows.length === 0 && !/^"\d{4}-/.test(line)) header.push(line)
    else if (line.trim() !== '') rows.push(line)
  }
  const body = rows.join('\n')
  writeFileSync(path, [...header, ...Array.from({ length: copies }, () => body)].join('\n') + '\n')
  return rows.length * copies
}

test.describe('importing logs', () => {
  test('shows progress with Cancel while a big log imports, and rows become browsable', async ({ app }, testInfo) => {
    const file = testInfo.outputPath('big-vicidial-report.csv')
    await bigVicidialLog(file, 150)
    await app.chooseFiles(app.openFileButton, [file])
    const bar = app.progressBar('big-vicidial-report.csv')
    await expect(bar).toBeVisible()
    await expect(app.importProgress).toContainText(/\d+% of \d+(\.\d)? MB/)
    await expect(app.importProgress).toContainText('entries/s')
    // the store is browsable while the import runs
    await expect(app.entryCount).toHaveText(/^[1-9][\d,]* entr/)
    await app.importProgress.getByRole('button', { name: 'Cancel import of big-vicidial-report.csv' }).click()
    await expect(app.summary).toContainText('Import cancelled')
    await expect(app.summary).toContainText('import cancelled')
    await expect(bar).toBeHidden()
  })

  test('summarises imported, skipped and errors per file, with positions', async ({ app }) => {
    const summary = await app.importFiles([FIXTURES.har('malformed-entries.har')], app.openFileButton)
    await expect(summary).toContainText('Imported 2 entries')
    await expect(summary).toContainText('2 imported · 0 skipped · 7 errors')
    await summary.getByText('Show 7 errors').click()
    const errors = summary.getByRole('list', { name: 'Errors in malformed-entries.har' }).getByRole('listitem')
    await expect(errors).toHaveCount(7)
    await expect(errors.first()).toHaveText('entry 2not an entry object (found a number)')
    await expect(errors.last()).toHaveText('entry 8not an entry object (found null)')
  })

  test('refuses a file that is not a log, and a duplicate, saying why', async ({ app }) => {
    await app.importFiles([FIXTURES.har('postman.har')], app.openFileButton)
    await app.dismissSummaries()
    const summary = await app.importFiles([FIXTURES.har('postman.har'), FIXTURES.har('no-entries.har')])
    await expect(summary).toContainText('No file imported')
    await expect(summary.getByRole('alert').first()).toContainText('already imported as source 1 (postman.har)')
    await expect(summary.getByRole('alert').nth(1)).toContainText('no "log.entries" array')
    await app.expectCount(4)
  })

  test('lists sources and removes one after confirmation', async ({ app }) => {
    await app.importFiles([FIXTURES.har('postman.har'), FIXTURES.har('chrome.har')], app.openFileButton)
    await app.expectCount(7)
    await app.sourcesButton.click()
    const dialog = app.sourcesDialog
    await expect(dialog.getByRole('row', { name: /postman\.har/ })).toContainText('har')
    await expect(dialog.getByRole('row', { name: /chrome\.har/ })).toContainText('3')
    await dialog.getByRole('button', { name: 'Remove chrome.har' }).click()
    const confirm = app.page.getByRole('alertdialog', { name: 'Remove source?' })
    await expect(confirm).toContainText('Remove “chrome.har” and its 3 entries')
    await confirm.getByRole('button', { name: 'Remove' }).click()
    await expect(dialog.getByRole('row', { name: /chrome\.har/ })).toBeHidden()
    await dialog.getByRole('button', { name: 'Done' }).click()
    await app.expectCount(4)
  })
})
