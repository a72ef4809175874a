// Browser mode for the benchmark: `apilog serve` on a store, and Debian's Chromium driven by
// Playwright (loaded at run time from the project's node_modules: it is a dev dependency and is
// not bundled).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type * as Playwright from 'playwright'
import { CHROMIUM } from './machine'

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
]

/** Why browser mode cannot run here, or null when it can (`app`: the measured build; `repo`: node_modules). */
export function browserUnavailable(app: string, repo: string): string | null {
  if (!existsSync(join(app, 'out', 'renderer', 'index.html'))) return `the UI is not built (${join(app, 'out', 'renderer', 'index.html')} missing)`
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`
  try {
    createRequire(join(repo, 'package.json')).resolve('playwright')
  } catch {
    return 'playwright is not installed'
  }
  return null
}

export async function launchChromium(repo: string): Promise<Playwright.Browser> {
  const { chromium } = createRequire(join(repo, 'package.json'))('playwright') as typeof Playwright
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

export interface ServeHost {
  url: string
  /** the command that served the app */
  how: string
  close(): Promise<void>
}

/** Starts a browser-mode host process and waits for the URL it prints. */
function startHost(cwd: string, args: string[]): Promise<ServeHost> {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let output = ''
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill('SIGTERM')
      reject(error)
    }
    const timer = setTimeout(() => fail(new Error(`no URL within 60 s: ${output.slice(0, 500)}`)), 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const m = /listening on (http:\/\/\S+)/.exec(output)
      if (!m) return
      clearTimeout(timer)
      resolve({ url: m[1], how: '', close: () => stopChild(child) })
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', fail)
    child.on('exit', (code) => fail(new Error(`exited (${code}): ${output.trim().slice(0, 500)}`)))
  })
}

/**
 * `node bin/apilog.js serve --db STORE --port 0`, as a user would start browser mode; when that
 * cannot start, the same serve() code through `bench.js serve-one` (the reason is kept in `how`).
 */
export async function startServe(app: string, storePath: string, benchScript: string): Promise<ServeHost> {
  try {
    const host = await startHost(app, [join(app, 'bin', 'apilog.js'), 'serve', '--db', storePath, '--port', '0'])
    return { ...host, how: 'apilog serve' }
  } catch (error) {
    const why = (error as Error).message.split('\n')[0]
    const host = await startHost(app, [benchScript, 'serve-one', '--db', storePath])
    return { ...host, how: `bench.js serve-one, because apilog serve ${why}` }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
