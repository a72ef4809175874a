// Log content is hostile: markup stays text, control and bidi characters are shown as escapes, and
// nothing from a log becomes a script or a javascript: link.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'

const HOSTILE = join(__dirname, 'data', 'hostile.har')

test('a dropped log with markup, escape sequences and bidi overrides is shown as inert text', async ({ app }) => {
  await app.dropFile('hostile.har', readFileSync(HOSTILE, 'utf8'))
  await expect(app.summary).toContainText('Imported 2 entries')
  await app.dismissSummaries()
  await app.expectCount(2)

  const first = app.row(/500/)
  await expect(first.locator('[col-id="function"]')).toHaveText('POST /v1/files/invoice\\u202Egnp.exe')
  await expect(first.locator('[col-id="function"] .ctl-char')).toHaveAttribute('title', 'U+202E RIGHT-TO-LEFT OVERRIDE')
  await expect(first.locator('[col-id="statusCode"]')).toHaveText('500 Internal ␛[31mError')

  await first.locator('[col-id="ts"]').click()
  await app.tab('Request').click()
  await expect(app.detail.getByRole('row', { name: /X-Note/ })).toContainText('evil␛[2Jheader')
  await expect(app.codeText('Request body')).toContainText('"file": "invoice\\u202Egnp.exe"')
  await app.tab('Response').click()
  await expect(app.codeText('Response body')).toContainText('<script>window.__pwned=2</script>')

  await app.row(/400/).locator('[col-id="ts"]').click()
  await expect(app.detail).toContainText('javascript:window.__pwned=3')

  expect(await app.page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  await expect(app.page.locator('img[src="x"]')).toHaveCount(0)
  await expect(app.page.locator('a[href^="javascript:"]')).toHaveCount(0)
})
