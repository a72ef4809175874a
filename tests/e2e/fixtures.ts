// One fresh app per test: its own store under the test's output folder, so specs run in parallel.
// `browser` spawns `apilog serve` and opens the printed URL in Chromium; `electron` launches the
// desktop app (skipped, with the reason, when no Electron runtime is installed).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { _electron, test as base, type Browser, type ElectronApplication, type Page } from 'playwright/test'
import { InspectorPage } from './pages/inspector-page'
import { CHROMIUM_LAUNCH, electronRuntime, ROOT } from './runtime'

interface Host {
  page: Page
  close(): Promise<void>
}

const LISTENING = /^listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/

/** The built app under test: this checkout, or APILOG_E2E_ROOT (a copy with its own bin/ and out/). */
export const APP_ROOT = process.env.APILOG_E2E_ROOT || ROOT

/** Spawns `apilog serve` and resolves with the URL it prints (its only stdout line). */
export function startServer(dbPath: string): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [join(APP_ROOT, 'bin', 'apilog.js'), 'serve', '--db', dbPath, '--port', '0'], {
    cwd: APP_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`apilog serve printed no URL within 20 s\n${stderr}`)), 20_000)
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer)
      const match = LISTENING.exec(line.trim())
      if (match) resolve({ url: match[1], process: child })
      else reject(new Error(`unexpected first line from apilog serve: ${line}\n${stderr}`))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`apilog serve exited with code ${code}\n${stderr}`))
    })
  })
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

async function openInBrowser(browser: Browser, dataDir: string): Promise<Host> {
  const server = await startServer(join(dataDir, 'store.sqlite'))
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const page = await context.newPage()
  await page.goto(server.url)
  return {
    page,
    close: async () => {
      await context.close()
      await stopServer(server.process)
    },
  }
}

async function openInElectron(executablePath: string, dataDir: string): Promise<Host> {
  const app: ElectronApplication = await _electron.launch({
    executablePath,
    args: [join(APP_ROOT, 'out', 'main', 'index.js')],
    env: { ...process.env, INSPECTOR_DATA_DIR: dataDir },
  })
  const page = await app.firstWindow()
  await page.setViewportSize({ width: 1366, height: 768 })
  return { page, close: () => app.close() }
}

export const test = base.extend<{ app: InspectorPage }>({
  app: async ({ playwright }, use, testInfo) => {
    const dataDir = testInfo.outputPath('data')
    mkdirSync(dataDir, { recursive: true })
    let host: Host
    if (testInfo.project.name === 'electron') {
      const runtime = electronRuntime()
      test.skip(!runtime.path, runtime.reason)
      host = await openInElectron(runtime.path as string, dataDir)
    } else {
      const browser = await playwright.chromium.launch(CHROMIUM_LAUNCH)
      const opened = await openInBrowser(browser, dataDir)
      host = { page: opened.page, close: async () => (await opened.close(), await browser.close()) }
    }
    await use(new InspectorPage(host.page))
    await host.close()
  },
})

export { expect } from 'playwright/test'

/** Test data: fixtures in the repository. */
export const FIXTURES = {
  vicidialDemo: join(ROOT, 'resources', 'samples', 'vicidial-api-log-demo.csv'),
  har: (name: string) => join(ROOT, 'tests', 'fixtures', 'har', name),
  csv: (name: string) => join(ROOT, 'tests', 'fixtures', 'csv', name),
}
