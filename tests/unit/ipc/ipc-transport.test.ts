// The Electron IPC handler (src/main/ipc/ipc-transport.ts) through a mocked `electron`: only the
// app window's own top-level frame may call; others get a typed 'forbidden' error, malformed
// arguments a typed 'bad-argument', and nothing reaches the backend in either case.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }))
vi.mock('electron', () => electron)

import { API_CHANNEL, EVENT_CHANNEL, type InspectorApi } from '../../../src/shared/api'
import { EventHub } from '../../../src/main/event-hub'
import { isAppFrame, serveIpc } from '../../../src/main/ipc/ipc-transport'

interface Frame {
  url: string
  parent: Frame | null
}

function makeWindow(url = 'app://inspector/index.html') {
  const mainFrame: Frame = { url, parent: null }
  let destroyed = false
  return {
    mainFrame,
    destroy: () => (destroyed = true),
    window: { isDestroyed: () => destroyed, webContents: { mainFrame, send: vi.fn() } },
  }
}

function setup(url?: string) {
  const win = makeWindow(url)
  const api = { countEntries: vi.fn(async () => ({ count: 7 })), getEntry: vi.fn(async () => null) }
  const events = new EventHub()
  const stop = serveIpc(api as unknown as InspectorApi, events, () => win.window as never)
  const [channel, handler] = electron.ipcMain.handle.mock.calls.at(-1) as [string, (...args: unknown[]) => Promise<unknown>]
  const invoke = (frame: Frame | null, method: unknown, arg: unknown) => handler({ senderFrame: frame }, method, arg)
  return { ...win, api, events, stop, channel, invoke }
}

beforeEach(() => vi.clearAllMocks())

describe('IPC transport', () => {
  it('handles one channel and answers the app window', async () => {
    const { channel, invoke, mainFrame, api } = setup()
    expect(channel).toBe(API_CHANNEL)
    expect(await invoke(mainFrame, 'countEntries', { filter: {} })).toEqual({ ok: true, value: { count: 7 } })
    expect(api.countEntries).toHaveBeenCalledExactlyOnceWith({ filter: {} })
  })

  it('refuses sub-frames, other frames, foreign pages and destroyed frames with a typed forbidden error', async () => {
    const { invoke, mainFrame, api } = setup()
    const forbidden = { ok: false, error: { code: 'forbidden', message: expect.any(String) } }
    const senders: Array<[string, Frame | null]> = [
      ['a sub-frame of the app', { url: 'app://inspector/index.html', parent: mainFrame }],
      ['another frame with the app URL', { url: 'app://inspector/index.html', parent: null }],
      ['a destroyed frame', null],
    ]
    for (const [label, frame] of senders) {
      expect(await invoke(frame, 'countEntries', { filter: {} }), label).toEqual(forbidden)
    }
    // the window itself after it navigated to a foreign page (e.g. an injected link)
    mainFrame.url = 'https://evil.example/'
    expect(await invoke(mainFrame, 'countEntries', { filter: {} })).toEqual(forbidden)
    mainFrame.url = 'file:///tmp/x.html'
    expect(await invoke(mainFrame, 'countEntries', { filter: {} })).toEqual(forbidden)
    expect(api.countEntries).not.toHaveBeenCalled()
  })

  it('refuses calls once the window is gone', async () => {
    const { invoke, mainFrame, destroy } = setup()
    destroy()
    expect(await invoke(mainFrame, 'countEntries', { filter: {} })).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } })
    expect(isAppFrame(mainFrame as never, null)).toBe(false)
  })

  it('rejects malformed arguments and unknown methods with typed errors before the backend runs', async () => {
    const { invoke, mainFrame, api } = setup()
    const bad: unknown[] = [
      undefined,
      null,
      'filter',
      { filter: { apiUser: 'x' } },
      { filter: {}, extra: true },
      { filter: { result: ['pwned'] } },
      { filter: { search: 'x'.repeat(10_001) } },
      JSON.parse('{"filter":{},"__proto__":{"polluted":true}}'),
    ]
    for (const arg of bad) {
      const reply = (await invoke(mainFrame, 'countEntries', arg)) as { ok: boolean; error?: { code: string } }
      expect(reply.ok, JSON.stringify(arg)).toBe(false)
      expect(reply.error?.code, JSON.stringify(arg)).toBe('bad-argument')
    }
    for (const method of ['nope', '__proto__', 'constructor', 'hasOwnProperty', 42, null, undefined]) {
      const reply = (await invoke(mainFrame, method, { filter: {} })) as { ok: boolean; error?: { code: string } }
      expect(reply.error?.code, String(method)).toBe('unknown-method')
    }
    expect(api.countEntries).not.toHaveBeenCalled()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('pushes events to the window only while it exists, and unregisters on stop', () => {
    const { events, window, destroy, stop } = setup()
    events.emit('storeChanged', { reason: 'import' })
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, 'storeChanged', { reason: 'import' })
    destroy()
    events.emit('storeChanged', { reason: 'remove' })
    expect(window.webContents.send).toHaveBeenCalledTimes(1)
    stop()
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledExactlyOnceWith(API_CHANNEL)
  })
})
