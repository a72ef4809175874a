// The native save dialog behind the bridge's chooseSavePath (exports in the desktop app).
import { app, dialog, ipcMain, type BrowserWindow } from 'electron'
import { basename, join } from 'node:path'
import { SAVE_DIALOG_CHANNEL } from '../../shared/api'
import { isAppFrame } from '../ipc/ipc-transport'

/** A safe default file name from whatever the page suggested. */
export function suggestedFileName(name: unknown): string {
  const base = basename(typeof name === 'string' ? name : '').replace(/[\u0000-\u001f<>:"|?*\\/]/g, '_').slice(0, 200)
  return base.trim() === '' || base === '.' || base === '..' ? 'apilog-export' : base
}

export function serveSaveDialog(getWindow: () => BrowserWindow | null): void {
  ipcMain.handle(SAVE_DIALOG_CHANNEL, async (event, name: unknown) => {
    const window = getWindow()
    if (!window || !isAppFrame(event.senderFrame, window)) return null
    const result = await dialog.showSaveDialog(window, {
      title: 'Export entries',
      defaultPath: join(app.getPath('downloads'), suggestedFileName(name)),
    })
    return result.canceled || !result.filePath ? null : result.filePath
  })
}
