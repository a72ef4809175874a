// The native save dialog behind chooseSavePath: only the app's own frame may open it, and the
// suggested name cannot point anywhere but a plain file in Downloads.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn(() => '/home/agent/Downloads') },
  dialog: { showSaveDialog: vi.fn() },
  ipcMain: { handle: vi.fn() },
}))
vi.mock('electron', () => electron)

import { serveSaveDialog, suggestedFileName } from '../../../src/main/app/save-dialog'
import { SAVE_DIALOG_CHANNEL } from '../../../src/shared/api'

type Handler = (event: { senderFrame: unknown }, name: unknown) => Promise<string | null>

function setup() {
  const mainFrame = { url: 'app://inspector/index.html', parent: null }
  const window = { isDestroyed: () => false, webContents: { mainFrame } }
  serveSaveDialog(() => window as never)
  const [channel, handler] = electron.ipcMain.handle.mock.calls.at(-1) as unknown as [string, Handler]
  return { channel, handler, mainFrame }
}

describe('save dialog', () => {
  beforeEach(() => vi.clearAllMocks())

  it('returns the chosen path, or null when cancelled', async () => {
    const { channel, handler, mainFrame } = setup()
    expect(channel).toBe(SAVE_DIALOG_CHANNEL)
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/tmp/out.csv' })
    await expect(handler({ senderFrame: mainFrame }, 'apilog.csv')).resolves.toBe('/tmp/out.csv')
    expect(electron.dialog.showSaveDialog.mock.calls[0][1]).toMatchObject({ defaultPath: '/home/agent/Downloads/apilog.csv' })
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    await expect(handler({ senderFrame: mainFrame }, 'x')).resolves.toBeNull()
  })

  it('ignores frames other than the app window', async () => {
    const { handler } = setup()
    await expect(handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'x')).resolves.toBeNull()
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  it('reduces any suggestion to a plain file name', () => {
    expect(suggestedFileName('../../.bashrc')).toBe('.bashrc')
    expect(suggestedFileName('a/b\\c:d.csv')).toBe('b_c_d.csv')
    expect(suggestedFileName('..')).toBe('apilog-export')
    expect(suggestedFileName(7)).toBe('apilog-export')
    expect(suggestedFileName('x\u0000y.har')).toBe('x_y.har')
  })
})
