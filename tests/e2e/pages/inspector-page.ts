// The app as a user sees it: every selector the specs need lives here, by role and accessible name.
import { expect, type Locator, type Page } from 'playwright/test'

/** The page's DOM, typed just enough for the callbacks below (e2e code compiles without lib.dom). */
interface PageGlobals {
  DataTransfer: new () => { items: { add(file: unknown): void } }
  File: new (parts: string[], name: string) => unknown
  DragEvent: new (type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: unknown }) => unknown
  document: { body: { dispatchEvent(event: unknown): boolean } }
}

export class InspectorPage {
  constructor(readonly page: Page) {}

  // ── empty state and imports ────────────────────────────────────────────────
  get emptyHeadline(): Locator {
    return this.page.getByRole('heading', { name: 'Open an API log' })
  }
  get openFileButton(): Locator {
    return this.page.getByRole('button', { name: 'Open log file…' })
  }
  get sampleButton(): Locator {
    return this.page.getByRole('button', { name: 'Open sample data' })
  }
  get importButton(): Locator {
    return this.page.getByRole('button', { name: 'Import…' })
  }
  progressBar(fileName: string): Locator {
    return this.page.getByRole('progressbar', { name: `Import progress for ${fileName}` })
  }
  get importProgress(): Locator {
    return this.page.getByRole('region', { name: 'Imports in progress' })
  }
  get summary(): Locator {
    return this.page.getByRole('region', { name: 'Import summary' }).last()
  }

  /** Picks files in the file chooser opened by `button` (Open log file… or Import…). */
  async chooseFiles(button: Locator, paths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await button.click()
    await (await chooser).setFiles(paths)
  }

  /** Imports through the toolbar and waits for the summary; returns it. */
  async importFiles(paths: string[], button: Locator = this.importButton): Promise<Locator> {
    await this.chooseFiles(button, paths)
    await expect(this.summary).toBeVisible({ timeout: 60_000 })
    return this.summary
  }

  /** Drags a file over the window (the drop overlay shows) and drops it. */
  async dropFile(name: string, content: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([fileName, text]) => {
        const g = globalThis as unknown as PageGlobals
        const data = new g.DataTransfer()
        data.items.add(new g.File([text], fileName))
        return data
      },
      [name, content] as const,
    )
    const fire = (type: string) =>
      this.page.evaluate(
        ([eventType, data]) => {
          const g = globalThis as unknown as PageGlobals
          return g.document.body.dispatchEvent(new g.DragEvent(eventType, { bubbles: true, cancelable: true, dataTransfer: data }))
        },
        [type, transfer] as const,
      )
    await fire('dragenter')
    await fire('dragover')
    await expect(this.page.getByText('Drop to import')).toBeVisible()
    await fire('drop')
    await expect(this.page.getByText('Drop to import')).toBeHidden()
  }

  async dismissSummaries(): Promise<void> {
    const buttons = this.page.getByRole('button', { name: 'Dismiss import summary' })
    while ((await buttons.count()) > 0) await buttons.first().click()
  }

  // ── sources ────────────────────────────────────────────────────────────────
  get sourcesButton(): Locator {
    return this.page.getByRole('button', { name: /^Sources/ })
  }
  get sourcesDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Sources' })
  }

  // ── filters ────────────────────────────────────────────────────────────────
  filterButton(label: string): Locator {
    return this.page.getByRole('button', { name: label, exact: true })
  }
  valuesPanel(label: string): Locator {
    return this.page.getByRole('dialog', { name: `${label} values` })
  }

  /** Opens a filter ("API User", …), ticks the values, and closes it again. */
  async pick(label: string, ...values: string[]): Promise<void> {
    await this.filterButton(label).click()
    const panel = this.valuesPanel(label)
    for (const value of values) await panel.getByRole('checkbox', { name: value, exact: true }).check()
    await this.page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
  }

  chip(label: string | RegExp): Locator {
    const name = typeof label === 'string' ? `Remove filter ${label}` : new RegExp(`^Remove filter ${label.source}`)
    return this.page.getByRole('button', { name })
  }
  get clearAllButton(): Locator {
    return this.page.getByRole('button', { name: 'Clear all', exact: true })
  }
  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search', exact: true })
  }
  get fromInput(): Locator {
    return this.page.getByRole('textbox', { name: /^From/ })
  }
  get toInput(): Locator {
    return this.page.getByRole('textbox', { name: /^To/ })
  }
  get presetsButton(): Locator {
    return this.page.getByRole('button', { name: 'Time range presets' })
  }

  async setTimeRange(from: string, to: string): Promise<void> {
    await this.fromInput.fill(from)
    await this.fromInput.press('Enter')
    await this.toInput.fill(to)
    await this.toInput.press('Enter')
  }

  // ── timeline, count and grid ───────────────────────────────────────────────
  get timeline(): Locator {
    return this.page.getByRole('group', { name: /^Timeline/ })
  }
  get entryCount(): Locator {
    return this.page.getByTestId('entry-count')
  }
  async expectCount(n: number): Promise<void> {
    const text = `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`
    await expect(this.entryCount).toHaveText(text)
  }
  get grid(): Locator {
    return this.page.getByTestId('entry-grid')
  }
  /** Body rows (not the header) in display order. */
  get rows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') })
  }
  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text })
  }
  cell(rowText: string | RegExp, colId: string): Locator {
    return this.row(rowText).locator(`[col-id="${colId}"]`)
  }

  // ── detail pane ────────────────────────────────────────────────────────────
  get detail(): Locator {
    return this.page.getByRole('complementary', { name: 'Entry details' })
  }
  tab(name: 'Overview' | 'Request' | 'Response' | 'Raw'): Locator {
    return this.detail.getByRole('tab', { name })
  }
  /** A CodeMirror view's text (CodeMirror only renders what is on screen; bodies here are small). */
  codeText(label: string): Locator {
    return this.detail.getByRole('textbox', { name: label })
  }
}
