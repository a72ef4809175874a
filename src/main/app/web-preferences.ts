// The security-relevant window settings, kept free of Electron imports so tests can check them.

/** webPreferences for every window (Electron security checklist). */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const
}

export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://inspector`

/** Whether a URL is one of the app's own pages (the only thing a window may show). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'inspector'
  } catch {
    return false
  }
}

/** Requests a window may make: its own pages and DevTools; nothing leaves the machine. */
export function isAllowedRequest(url: string): boolean {
  // blob: URLs of the app's own origin carry files the page saves (reports, view exports)
  return isAppUrl(url) || url.startsWith(`blob:${APP_ORIGIN}/`) || url.startsWith('devtools://') || url.startsWith('data:')
}

/** Links the user may open in the system browser (after confirming): http(s) only. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
  } catch {
    return false
  }
}
