// Loopback HTTP host for browser mode: the built renderer, POST /api/<method>, GET /events (SSE)
// and POST /upload. 127.0.0.1 only; every request needs the per-run token (header, query or the
// cookie set when the tokenised URL is opened); Host and Origin are checked against DNS
// rebinding and cross-site requests; static paths cannot leave the renderer folder.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, realpathSync, rmSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { InspectorApi } from '../../shared/api'
import type { UploadResolver } from '../backend'
import type { EventHub } from '../event-hub'
import { dispatch, failure } from './dispatch'
import { DOWNLOAD_PREFIX, serveDownload, type DownloadResolver } from '../export/download-route'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

const MAX_JSON_BODY = 16 * 1024 * 1024
const TOKEN_COOKIE = 'inspector_token'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

export interface HttpHostOptions {
  api: InspectorApi
  events: EventHub
  staticDir: string
  uploads: Uploads
  /** finished exports offered as GET /download/<exportId> (browser mode has no save dialog) */
  downloads?: DownloadResolver
  port?: number
  token?: string
}

export interface HttpHost {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export class Uploads implements UploadResolver {
  private readonly files = new Map<string, string>()
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true })
  }
  async receive(request: IncomingMessage): Promise<string> {
    const id = randomUUID()
    const path = join(this.dir, id)
    await pipeline(request, createWriteStream(path))
    this.files.set(id, path)
    return id
  }
  resolve(uploadId: string): string | null {
    return this.files.get(uploadId) ?? null
  }
  release(uploadId: string): void {
    const path = this.files.get(uploadId)
    this.files.delete(uploadId)
    if (path) rmSync(path, { force: true })
  }
  releaseAll(): void {
    for (const id of [...this.files.keys()]) this.release(id)
  }
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieToken(request: IncomingMessage): string | null {
  const header = request.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === TOKEN_COOKIE) return rest.join('=')
  }
  return null
}

function send(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
  response.end(body)
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_JSON_BODY) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return text.trim() === '' ? undefined : JSON.parse(text)
}

export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const staticRoot = resolve(options.staticDir)
  const realRoot = realpathSync(staticRoot)
  const isInsideRoot = (file: string) => {
    try {
      return realpathSync(file).startsWith(realRoot + sep)
    } catch {
      return false
    }
  }
  const uploads = options.uploads
  const sseClients = new Set<ServerResponse>()
  let port = 0

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  function serveStatic(url: URL, response: ServerResponse, setCookie: boolean): void {
    let relative: string
    try {
      relative = decodeURIComponent(url.pathname)
    } catch {
      return send(response, 400, 'bad path')
    }
    if (relative.includes('\0')) return send(response, 400, 'bad path')
    const target = normalize(join(staticRoot, relative === '/' ? 'index.html' : relative))
    if (target !== staticRoot && !target.startsWith(staticRoot + sep)) return send(response, 403, 'forbidden')
    let file = target
    try {
      if (!statSync(file).isFile()) file = join(staticRoot, 'index.html')
    } catch {
      if (extname(relative) !== '') return send(response, 404, 'not found')
      file = join(staticRoot, 'index.html')
    }
    // hardening (issue 7): a symlink inside the folder must not lead out of it
    if (!isInsideRoot(file)) return send(response, 403, 'forbidden')
    const headers: Record<string, string | string[]> = {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    }
    if (setCookie) headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
    response.writeHead(200, headers)
    createReadStream(file).pipe(response)
  }

  function openEvents(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    })
    response.write(': connected\n\n')
    sseClients.add(response)
    response.on('close', () => sseClients.delete(response))
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts().has(request.headers.host ?? '')) return send(response, 421, 'unexpected Host header')
    const origin = request.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin)) return send(response, 403, 'cross-origin request refused')
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    const queryToken = url.searchParams.get('token')
    const headerToken = request.headers['x-inspector-token']
    const authorised =
      sameToken(typeof headerToken === 'string' ? headerToken : null, token) ||
      sameToken(queryToken, token) ||
      sameToken(cookieToken(request), token)
    if (!authorised) return send(response, 401, 'missing or wrong token: open the URL that `apilog serve` printed')

    if (request.method === 'POST' && url.pathname.startsWith('/api/')) {
      let arg: unknown
      try {
        arg = await readJson(request)
      } catch (error) {
        return send(response, 400, JSON.stringify(failure('bad-argument', (error as Error).message)), 'application/json')
      }
      const envelope = await dispatch(options.api, url.pathname.slice('/api/'.length), arg)
      return send(response, 200, JSON.stringify(envelope), 'application/json')
    }
    if (request.method === 'POST' && url.pathname === '/upload') {
      const uploadId = await uploads.receive(request)
      return send(response, 200, JSON.stringify({ uploadId }), 'application/json')
    }
    if (request.method === 'GET' && url.pathname === '/events') return openEvents(response)
    // exports (issue 5): behind the same token, Host and Origin checks as everything above
    if ((request.method === 'GET' || request.method === 'HEAD') && url.pathname.startsWith(DOWNLOAD_PREFIX)) {
      return serveDownload(response, options.downloads, url.pathname, request.method === 'HEAD')
    }
    if (request.method === 'GET' || request.method === 'HEAD') return serveStatic(url, response, sameToken(queryToken, token))
    return send(response, 405, 'method not allowed')
  }

  const offEvents = options.events.onAny((event, payload) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`
    for (const client of sseClients) client.write(data)
  })
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': ping\n\n')
  }, 15_000)
  heartbeat.unref()

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) send(response, 500, `internal error: ${error.message}`)
      else response.destroy()
    })
  })

  return new Promise((resolveHost, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      resolveHost({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            offEvents()
            clearInterval(heartbeat)
            for (const client of sseClients) client.end()
            uploads.releaseAll()
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
