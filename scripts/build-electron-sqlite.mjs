#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node, which the
// desktop app loads through better-sqlite3's `nativeBinding` option. The build `npm install`
// made stays in node_modules for plain Node (tests, CLI, browser mode).
// Needs Electron's headers from https://electronjs.org/headers (network access).
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const source = dirname(require.resolve('better-sqlite3/package.json'))
const work = mkdtempSync(join(tmpdir(), 'better-sqlite3-electron-'))
cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) })

console.log(`building better-sqlite3 for Electron ${electronVersion} in ${work}`)
const result = spawnSync(
  'npx',
  ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  { cwd: work, stdio: 'inherit' },
)
if (result.status !== 0) {
  console.error('build failed (Electron headers need network access to electronjs.org)')
  process.exit(1)
}
mkdirSync(join(root, 'native', 'electron'), { recursive: true })
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(root, 'native', 'electron', 'better_sqlite3.node'))
rmSync(work, { recursive: true, force: true })
console.log('wrote native/electron/better_sqlite3.node')
