// A focused static check of the Electron security checklist over the source tree, in the spirit of
// Electronegativity but aware of how this app is wired (webPreferences come from one function,
// guards from security.ts). Each rule returns findings with a file and line; the test expects none
// that are not explained.

export interface SourceFile {
  /** repository-relative, with forward slashes */
  path: string
  text: string
}

export interface Finding {
  rule: string
  file: string
  line: number
  message: string
}

type Rule = (files: SourceFile[]) => Finding[]

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length

function matches(files: SourceFile[], re: RegExp, rule: string, message: string, where = (_f: SourceFile) => true): Finding[] {
  const out: Finding[] = []
  for (const file of files.filter(where)) {
    for (const m of file.text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) {
      out.push({ rule, file: file.path, line: lineOf(file.text, m.index ?? 0), message: `${message}: ${m[0].trim()}` })
    }
  }
  return out
}

/** Text of the balanced (...) starting at `open` (the index of the parenthesis). */
function balanced(text: string, open: number): string {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0) return text.slice(open, i + 1)
  }
  return text.slice(open)
}

/** The source of the innermost named function declared before `index` up to `index`. */
function enclosingFunction(text: string, index: number): string {
  const before = text.slice(0, index)
  const start = Math.max(before.lastIndexOf('function '), before.lastIndexOf('=>'))
  return start < 0 ? before : before.slice(start)
}

const isMain = (f: SourceFile) => f.path.startsWith('src/main/') && !f.path.startsWith('src/main/bench/')
const isRenderer = (f: SourceFile) => f.path.startsWith('src/renderer/')
const isPreload = (f: SourceFile) => f.path.startsWith('src/preload/')
const isCode = (f: SourceFile) => /\.(ts|tsx|js|mjs|cjs)$/.test(f.path)

const insecurePreferences: Rule = (files) => [
  ...matches(
    files,
    /\b(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|webviewTag|allowRunningInsecureContent|experimentalFeatures|enableRemoteModule|plugins)\s*:\s*true\b/,
    'insecure-web-preference',
    'a webPreference that weakens isolation',
    isCode,
  ),
  ...matches(files, /\b(contextIsolation|sandbox|webSecurity)\s*:\s*false\b/, 'insecure-web-preference', 'isolation turned off', isCode),
  ...matches(files, /\b(enableBlinkFeatures|enableRemoteModule)\b/, 'insecure-web-preference', 'experimental or remote feature', isCode),
]

const windowsUseSecurePreferences: Rule = (files) => {
  const out: Finding[] = []
  for (const file of files.filter(isCode)) {
    for (const m of file.text.matchAll(/new\s+(BrowserWindow|BrowserView|WebContentsView)\s*\(/g)) {
      const args = balanced(file.text, (m.index ?? 0) + m[0].length - 1)
      if (!/webPreferences\s*:\s*secureWebPreferences\(/.test(args)) {
        out.push({ rule: 'window-without-secure-preferences', file: file.path, line: lineOf(file.text, m.index ?? 0), message: `${m[1]} not built with secureWebPreferences()` })
      }
    }
  }
  return out
}

const navigationGuarded: Rule = (files) => {
  const out: Finding[] = []
  const creators = files.filter((f) => isCode(f) && /new\s+BrowserWindow\s*\(/.test(f.text))
  for (const file of creators) {
    if (!/app\.on\(\s*'web-contents-created'[^\n]*guardWebContents\(/.test(file.text)) {
      out.push({ rule: 'web-contents-not-guarded', file: file.path, line: 1, message: "creates windows without guarding every web contents ('web-contents-created' → guardWebContents)" })
    }
  }
  const guard = files.find((f) => /export function guardWebContents\(/.test(f.text))
  if (creators.length > 0 && !guard) out.push({ rule: 'web-contents-not-guarded', file: 'src/main/app', line: 1, message: 'no guardWebContents()' })
  if (guard) {
    const body = guard.text.slice(guard.text.indexOf('export function guardWebContents('))
    const needs: Array<[RegExp, string]> = [
      [/'will-navigate'[\s\S]{0,200}preventDefault\(\)/, "'will-navigate' is not prevented"],
      [/'will-redirect'[\s\S]{0,200}preventDefault\(\)/, "'will-redirect' is not prevented"],
      [/'will-attach-webview'[\s\S]{0,100}preventDefault\(\)/, '<webview> attachment is not prevented'],
      [/setWindowOpenHandler\([\s\S]{0,300}action: 'deny'/, 'setWindowOpenHandler missing or not denying'],
    ]
    for (const [re, message] of needs) {
      if (!re.test(body)) out.push({ rule: 'navigation-not-limited', file: guard.path, line: 1, message })
    }
  }
  return out
}

const openExternalValidated: Rule = (files) => {
  const out: Finding[] = []
  for (const file of files.filter(isCode)) {
    for (const m of file.text.matchAll(/\bshell\.openExternal\(/g)) {
      const fn = enclosingFunction(file.text, m.index ?? 0)
      if (!/if \(!isExternalLinkAllowed\(/.test(fn) || !/showMessageBox\(/.test(fn)) {
        out.push({ rule: 'unvalidated-open-external', file: file.path, line: lineOf(file.text, m.index ?? 0), message: 'shell.openExternal without the http(s) check and a confirmation' })
      }
    }
  }
  return out
}

const appContentOnly: Rule = (files) => [
  ...matches(files, /\.loadFile\(/, 'remote-or-file-content', 'loadFile serves file://, use app://', isCode),
  ...files.filter(isCode).flatMap((file) =>
    [...file.text.matchAll(/\.loadURL\(\s*([^)]*)\)/g)]
      .filter((m) => !/^`\$\{APP_ORIGIN\}\//.test(m[1].trim()))
      .map((m) => ({ rule: 'remote-or-file-content', file: file.path, line: lineOf(file.text, m.index ?? 0), message: `loadURL of something other than the app: ${m[1].trim()}` })),
  ),
  ...matches(files, /\bbypassCSP\s*:\s*true|\ballowServiceWorkers\s*:\s*true|\bcorsEnabled\s*:\s*true/, 'privileged-scheme', 'a privileged scheme that weakens the page', isCode),
]

const sessionHardened: Rule = (files) => {
  const main = files.filter(isMain).map((f) => f.text).join('\n')
  if (!/new\s+BrowserWindow\s*\(/.test(main)) return []
  const needs: Array<[RegExp, string, string]> = [
    [/setPermissionRequestHandler\([\s\S]{0,200}?callback\(false\)/, 'permission-handler-missing', 'permission requests are not denied'],
    [/setPermissionCheckHandler\(\s*\(\)\s*=>\s*false\)/, 'permission-handler-missing', 'permission checks are not denied'],
    [/webRequest\.onBeforeRequest\(/, 'request-filter-missing', 'no webRequest filter: pages may load remote resources'],
    [/app\.enableSandbox\(\)/, 'sandbox-not-enabled', 'app.enableSandbox() is not called'],
    [/protocol\.handle\(APP_SCHEME/, 'file-protocol', 'the renderer is not served from the app scheme'],
  ]
  return needs.filter(([re]) => !re.test(main)).map(([, rule, message]) => ({ rule, file: 'src/main/app', line: 1, message }))
}

const cspEverywhere: Rule = (files) => {
  const out: Finding[] = []
  for (const file of files.filter((f) => f.path.endsWith('.html'))) {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(file.text)
    if (!meta) out.push({ rule: 'missing-csp', file: file.path, line: 1, message: 'no Content-Security-Policy meta tag' })
    else if (!/script-src 'self'(;|$)/.test(meta[1]) || /unsafe-eval/.test(meta[1]) || /script-src[^;]*unsafe-inline/.test(meta[1])) {
      out.push({ rule: 'weak-csp', file: file.path, line: lineOf(file.text, meta.index), message: `weak CSP: ${meta[1]}` })
    }
  }
  for (const file of files.filter((f) => isMain(f) && /new Response\(response\.body|createReadStream\(file\)\.pipe/.test(f.text))) {
    if (!/content-security-policy/.test(file.text)) {
      out.push({ rule: 'missing-csp', file: file.path, line: 1, message: 'serves the renderer without a CSP header' })
    }
  }
  return out
}

const ipcChecksSender: Rule = (files) => {
  const out: Finding[] = []
  for (const file of files.filter(isCode)) {
    for (const m of file.text.matchAll(/\bipcMain\.(handle|handleOnce|on|once)\(/g)) {
      const args = balanced(file.text, (m.index ?? 0) + m[0].length - 1)
      if (!/isAppFrame\(\s*event\.senderFrame/.test(args)) {
        out.push({ rule: 'ipc-without-sender-check', file: file.path, line: lineOf(file.text, m.index ?? 0), message: `ipcMain.${m[1]} handler does not check the sender frame` })
      }
    }
  }
  return out
}

const preloadMinimal: Rule = (files) => {
  const out: Finding[] = []
  for (const file of files.filter((f) => isPreload(f) && isCode(f) && !f.path.endsWith('.d.ts'))) {
    const exposures = [...file.text.matchAll(/exposeInMainWorld\(\s*'([^']*)'\s*,\s*([^)]*)\)/g)]
    if (exposures.length > 1) out.push({ rule: 'preload-exposes-too-much', file: file.path, line: 1, message: 'more than one global exposed' })
    for (const m of exposures) {
      if (/ipcRenderer|require|process|electron|webUtils/.test(m[2])) {
        out.push({ rule: 'preload-exposes-too-much', file: file.path, line: lineOf(file.text, m.index ?? 0), message: `exposes ${m[2]}` })
      }
    }
    for (const m of file.text.matchAll(/from '([^']+)'/g)) {
      if (m[1] !== 'electron' && !m[1].startsWith('../shared/')) {
        out.push({ rule: 'preload-imports', file: file.path, line: lineOf(file.text, m.index ?? 0), message: `the sandboxed preload imports ${m[1]}` })
      }
    }
  }
  return out
}

const noInsecureSwitches: Rule = (files) => [
  ...matches(
    files,
    /appendSwitch\(\s*'(ignore-certificate-errors|disable-web-security|allow-running-insecure-content|no-sandbox|disable-site-isolation-trials|remote-debugging-port)'/,
    'insecure-switch',
    'a command-line switch that disables a defence',
    (f) => isCode(f) && !f.path.startsWith('src/main/bench/'),
  ),
  ...matches(files, /ELECTRON_DISABLE_SECURITY_WARNINGS|setCertificateVerifyProc|'certificate-error'/, 'insecure-switch', 'certificate or warning override', isCode),
  ...matches(files, /\.openDevTools\(/, 'devtools', 'DevTools opened from code', isCode),
  ...files.filter(isCode).flatMap((file) =>
    [...file.text.matchAll(/toggleDevTools/g)]
      .filter((m) => !/isPackaged \? \[\] :/.test(file.text.slice(file.text.lastIndexOf('\n', m.index ?? 0), m.index)))
      .map((m) => ({ rule: 'devtools', file: file.path, line: lineOf(file.text, m.index ?? 0), message: 'DevTools offered in a packaged build' })),
  ),
]

const rendererTextOnly: Rule = (files) => [
  ...matches(
    files,
    /dangerouslySetInnerHTML|\.(innerHTML|outerHTML)\s*=|\binsertAdjacentHTML\(|\bdocument\.write(ln)?\(|\bcreateContextualFragment\(|\beval\(|\bnew Function\(|<webview\b|\ballowpopups\b/,
    'html-from-strings',
    'HTML or code built from strings in the renderer',
    (f) => isRenderer(f),
  ),
  ...matches(files, /\.executeJavaScript\(|\.insertCSS\(/, 'html-from-strings', 'code injected into the page', (f) => isMain(f)),
]

/** Nothing in the main process reaches out: no client sockets, no fetch of remote URLs. */
const noOutboundNetwork: Rule = (files) => [
  ...matches(files, /\bfetch\((?!pathToFileURL\()/, 'outbound-network', 'fetch from the main process', (f) => isMain(f) && isCode(f)),
  ...matches(files, /^import (?!type )[^\n]*from 'node:(https|dns|tls|dgram|net)'/m, 'outbound-network', 'a network client module', (f) => isMain(f) && isCode(f)),
  ...matches(
    files,
    /^import (?!type )[^\n]*from 'node:http'/m,
    'outbound-network',
    'node:http outside the loopback host',
    (f) => isMain(f) && isCode(f) && f.path !== 'src/main/ipc/http-transport.ts',
  ),
  ...matches(files, /\b(fetch|EventSource|WebSocket)\(\s*['"`](https?|wss?):/, 'outbound-network', 'a request to a fixed remote URL', (f) => isRenderer(f) && isCode(f)),
  ...matches(files, /\bnew (XMLHttpRequest|WebSocket)\(|\bsendBeacon\(/, 'outbound-network', 'a raw network API in the renderer', (f) => isRenderer(f) && isCode(f)),
]

export const RULES: Record<string, Rule> = {
  insecurePreferences,
  windowsUseSecurePreferences,
  navigationGuarded,
  openExternalValidated,
  appContentOnly,
  sessionHardened,
  cspEverywhere,
  ipcChecksSender,
  preloadMinimal,
  noInsecureSwitches,
  rendererTextOnly,
  noOutboundNetwork,
}

export function checkElectronSecurity(files: SourceFile[]): Finding[] {
  return Object.values(RULES).flatMap((rule) => rule(files))
}
