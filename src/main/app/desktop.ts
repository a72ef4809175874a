// Electron lifecycle: one window over the backend, files from the command line or the menu.
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createBackend, type Backend } from '../backend'
import { serveIpc } from '../ipc/ipc-transport'
import { APP_NAME, builtPath, defaultDataDir, STORE_FILE } from '../paths'
import { samplePath } from '../serve'
import { buildMenu } from './menu'
import { electronSqliteBinding } from './native-binding'
import { registerAppScheme, serveAppProtocol } from './protocol'
import { RecentFiles } from './recent-files'
import { serveSaveDialog } from './save-dialog'
import { guardWebContents, hardenSession } from './security'
import { APP_ORIGIN, secureWebPreferences } from './web-preferences'

/** Log files named on the command line (`npm start -- file.har`). */
export function filesFromArgv(argv: string[]): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && !/\.(js|cjs|mjs)$/.test(arg) && isFile(arg))
    .map((arg) => resolve(arg))
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: APP_NAME,
    show: false,
    webPreferences: secureWebPreferences(builtPath('preload', 'index.js')),
  })
  guardWebContents(window.webContents, window)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}

export function startDesktopApp(): void {
  const dataDir = defaultDataDir()
  mkdirSync(dataDir, { recursive: true })
  app.setPath('userData', dataDir)
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  registerAppScheme()
  app.enableSandbox()
  let window: BrowserWindow | null = null
  let backend: Backend | null = null
  const recent = new RecentFiles(dataDir)

  const importPaths = (paths: string[]) => {
    if (!backend || paths.length === 0) return
    paths.forEach((p) => recent.add(p))
    refreshMenu()
    void backend.api.startImport({ files: paths.map((path) => ({ path })) })
  }
  const openDialog = async () => {
    const options = { title: 'Open API log', properties: ['openFile' as const, 'multiSelections' as const] }
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
    if (!result.canceled) importPaths(result.filePaths)
  }
  const refreshMenu = () =>
    Menu.setApplicationMenu(
      buildMenu({
        open: () => void openDialog(),
        openRecent: (path) => importPaths([path]),
        clearRecent: () => {
          recent.clear()
          refreshMenu()
        },
        recent: () => recent.list(),
        send: (command) => backend?.events.emit('menuCommand', { command }),
        about: () =>
          void dialog.showMessageBox({ message: APP_NAME, detail: `Version ${app.getVersion()}\nInspect exported API logs offline.` }),
      }),
    )

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, window))
  app.on('second-instance', (_event, argv) => {
    importPaths(filesFromArgv(argv.slice(1)))
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => backend?.close())

  void app.whenReady().then(() => {
    hardenSession()
    serveAppProtocol(builtPath('renderer'))
    backend = createBackend({
      dbPath: join(dataDir, STORE_FILE),
      samplePath: samplePath(),
      nativeBinding: electronSqliteBinding(app.getAppPath()),
    })
    serveIpc(backend.api, backend.events, () => window)
    serveSaveDialog(() => window)
    refreshMenu()
    window = createWindow()
    window.on('closed', () => (window = null))
    const initial = filesFromArgv(process.argv.slice(app.isPackaged ? 1 : 2))
    window.webContents.once('did-finish-load', () => importPaths(initial))
  })
}
