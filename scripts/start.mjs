#!/usr/bin/env node
// `npm start [-- files…]`: launches the desktop app. Electron downloads its runtime on first
// launch; where that is impossible (closed network, strict proxy) this says so in one line and
// serves the same UI to a browser instead, printing the URL to open.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const files = process.argv.slice(2)

function electronBinary() {
  const pkg = dirname(require.resolve('electron/package.json'))
  const pathFile = join(pkg, 'path.txt')
  const binary = () => (existsSync(pathFile) ? join(pkg, 'dist', readFileSync(pathFile, 'utf8')) : null)
  if (binary() && existsSync(binary())) return binary()
  const fetch = spawnSync(process.execPath, [join(pkg, 'install.js')], { stdio: 'ignore', timeout: 300_000 })
  return fetch.status === 0 && binary() && existsSync(binary()) ? binary() : null
}

if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const binary = electronBinary()
if (binary) {
  const child = spawn(binary, [root, ...files], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  process.stderr.write('The Electron runtime is not installed and could not be downloaded; opening browser mode instead.\n')
  const serve = spawn(process.execPath, [join(root, 'bin', 'apilog.js'), 'serve', ...files], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  serve.stdout.on('data', (chunk) => {
    process.stdout.write(chunk.toString().replace(/^listening on (\S+)/m, 'Open $1 in your browser (Ctrl+C to stop)'))
  })
  serve.on('exit', (code) => process.exit(code ?? 0))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => serve.kill(signal))
}
