// Session-wide defences: deny every permission, block every request that is not the app's own.
import { dialog, session, shell, type BrowserWindow, type WebContents } from 'electron'
import { isAllowedRequest, isAppUrl, isExternalLinkAllowed } from './web-preferences'

export function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }))
}

async function confirmExternal(window: BrowserWindow | null, url: string): Promise<void> {
  if (!isExternalLinkAllowed(url)) return
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url.slice(0, 2000),
  }
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options)
  if (response === 0) await shell.openExternal(url)
}

/** No navigation away from the app, no new windows; http(s) links open outside after a confirm. */
export function guardWebContents(contents: WebContents, window: BrowserWindow | null): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault()
      void confirmExternal(window, url)
    }
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    void confirmExternal(window, url)
    return { action: 'deny' }
  })
}
