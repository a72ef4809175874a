// Session and web-contents guards (src/main/app/security.ts) driven through a mocked `electron`:
// every permission denied, every non-app request cancelled, no navigation or new window, and
// shell.openExternal only for http(s) links the user confirmed.
import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  }
  return {
    session: { defaultSession: session },
    dialog: { showMessageBox: vi.fn() },
    shell: { openExternal: vi.fn(async () => {}) },
  }
})
vi.mock('electron', () => electron)

import { guardWebContents, hardenSession } from '../../../src/main/app/security'

type Listener = (...args: unknown[]) => unknown
const lastArg = (mock: { mock: { calls: unknown[][] } }, index = 0) => mock.mock.calls.at(-1)?.[index] as Listener

/** A WebContents stand-in: an emitter with setWindowOpenHandler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
}

function navigate(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false
  contents.emit(event, { preventDefault: () => (prevented = true) }, url)
  return prevented
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  vi.clearAllMocks()
  electron.dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false })
})

describe('session hardening', () => {
  beforeEach(() => hardenSession())

  it('denies every permission request, check and device request', () => {
    const request = lastArg(electron.session.defaultSession.setPermissionRequestHandler)
    const check = lastArg(electron.session.defaultSession.setPermissionCheckHandler)
    const device = lastArg(electron.session.defaultSession.setDevicePermissionHandler)
    const permissions = [
      'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection',
      'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal',
      'speaker-selection', 'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem',
      'hid', 'serial', 'usb',
    ]
    for (const permission of permissions) {
      const callback = vi.fn()
      request({}, permission, callback, { requestingUrl: 'app://inspector/index.html' })
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false)
      expect(check({}, permission, 'app://inspector', {}), permission).toBe(false)
    }
    expect(device({ deviceType: 'usb', origin: 'app://inspector' })).toBe(false)
  })

  it('cancels every request that is not the app, DevTools or inline data', () => {
    const onBeforeRequest = electron.session.defaultSession.webRequest.onBeforeRequest
    // registered with no URL filter, so it sees every request of every frame
    expect(onBeforeRequest.mock.calls.at(-1)).toHaveLength(1)
    const listener = lastArg(onBeforeRequest)
    const decide = (url: string) => {
      const callback = vi.fn()
      listener({ url, resourceType: 'image' }, callback)
      return (callback.mock.calls[0][0] as { cancel: boolean }).cancel
    }
    for (const url of ['app://inspector/index.html', 'app://inspector/assets/a.js', 'data:image/png;base64,AA', 'devtools://devtools/x']) {
      expect(decide(url), url).toBe(false)
    }
    // a log full of remote URLs cannot make the page fetch any of them
    for (const url of [
      'https://tracker.example/pixel.gif?u=crmsync',
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:3000/api',
      'wss://evil.example/',
      'file:///etc/passwd',
      'blob:https://evil.example/1',
      'app://evil.example/a.js',
    ]) {
      expect(decide(url), url).toBe(true)
    }
  })
})

describe('web contents guard', () => {
  function guarded() {
    const contents = new FakeContents()
    guardWebContents(contents as never, null)
    return contents
  }

  it('stays on the app: in-app navigation is allowed, anything else is prevented', () => {
    const contents = guarded()
    expect(navigate(contents, 'will-navigate', 'app://inspector/index.html#/entries')).toBe(false)
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'app://evil/']) {
      expect(navigate(contents, 'will-navigate', url), url).toBe(true)
    }
  })

  it('prevents redirects away from the app and every <webview>', () => {
    const contents = guarded()
    expect(navigate(contents, 'will-redirect', 'app://inspector/index.html')).toBe(false)
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true)
    let prevented = false
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {})
    expect(prevented).toBe(true)
  })

  it('denies every new window, including ones for the app itself', () => {
    const contents = guarded()
    expect(contents.openHandler).not.toBeNull()
    for (const url of ['app://inspector/index.html', 'https://example.com/', 'javascript:alert(1)', 'about:blank']) {
      expect(contents.openHandler!({ url }), url).toEqual({ action: 'deny' })
    }
  })

  it('opens an http(s) link in the browser only after the user confirms it', async () => {
    const contents = guarded()
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    navigate(contents, 'will-navigate', 'https://docs.example.com/errors')
    await flush()
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1)
    const options = electron.dialog.showMessageBox.mock.calls[0][0] as { detail: string; defaultId: number; cancelId: number }
    expect(options.detail).toBe('https://docs.example.com/errors')
    expect(options.defaultId).toBe(options.cancelId)
    expect(electron.shell.openExternal).not.toHaveBeenCalled()

    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    contents.openHandler!({ url: 'http://example.com/a?b=c' })
    await flush()
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('http://example.com/a?b=c')
  })

  it('never offers or opens other schemes, even when the dialog would say yes', async () => {
    const contents = guarded()
    electron.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false })
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://evil/share', 'data:text/html,x', 'ms-msdt:/id x']) {
      navigate(contents, 'will-navigate', url)
      contents.openHandler!({ url })
    }
    await flush()
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled()
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('shows at most 2000 characters of a very long link in the confirmation', async () => {
    const contents = guarded()
    navigate(contents, 'will-navigate', `https://example.com/${'a'.repeat(100_000)}`)
    await flush()
    const options = electron.dialog.showMessageBox.mock.calls[0][0] as { detail: string }
    expect(options.detail).toHaveLength(2000)
  })
})
