// The export API through the backend (file store, events) and the browser-mode download route.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../../src/main/backend'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { startHttpHost, Uploads, type HttpHost } from '../../../src/main/ipc/http-transport'
import type { ExportFinished } from '../../../src/shared/export-types'
import { tempDir } from '../helpers/store'

const CANARY_HAR = join(__dirname, '../../fixtures/redact-canary/canary.har')
const opened: Array<{ backend: Backend; host?: HttpHost }> = []
afterEach(async () => {
  for (const { backend, host } of opened.splice(0)) {
    await host?.close()
    backend.close()
  }
})

async function backendWithCanary(keepSecrets: boolean): Promise<{ backend: Backend; dir: string }> {
  const dir = tempDir()
  const backend = createBackend({ dbPath: join(dir, 'store.sqlite'), workerPath: null, exportDir: join(dir, 'downloads') })
  opened.push({ backend })
  await backend.api.startImport({ files: [{ path: CANARY_HAR }], keepSecrets })
  await backend.imports.idle()
  return { backend, dir }
}

function finished(backend: Backend, exportId: string): Promise<ExportFinished> {
  return new Promise((resolve) => {
    const off = backend.events.on('exportFinished', (payload) => {
      if (payload.exportId !== exportId) return
      off()
      resolve(payload)
    })
  })
}

function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('export API', () => {
  it('exports to the chosen path with progress and a finish event, redacting kept secrets', async () => {
    const { backend, dir } = await backendWithCanary(true)
    const path = join(dir, 'out.har')
    const progress: number[] = []
    backend.events.on('exportProgress', (p) => progress.push(p.total))
    const { exportId } = await backend.api.startExport({ filter: { result: ['success'] }, format: 'har', path })
    expect(await finished(backend, exportId)).toEqual({ exportId, rows: 2, path, downloadUrl: null, failure: null, notes: [] })
    expect(progress.at(-1)).toBe(2)
    const text = readFileSync(path, 'utf8')
    expect(JSON.parse(text).log.entries).toHaveLength(2)
    expect(text).not.toContain('CNRY')
  })

  it('offers a browser-mode export for download behind the token, Host and Origin checks', async () => {
    const { backend, dir } = await backendWithCanary(false)
    const staticDir = join(dir, 'renderer')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>')
    const uploads = new Uploads(join(dir, 'uploads'))
    const host = await startHttpHost({ api: backend.api, events: backend.events, staticDir, uploads, downloads: backend.exports })
    opened[0].host = host
    const { exportId } = await backend.api.startExport({ filter: {}, format: 'csv', bom: true })
    const done = await finished(backend, exportId)
    expect(done).toEqual({ exportId, rows: 3, path: null, downloadUrl: `/download/${exportId}`, failure: null, notes: [] })
    const url = `${done.downloadUrl}?token=${host.token}`
    const reply = await get(host.port, url)
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="apilog-export-\d{8}-\d{6}\.csv"$/)
    expect(reply.body.startsWith('\uFEFFDate,Type,Code')).toBe(true)
    expect(reply.body.split('\r\n')).toHaveLength(5)
    expect((await get(host.port, done.downloadUrl as string)).status).toBe(401)
    expect((await get(host.port, url, `evil.example:${host.port}`)).status).toBe(421)
    expect((await get(host.port, `/download/00000000-0000-4000-8000-000000000000?token=${host.token}`)).status).toBe(404)
    expect((await get(host.port, `/download/..%2Fstore.sqlite?token=${host.token}`)).status).toBe(404)
  })

  it('cancels a running export and reports it', async () => {
    const { backend, dir } = await backendWithCanary(false)
    const path = join(dir, 'cancelled.ndjson')
    const { exportId } = await backend.api.startExport({ filter: {}, format: 'ndjson', path })
    const done = finished(backend, exportId)
    await backend.api.cancelExport({ exportId })
    expect(await done).toEqual({ exportId, rows: 0, path: null, downloadUrl: null, failure: 'export cancelled after 0 of 3 rows; no file was written', notes: [] })
    expect(() => readFileSync(path)).toThrow()
  })

  it('rejects bad requests with one clear message', async () => {
    const { backend, dir } = await backendWithCanary(false)
    const call = (method: string, arg: unknown) => dispatch(backend.api, method, arg)
    expect(await call('startExport', { filter: { from: 'yesterday' }, format: 'csv' })).toEqual({
      ok: false, error: { code: 'bad-argument', message: 'from: not a valid time: "yesterday" (use ISO-8601, e.g. 2024-05-01T10:00:00Z)' },
    })
    expect(await call('startExport', { filter: {}, format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'bad-argument' } })
    const missing = join(dir, 'no-such-folder', 'x.csv')
    expect(await call('startExport', { filter: {}, format: 'csv', path: missing })).toMatchObject({
      ok: false, error: { message: `cannot write ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist` },
    })
    expect(await call('cancelExport', { exportId: 'nope' })).toEqual({ ok: false, error: { code: 'not-found', message: 'no running export nope' } })
  })

  it('previews what redaction masks in an entry', async () => {
    const kept = await backendWithCanary(true)
    const preview = await kept.backend.api.previewRedaction({ id: 3 })
    expect(preview).toEqual([
      { field: 'requestHeaders.X-Api-Key', before: 'CNRY… (17 chars)', after: expect.stringMatching(/^«redacted:[0-9a-f]{6}»$/) },
      { field: 'raw', before: 'CNRY… (17 chars)', after: preview[0].after },
    ])
    const redacted = await backendWithCanary(false)
    expect(await redacted.backend.api.previewRedaction({ id: 3 })).toEqual([])
    expect(await dispatch(redacted.backend.api, 'previewRedaction', { id: 99 })).toEqual({ ok: false, error: { code: 'not-found', message: 'entry 99 not found' } })
  })
})
