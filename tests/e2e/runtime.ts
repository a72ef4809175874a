// Where the browsers come from: Debian's Chromium (no download), and the Electron runtime when the
// electron package has one. `require('electron')` is avoided on purpose: without a runtime it
// tries to download one.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')

export const CHROMIUM_LAUNCH = {
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
}

export function electronRuntime(): { path: string | null; reason: string } {
  const pkg = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return { path: null, reason: 'no Electron runtime (node_modules/electron/path.txt is missing; run `npx install-electron`)' }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  try {
    accessSync(binary, constants.X_OK)
  } catch {
    return { path: null, reason: `no Electron runtime (${binary} is missing or not executable)` }
  }
  return { path: binary, reason: '' }
}
