// End-to-end tests: the same specs against the browser-mode host (`apilog serve`, headless Chromium)
// and, where an Electron runtime is installed, the desktop app. Run `npm run build` first.
import { defineConfig } from 'playwright/test'
import { CHROMIUM_LAUNCH, electronRuntime } from './tests/e2e/runtime'

const electron = electronRuntime()
// the config is loaded by the runner and again by each worker: say it once
if (!electron.path && !process.env.TEST_WORKER_INDEX) {
  console.log(`[playwright] electron project: every test is skipped — ${electron.reason}`)
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-first-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser', use: { browserName: 'chromium', launchOptions: CHROMIUM_LAUNCH } },
    { name: 'electron', use: {} },
  ],
})
