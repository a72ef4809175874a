// Serves the built renderer from app://inspector/ rather than file:// (Electron security checklist).
import { net, protocol } from 'electron'
import { realpath } from 'node:fs/promises'
import { join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from '../ipc/http-transport'
import { APP_SCHEME } from './web-preferences'

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function serveAppProtocol(rendererDir: string): void {
  const root = normalize(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== 'inspector') return new Response('not found', { status: 404 })
    let relative: string
    try {
      relative = decodeURIComponent(url.pathname)
    } catch {
      return new Response('bad path', { status: 400 })
    }
    const target = normalize(join(root, relative === '/' ? 'index.html' : relative))
    if (!target.startsWith(root + sep)) return new Response('forbidden', { status: 403 })
    // hardening (issue 7): a symlink inside the folder must not lead out of it
    if (!(await isInside(root, target))) return new Response('forbidden', { status: 403 })
    const response = await net.fetch(pathToFileURL(target).toString())
    const headers = new Headers(response.headers)
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY)
    headers.set('x-content-type-options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}

/** Whether `target`, with symlinks resolved, is inside `root` (a missing file is: net.fetch answers 404). */
async function isInside(root: string, target: string): Promise<boolean> {
  let real: string
  try {
    real = await realpath(target)
  } catch {
    return true
  }
  const realRoot = await realpath(root).catch(() => root)
  return real.startsWith(realRoot + sep)
}
