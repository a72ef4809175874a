// The analyst tools as a user sees them (saved views, export, compare, tenants, kept credentials):
// every selector the issue-5 specs need, by role and accessible name.
import { readFile } from 'node:fs/promises'
import { expect, type Download, type Locator, type Page } from 'playwright/test'

export class AnalysisPage {
  constructor(readonly page: Page) {}

  // ── saved views ────────────────────────────────────────────────────────────
  get viewsButton(): Locator {
    return this.page.getByRole('button', { name: 'Views', exact: true })
  }
  get sidebar(): Locator {
    return this.page.getByRole('complementary', { name: 'Saved views' })
  }
  get viewList(): Locator {
    return this.sidebar.getByRole('list', { name: 'Views' })
  }
  view(name: string): Locator {
    return this.viewList.getByRole('listitem').filter({ has: this.page.getByText(name, { exact: true }) })
  }
  get activeView(): Locator {
    return this.page.getByTestId('active-view')
  }
  get saveDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Save view' })
  }

  async openViews(): Promise<void> {
    if (!(await this.sidebar.isVisible())) await this.viewsButton.click()
    await expect(this.sidebar).toBeVisible()
  }

  /** Saves the current filters as `name`; `time` picks how the time range is kept. */
  async saveView(name: string, time: 'whole' | 'these' | { lastMinutes: number } = 'whole'): Promise<void> {
    await this.openViews()
    await this.sidebar.getByRole('button', { name: 'Save current view…' }).click()
    await this.saveDialog.getByRole('textbox', { name: 'Name' }).fill(name)
    if (time === 'whole') await this.saveDialog.getByRole('radio', { name: 'Whole log' }).check()
    else if (time === 'these') await this.saveDialog.getByRole('radio', { name: /^These times/ }).check()
    else {
      await this.saveDialog.getByRole('radio', { name: /^Relative to the end of the log/ }).check()
      await this.saveDialog.getByRole('spinbutton', { name: 'Minutes before the end of the log' }).fill(String(time.lastMinutes))
    }
    await this.saveDialog.getByRole('button', { name: /^(Save|Replace) view$/ }).click()
    await expect(this.saveDialog).toBeHidden()
    await expect(this.view(name)).toBeVisible()
  }

  async applyView(name: string): Promise<void> {
    await this.view(name).getByRole('button', { name: `Apply view ${name}` }).click()
  }

  /** Opens a view's "More actions" menu and picks an action. */
  async viewAction(name: string, action: 'Rename…' | 'Duplicate' | 'Export to a file' | 'Delete…'): Promise<void> {
    await this.view(name).getByRole('button', { name: `More actions for ${name}` }).click()
    await this.page.getByRole('dialog', { name: `Actions for ${name}` }).getByRole('button', { name: action }).click()
  }

  /** Exports a view to a file and returns the file's text. */
  async exportView(name: string): Promise<{ fileName: string; content: string }> {
    const download = this.page.waitForEvent('download')
    await this.viewAction(name, 'Export to a file')
    return readDownload(await download)
  }

  async importViewFile(name: string, content: string): Promise<void> {
    await this.sidebar.getByTestId('view-file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) })
  }

  // ── export ─────────────────────────────────────────────────────────────────
  get exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Export…', exact: true })
  }
  get exportDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Export' })
  }
  get exportCount(): Locator {
    return this.exportDialog.getByTestId('export-count')
  }

  /** Exports the current filtered set in `format` and returns the downloaded file's text. */
  async exportAs(format: 'CSV' | 'NDJSON' | 'HAR 1.2', options: { bom?: boolean } = {}): Promise<{ fileName: string; content: string }> {
    await this.exportButton.click()
    await this.exportDialog.getByRole('radio', { name: new RegExp(`^${format.replace('.', '\\.')} —`) }).check()
    if (format === 'CSV') await this.exportDialog.getByRole('checkbox', { name: /Add a BOM for Excel/ }).setChecked(options.bom ?? false)
    await expect(this.exportCount).toContainText('will be exported')
    const download = this.page.waitForEvent('download')
    await this.exportDialog.getByRole('button', { name: /^Export \d/ }).click()
    const file = await readDownload(await download)
    await expect(this.exportDialog.getByTestId('export-result')).toBeVisible()
    return file
  }

  async closeExport(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.exportDialog).toBeHidden()
  }

  // ── kept credentials ───────────────────────────────────────────────────────
  get secretsBanner(): Locator {
    return this.page.getByRole('region', { name: 'Live credentials in this store' })
  }

  /** Imports through Import options ▸ Keep credentials. */
  async importKeepingCredentials(paths: string[]): Promise<void> {
    await this.page.getByRole('button', { name: 'Import options' }).click()
    await this.page.getByRole('checkbox', { name: 'Keep credentials (not recommended)' }).check()
    const chooser = this.page.waitForEvent('filechooser')
    await this.page.getByRole('button', { name: 'Choose files (keep credentials)…' }).click()
    await (await chooser).setFiles(paths)
  }

  // ── compare and tenants ────────────────────────────────────────────────────
  get compareButton(): Locator {
    return this.page.getByRole('button', { name: 'Compare', exact: true })
  }
  get compareDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Compare two sources' })
  }
  get matrix(): Locator {
    return this.compareDialog.getByRole('table', { name: 'Function × Result, A against B' })
  }
  get tenantsButton(): Locator {
    return this.page.getByRole('button', { name: 'Tenants', exact: true })
  }
  get tenantsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Tenants' })
  }
  get tenantsTable(): Locator {
    return this.tenantsDialog.getByRole('table', { name: 'Entries per tenant' })
  }
}

export async function readDownload(download: Download): Promise<{ fileName: string; content: string }> {
  const path = await download.path()
  return { fileName: download.suggestedFilename(), content: await readFile(path, 'utf8') }
}
