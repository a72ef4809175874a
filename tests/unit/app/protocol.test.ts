// The app:// protocol (src/main/app/protocol.ts) through a mocked `electron`: the renderer is
// served from app://inspector with the CSP on every response, and nothing outside its folder.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../helpers/store'

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
}))
vi.mock('electron', () => electron)

import { registerAppScheme, serveAppProtocol } from '../../../src/main/app/protocol'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/ipc/http-transport'

type Handler = (request: { url: string }) => Promise<Response>

/** net.fetch of a file: URL reads the file, following symlinks like Chromium does. */
async function fetchFile(url: string): Promise<Response> {
  try {
    return new Response(readFileSync(fileURLToPath(url)))
  } catch {
    return new Response('missing', { status: 404 })
  }
}

function setup() {
  const dir = tempDir()
  const renderer = join(dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'top secret')
  serveAppProtocol(renderer)
  const handler = electron.protocol.handle.mock.calls.at(-1)?.[1] as Handler
  return { dir, renderer, get: (url: string) => handler({ url }) }
}

beforeEach(() => {
  vi.clearAllMocks()
  electron.net.fetch.mockImplementation(fetchFile)
})

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme without bypassing CSP', () => {
    registerAppScheme()
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0] as [Array<{ scheme: string; privileges: Record<string, boolean> }>]
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    expect(schemes[0].privileges).not.toHaveProperty('bypassCSP')
  })

  it('serves the renderer with the CSP and nosniff on every response', async () => {
    const { get } = setup()
    expect(electron.protocol.handle.mock.calls[0][0]).toBe('app')
    for (const [url, body] of [
      ['app://inspector/', '<!doctype html><title>app</title>'],
      ['app://inspector/index.html', '<!doctype html><title>app</title>'],
      ['app://inspector/assets/app.js', 'console.log(1)'],
    ]) {
      const response = await get(url)
      expect(response.status, url).toBe(200)
      expect(await response.text()).toBe(body)
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('answers only for the inspector host', async () => {
    const { get } = setup()
    expect((await get('app://evil/index.html')).status).toBe(404)
    expect(electron.net.fetch).not.toHaveBeenCalled()
  })

  it('never reads a file outside the renderer folder', async () => {
    const { get } = setup()
    for (const url of [
      'app://inspector/%2e%2e/secret.txt',
      'app://inspector/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://inspector/..%2fsecret.txt',
      'app://inspector/%2e%2e%5csecret.txt',
      'app://inspector/%E0%A4%A',
    ]) {
      const response = await get(url)
      expect([400, 403, 404], url).toContain(response.status)
      expect(await response.text(), url).not.toContain('top secret')
    }
  })

  it('refuses a symlink inside the renderer folder that points outside it', async () => {
    const { dir, renderer, get } = setup()
    symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'linked.js'))
    const response = await get('app://inspector/assets/linked.js')
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('top secret')
  })
})
