// CI's static Electron security check: the rules in electron-checks.ts over src/ must report
// nothing that is not explained below, and each rule must fire on a known-bad snippet (so the
// check itself can fail).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkElectronSecurity, RULES, type Finding, type SourceFile } from './electron-checks'

const ROOT = join(__dirname, '../../..')

function sources(dir: string): SourceFile[] {
  const out: SourceFile[] = []
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|tsx|html)$/.test(entry.name)) continue
    const path = join(entry.parentPath, entry.name)
    out.push({ path: relative(ROOT, path).split(sep).join('/'), text: readFileSync(path, 'utf8') })
  }
  return out
}

/** Findings reviewed and accepted, with the reason. Keep this empty unless there is no better fix. */
const EXPLAINED: Array<{ rule: string; file: string; reason: string }> = []

const isExplained = (f: Finding) => EXPLAINED.some((e) => e.rule === f.rule && e.file === f.file)

describe('static Electron security check', () => {
  it('finds nothing unexplained in src/', () => {
    const files = [...sources('src/main'), ...sources('src/preload'), ...sources('src/renderer')]
    expect(files.length).toBeGreaterThan(50)
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['src/main/app/desktop.ts', 'src/preload/index.ts', 'src/renderer/index.html']))
    const findings = checkElectronSecurity(files)
    expect(findings.filter((f) => !isExplained(f))).toEqual([])
  })

  const bad = (path: string, text: string): SourceFile[] => [{ path, text }]
  const rulesFiring = (files: SourceFile[]) => [...new Set(checkElectronSecurity(files).map((f) => f.rule))].sort()

  const BAD_CASES: Array<[string, SourceFile[], string[]]> = [
    ['nodeIntegration: true', bad('src/main/app/x.ts', 'const p = { nodeIntegration: true, contextIsolation: false }'), ['insecure-web-preference']],
    ['enableRemoteModule', bad('src/main/app/x.ts', 'const p = { enableRemoteModule: false }'), ['insecure-web-preference']],
    ['webviewTag / webSecurity off', bad('src/main/app/x.ts', 'const p = { webviewTag: true, webSecurity: false }'), ['insecure-web-preference']],
    [
      'a window without secureWebPreferences and unguarded',
      bad('src/main/app/w.ts', "const w = new BrowserWindow({ webPreferences: { preload } })\nw.loadURL('https://evil.example')"),
      ['permission-handler-missing', 'remote-or-file-content', 'request-filter-missing', 'sandbox-not-enabled', 'file-protocol', 'web-contents-not-guarded', 'window-without-secure-preferences'].sort(),
    ],
    ['loadFile', bad('src/main/app/x.ts', "win.loadFile('index.html')"), ['remote-or-file-content']],
    ['shell.openExternal without checks', bad('src/main/app/x.ts', 'function open(url) {\n  shell.openExternal(url)\n}'), ['unvalidated-open-external']],
    ['ipcMain.on without sender check', bad('src/main/ipc/x.ts', "ipcMain.on('x', (event, arg) => run(arg))"), ['ipc-without-sender-check']],
    ['preload exposing ipcRenderer', bad('src/preload/index.ts', "import fs from 'node:fs'\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer)"), ['preload-exposes-too-much', 'preload-imports'].sort()],
    ['ignore-certificate-errors', bad('src/main/app/x.ts', "app.commandLine.appendSwitch('ignore-certificate-errors')"), ['insecure-switch']],
    ['DevTools in production', bad('src/main/app/x.ts', 'win.webContents.openDevTools()'), ['devtools']],
    ['innerHTML in the renderer', bad('src/renderer/src/x.tsx', 'el.innerHTML = row.url'), ['html-from-strings']],
    ['dangerouslySetInnerHTML', bad('src/renderer/src/x.tsx', '<div dangerouslySetInnerHTML={{ __html: body }} />'), ['html-from-strings']],
    ['a page without CSP', bad('src/renderer/index.html', '<html><head></head></html>'), ['missing-csp']],
    ['a CSP with unsafe-eval', bad('src/renderer/index.html', `<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-eval'">`), ['weak-csp']],
    ['fetch from the main process', bad('src/main/importers/x.ts', "await fetch('https://tracker.example/' + url)"), ['outbound-network']],
    ['an https client', bad('src/main/triage/x.ts', "import { request } from 'node:https'"), ['outbound-network']],
    ['a WebSocket in the renderer', bad('src/renderer/src/x.ts', "const ws = new WebSocket('wss://evil.example')"), ['outbound-network']],
    ['bypassCSP scheme', bad('src/main/app/x.ts', "registerSchemesAsPrivileged([{ scheme: 'app', privileges: { bypassCSP: true } }])"), ['privileged-scheme']],
  ]

  it.each(BAD_CASES)('fires on %s', (_label, files, rules) => {
    expect(rulesFiring(files)).toEqual(rules)
  })

  it('has a known-bad case for every rule', () => {
    for (const [name, rule] of Object.entries(RULES)) {
      const fired = BAD_CASES.some(([, files]) => rule(files).length > 0)
      expect(fired, name).toBe(true)
    }
  })
})
