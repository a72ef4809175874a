// Electron IPC transport: one invoke channel into the dispatcher, events pushed to the window.
import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron'
import { API_CHANNEL, EVENT_CHANNEL, type InspectorApi } from '../../shared/api'
import type { EventHub } from '../event-hub'
import { isAppUrl } from '../app/web-preferences'
import { dispatch, failure } from './dispatch'

/** Only the app's own top-level frame may call the backend. */
export function isAppFrame(frame: WebFrameMain | null, window: BrowserWindow | null): boolean {
  if (!frame || !window || window.isDestroyed()) return false
  return frame === window.webContents.mainFrame && frame.parent === null && isAppUrl(frame.url)
}

export function serveIpc(api: InspectorApi, events: EventHub, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, arg: unknown) => {
    if (!isAppFrame(event.senderFrame, getWindow())) return failure('forbidden', 'calls are accepted only from the app window')
    return dispatch(api, String(method), arg)
  })
  const off = events.onAny((name, payload) => {
    const window = getWindow()
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload)
  })
  return () => {
    ipcMain.removeHandler(API_CHANNEL)
    off()
  }
}
