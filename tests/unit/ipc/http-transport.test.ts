import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
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
  return { host, backend, uploads }
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
