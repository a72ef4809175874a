import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { startHttpHost, Uploads, type HttpHost } from '../../../src/main/ipc/http-transport'
import { generateRecords, writeSource } from '../helpers/generated-store'
import { tempDir } from '../helpers/store'

let host: HttpHost | null = null
afterEach(async () => {
  await host?.close()
  host = null
})

async function start() {
  const dir = tempDir()
  const staticDir = join(dir, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'top secret')
  const uploads = new Uploads(join(dir, 'uploads'))
  const backend = createBackend({ dbPath: ':memory:', workerPath: null, uploads })
  writeSource(backend.db, generateRecords(20, 5))
  host = await startHttpHost({ api: backend.api, events: backend.events, staticDir, uploads })
  return { host, backend, uploads, dir }
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP so Host and Origin can be set freely (fetch forbids that). */
function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('loopback HTTP host', () => {
  it('listens on 127.0.0.1 and prints a tokenised URL', async () => {
    const { host } = await start()
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/)
  })

  it('refuses every request without the token', async () => {
    const { host } = await start()
    for (const path of ['/', '/index.html', '/assets/app.js', '/events']) {
      expect((await raw(host.port, path)).status).toBe(401)
    }
    const api = await raw(host.port, '/api/countEntries', { method: 'POST', body: '{"filter":{}}', headers: { 'content-type': 'application/json' } })
    expect(api.status).toBe(401)
    expect((await raw(host.port, '/upload', { method: 'POST', body: 'x' })).status).toBe(401)
    const wrong = await raw(host.port, '/api/countEntries', { method: 'POST', body: '{"filter":{}}', headers: { 'x-inspector-token': 'x'.repeat(32) } })
    expect(wrong.status).toBe(401)
  })

  it('answers API calls with the token header', async () => {
    const { host } = await start()
    const reply = await raw(host.port, '/api/countEntries', { method: 'POST', body: '{"filter":{}}', headers: { 'x-inspector-token': host.token } })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { count: 20 } })
  })

  it('sets an HttpOnly SameSite cookie on the tokenised page so assets and events load', async () => {
    const { host } = await start()
    const page = await raw(host.port, `/?token=${host.token}`)
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const cookie = String(page.headers['set-cookie'])
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const asset = await raw(host.port, '/assets/app.js', { headers: { cookie: cookie.split(';')[0] } })
    expect(asset.status).toBe(200)
    expect(asset.body).toBe('console.log(1)')
  })

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    const { host } = await start()
    const reply = await raw(host.port, `/api/countEntries`, { method: 'POST', body: '{"filter":{}}', headers: { host: `evil.example:${host.port}`, 'x-inspector-token': host.token } })
    expect(reply.status).toBe(421)
  })

  it('rejects a cross-site Origin even with the token', async () => {
    const { host } = await start()
    const reply = await raw(host.port, `/api/countEntries`, { method: 'POST', body: '{"filter":{}}', headers: { origin: 'https://evil.example', 'x-inspector-token': host.token } })
    expect(reply.status).toBe(403)
    const same = await raw(host.port, `/api/countEntries`, { method: 'POST', body: '{"filter":{}}', headers: { origin: `http://127.0.0.1:${host.port}`, 'x-inspector-token': host.token } })
    expect(same.status).toBe(200)
  })

  it('does not serve files outside the renderer folder', async () => {
    const { host } = await start()
    for (const path of ['/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%2fsecret.txt', '/%00']) {
      const reply = await raw(host.port, `${path}${path.includes('?') ? '&' : '?'}token=${host.token}`)
      expect(reply.body, path).not.toContain('top secret')
      expect([400, 403, 404]).toContain(reply.status)
    }
  })

  it('stores uploads for a later import and pushes events over SSE', async () => {
    const { host, uploads, backend } = await start()
    const up = await raw(host.port, '/upload?name=x.log', { method: 'POST', body: 'hello upload', headers: { 'x-inspector-token': host.token } })
    const { uploadId } = JSON.parse(up.body) as { uploadId: string }
    expect(readFileSync(uploads.resolve(uploadId)!, 'utf8')).toBe('hello upload')

    const received = new Promise<string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: `/events?token=${host.token}`, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
        let text = ''
        res.on('data', (c: Buffer) => {
          text += c.toString()
          if (text.includes('storeChanged')) {
            req.destroy()
            resolve(text)
          }
        })
      })
      req.end()
    })
    await new Promise((r) => setTimeout(r, 50))
    backend.events.emit('storeChanged', { reason: 'other' })
    expect(await received).toContain('data: {"event":"storeChanged","payload":{"reason":"other"}}')
  })
})

// Hardening (issue 7): what a web page in the user's browser, or another local program, might try.
describe('loopback HTTP host under attack', () => {
  const api = (port: number, headers: Record<string, string>, body = '{"filter":{}}') =>
    raw(port, '/api/countEntries', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })

  it('is not reachable on any other interface', async () => {
    const { host } = await start()
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)
    if (!external) return
    const reached = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: external.address, port: host.port })
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    expect(reached).toBe(false)
  })

  it('refuses Origin: null (sandboxed frames, file: pages) even with the token', async () => {
    const { host } = await start()
    expect((await api(host.port, { origin: 'null', 'x-inspector-token': host.token })).status).toBe(403)
    expect((await api(host.port, { origin: `http://127.0.0.1:${host.port}.evil.example`, 'x-inspector-token': host.token })).status).toBe(403)
    expect((await api(host.port, { origin: `http://127.0.0.1:${host.port + 1}`, 'x-inspector-token': host.token })).status).toBe(403)
  })

  it('does not take the token from a Referer header', async () => {
    const { host } = await start()
    const referer = `http://127.0.0.1:${host.port}/?token=${host.token}`
    expect((await api(host.port, { referer })).status).toBe(401)
    expect((await raw(host.port, '/', { headers: { referer } })).status).toBe(401)
  })

  it('checks the Host header strictly', async () => {
    const { host } = await start()
    for (const name of ['127.0.0.1', `[::1]:${host.port}`, `evil.example`, `127.0.0.1:${host.port}.evil.example`, `LOCALHOST:${host.port}x`]) {
      expect((await api(host.port, { host: name, 'x-inspector-token': host.token })).status, name).toBe(421)
    }
    expect((await api(host.port, { host: `localhost:${host.port}`, 'x-inspector-token': host.token })).status).toBe(200)
  })

  it('answers HEAD and OPTIONS only with the token, and never with CORS permissions', async () => {
    const { host } = await start()
    for (const method of ['HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH']) {
      expect((await raw(host.port, '/index.html', { method })).status, method).toBe(401)
    }
    const head = await raw(host.port, `/index.html?token=${host.token}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    const preflight = await raw(host.port, `/api/countEntries?token=${host.token}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(403)
    const options = await raw(host.port, `/api/countEntries`, { method: 'OPTIONS', headers: { 'x-inspector-token': host.token } })
    expect(options.status).toBe(405)
    for (const reply of [head, preflight, options, await api(host.port, { 'x-inspector-token': host.token })]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    }
  })

  it('does not follow a symlink in the renderer folder to a file outside it', async () => {
    const { host, dir } = await start()
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'renderer', 'assets', 'linked.js'))
    symlinkSync(dir, join(dir, 'renderer', 'up'))
    for (const path of ['/assets/linked.js', '/up/secret.txt']) {
      const reply = await raw(host.port, `${path}?token=${host.token}`)
      expect(reply.body, path).not.toContain('top secret')
      expect(reply.status, path).toBe(403)
    }
  })

  it('refuses other traversal spellings', async () => {
    const { host } = await start()
    for (const path of ['/%252e%252e/secret.txt', '/..%5csecret.txt', '/assets/..%2f..%2f..%2fsecret.txt', '/download/..%2f..%2fsecret.txt', '//secret.txt']) {
      const reply = await raw(host.port, `${path}?token=${host.token}`)
      expect(reply.body, path).not.toContain('top secret')
    }
  })

  it('rejects a request body over the limit without buffering it, and malformed JSON, as bad-argument', async () => {
    const { host } = await start()
    const bad = await api(host.port, { 'x-inspector-token': host.token }, '{"filter":')
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad-argument' } })
    const huge = await new Promise<Reply>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: '/api/countEntries', method: 'POST', headers: { host: `127.0.0.1:${host.port}`, 'x-inspector-token': host.token } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }))
        },
      )
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)))
      const block = Buffer.alloc(1024 * 1024, 0x20)
      let sent = 0
      const pump = () => {
        while (sent < 40 && req.write(block)) sent++
        if (sent < 40) req.once('drain', pump)
        else req.end()
      }
      pump()
    })
    expect(huge.status).toBe(400)
    expect(JSON.parse(huge.body)).toEqual({ ok: false, error: { code: 'bad-argument', message: 'request body too large' } })
  })

  it('answers unknown and prototype method names with a typed error', async () => {
    const { host } = await start()
    for (const method of ['nope', '__proto__', 'constructor', 'toString']) {
      const reply = await raw(host.port, `/api/${method}`, { method: 'POST', body: '{}', headers: { 'x-inspector-token': host.token } })
      expect(JSON.parse(reply.body), method).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    }
  })
})
