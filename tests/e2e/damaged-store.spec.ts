// A store file damaged on disk before `apilog serve` starts (issue 7): the page says so calmly, with
// the file's path; read-only shows what is left under a persistent banner with imports off; a new
// store keeps the damaged file beside it, and importing works again.
import { execFileSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Page } from 'playwright/test'
import { APP_ROOT, expect, FIXTURES, startServer, stopServer, test } from './fixtures'
import { InspectorPage } from './pages/inspector-page'
import { StoreHealthPage } from './pages/store-health-page'
import { CHROMIUM_LAUNCH, ROOT } from './runtime'

const PAGE_SIZE = 4096
const SHOTS = join(ROOT, 'docs', 'screenshots')

/** UPDATE_SCREENSHOTS=1 also keeps the two screens for the docs. */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return
  await page.mouse.move(0, 0)
  await page.screenshot({ path: join(SHOTS, name) })
}

/** A real store made by `apilog import`, then garbage written over pages from 40% to 60% of the file. */
function damagedStore(dir: string): string {
  const dbPath = join(dir, 'store.sqlite')
  execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'apilog.js'), 'import', '--db', dbPath, FIXTURES.vicidialDemo])
  const pages = statSync(dbPath).size / PAGE_SIZE
  const fd = openSync(dbPath, 'r+')
  for (let page = Math.floor(pages * 0.4); page < Math.floor(pages * 0.6); page++) {
    writeSync(fd, Buffer.alloc(PAGE_SIZE, 0x5a), 0, PAGE_SIZE, page * PAGE_SIZE)
  }
  closeSync(fd)
  return dbPath
}

test('a damaged store: read-only with a banner, then a new store (the damaged file kept) and a new import', async ({ playwright }, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'the store file is prepared for `apilog serve`')
  // a short path, as a user's would be (it is shown on screen)
  const dir = mkdtempSync(join(tmpdir(), 'apilog-'))
  const dbPath = damagedStore(dir)
  const server = await startServer(dbPath)
  const browser = await playwright.chromium.launch(CHROMIUM_LAUNCH)
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    await page.goto(server.url)
    const app = new InspectorPage(page)
    const health = new StoreHealthPage(page)

    // the damage is found by the first reads: one calm sentence with the file, and two choices
    await expect(health.damagedScreen).toBeVisible()
    await expect(health.what).toHaveText(new RegExp(`^The store file ${dbPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is damaged \\(.+\\), so the logs in it cannot be shown\\.$`))
    await expect(health.startNewStoreButton).toContainText(`The damaged file is kept at ${dbPath}.damaged-`)
    await expect(app.importButton).toHaveAttribute('aria-disabled', 'true')
    await keepScreenshot(page, 'damaged-store.png')
    await app.importButton.click({ force: true }) // aria-disabled: Playwright would wait for it to be enabled
    await expect(page.getByText('Imports are off: the store is damaged. Open it read-only or start a new store first.')).toBeVisible()

    // read-only: what can still be read, under a banner that stays
    await health.openReadOnlyButton.click()
    await expect(health.readOnlyBanner).toContainText(`Read-only: the store ${dbPath} is damaged`)
    await expect(health.damagedScreen).toHaveCount(0)
    await app.sourcesButton.click()
    await expect(app.sourcesDialog).toContainText('vicidial-api-log-demo.csv')
    await page.keyboard.press('Escape')
    await expect(app.importButton).toHaveAttribute('aria-disabled', 'true')
    await expect(app.importButton).toHaveAttribute('title', 'Imports are off while the damaged store is open read-only: start a new store to import.')
    await page.reload()
    await expect(health.readOnlyBanner).toBeVisible()
    await keepScreenshot(page, 'damaged-store-read-only.png')

    // a new store: the damaged file is kept beside it, and imports work again
    await health.startNewStoreFromBanner()
    await expect(health.rebuiltNote).toContainText(`The damaged file is kept at ${dbPath}.damaged-`)
    const kept = readdirSync(dirname(dbPath)).filter((name) => /^store\.sqlite\.damaged-\d{8}T\d{6}Z$/.test(name))
    expect(kept).toHaveLength(1)
    await expect(health.rebuiltNote).toContainText(join(dirname(dbPath), kept[0]))
    await expect(health.readOnlyBanner).toHaveCount(0)
    await expect(app.emptyHeadline).toBeVisible()
    await app.importFiles([FIXTURES.vicidialDemo], app.openFileButton)
    await expect(app.summary).toContainText('Imported 1,541 entries')
    await app.dismissSummaries()
    await app.expectCount(1541)
    expect(existsSync(join(dirname(dbPath), kept[0]))).toBe(true)
  } finally {
    await browser.close()
    await stopServer(server.process)
    rmSync(dir, { recursive: true, force: true })
  }
})
