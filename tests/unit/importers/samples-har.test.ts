// Every HAR in /work/shared/samples/har imports completely, checked against counts taken from the
// raw file with JSON.parse (independent of the streaming importer) and a few exact values per file.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EntryDetail } from '../../../src/shared/types'
import { importIntoMemory, type Imported } from '../helpers/store'

const DIR = join(__dirname, '../../../../shared/samples/har')

interface RawEntry {
  request: { url: string; method: string }
  response: { status: number; _error?: string }
}

function rawEntries(file: string): RawEntry[] {
  const text = readFileSync(join(DIR, file), 'utf8').replace(/^\uFEFF/, '')
  return (JSON.parse(text) as { log: { entries: RawEntry[] } }).log.entries
}

const body = (d: EntryDetail) => [d.responseBody?.slice(0, 15) ?? null, d.responseBodyEncoding]

/** Exact values per sample file, by 0-based entry index. */
const CHECKS: Record<string, (run: Imported) => void> = {
  'mitmproxy_charles.har': ({ rows, detail }) => {
    expect(rows[0]).toMatchObject({
      ts: '2023-03-30T00:37:42.482Z',
      function: 'GET /',
      statusCode: 200,
      durationMs: 107,
    })
    expect(body(detail(0))).toEqual(['<!DOCTYPE html>', null])
  },
  'mitmproxy_chrome.har': ({ rows, detail }) => {
    expect(rows[1]).toMatchObject({
      url: 'https://www.google.com/',
      statusCode: 0,
      result: 'error',
      resultReason: 'net::ERR_INTERNET_DISCONNECTED',
    })
    expect(rows[0]).toMatchObject({ statusCode: 304, result: 'success', durationMs: 14.666 })
    expect(body(detail(0))).toEqual(['<!DOCTYPE html>', null]) // base64 text/html decoded
    expect(body(detail(2))).toEqual(['iVBORw0KGgoAAAA', 'base64']) // PNG kept
  },
  'mitmproxy_diff_data.har': ({ rows, detail }) => {
    expect(rows[0]).toMatchObject({
      function: 'POST /$rpc/google.internal.waa.v1.Waa/GenerateIT',
      origin: 'https://www.youtube.com',
    })
    expect(rows[1].correlationId).toBe('8044fc9689fa2386-SJC')
    expect(rows[2].function).toBe('GET /simgad/{id}')
    expect(detail(2).responseBodyEncoding).toBe('base64')
  },
  'mitmproxy_edge.har': ({ rows }) => {
    expect(rows[12]).toMatchObject({
      host: 's3-us-west-2.amazonaws.com',
      correlationId: 'EJZ074BBHCMXGT3A',
      origin: 'https://mitmproxy.org',
    })
    expect(rows[0]).toMatchObject({ statusCode: 304, statusText: 'Not Modified', durationMs: 48.183 })
  },
  'mitmproxy_error_log.har': ({ rows, detail }) => {
    expect(rows[0]).toMatchObject({ url: 'http://163.com/', statusCode: 0, result: 'error' })
    expect(rows[0].resultReason).toMatch(/^Multiple exceptions: \[Errno 60\] Connect call failed \('123\.58\.180\.8'/)
    expect(rows[1]).toMatchObject({
      function: 'POST /get',
      statusCode: 405,
      result: 'error',
      resultReason: null,
    })
    expect(detail(1).requestBody).toBe('key1=value1&key2=value2')
  },
  'mitmproxy_firefox.har': ({ rows, detail }) => {
    expect(rows[0]).toMatchObject({ ts: '2023-03-29T23:58:59.303Z', statusCode: 304, durationMs: 23 })
    expect(rows[11].correlationId).toBe('299PK1CFMV40HV7M')
    expect(body(detail(13))).toEqual(['AAABAAUAAAAAAAE', 'base64'])
  },
  'mitmproxy_insomnia.har': ({ rows, detail }) => {
    expect(rows[0]).toMatchObject({
      url: 'http://mitm.it/',
      function: 'GET /',
      statusCode: 200,
      durationMs: 70.402,
    })
    expect(detail(0).requestBody).toBeNull() // empty postData
  },
  'mitmproxy_postdata.har': ({ rows, detail }) => {
    expect(rows[0]).toMatchObject({
      function: 'POST /metrics',
      statusCode: 200,
      statusText: null,
      origin: 'https://reqbin.com',
    })
    expect(detail(0).requestBody?.startsWith('{"metadata":{"pageViewId":1689428126308')).toBe(true)
  },
  'mitmproxy_safari.har': ({ rows, detail }) => {
    expect(rows[17].correlationId).toBe('3YE17W08DAHB9Y2Z')
    expect(rows.filter((_, i) => detail(i).responseBodyEncoding === 'base64')).toHaveLength(7)
  },
  'mitmproxy_timed_out.har': ({ rows }) => {
    const reasons = rows.filter((r) => r.statusCode === 0).map((r) => r.resultReason)
    expect(reasons.filter((r) => r === 'net::ERR_INTERNET_DISCONNECTED')).toHaveLength(20)
    expect(reasons.filter((r) => r === 'net::ERR_ABORTED')).toHaveLength(1)
    expect(rows[6]).toMatchObject({
      statusCode: 200,
      result: 'error',
      resultReason: 'net::ERR_QUIC_PROTOCOL_ERROR',
    })
    expect(rows.filter((r) => r.method === 'OPTIONS')).toHaveLength(5)
  },
  'mitmproxy_websocket.har': ({ rows }) => {
    expect(rows.map((r) => r.statusText)).toEqual([
      'Switching Protocols (1 WebSocket message)',
      'Switching Protocols (1 WebSocket message)',
      'Switching Protocols (3 WebSocket messages)',
    ])
    expect(rows[0]).toMatchObject({
      function: 'GET /v3/{id}',
      origin: 'https://www.piesocket.com',
      result: 'success',
    })
  },
  'mitmproxy_with-bom.har': ({ rows }) => {
    expect(rows[0]).toMatchObject({
      function: 'POST /metrics',
      ts: '2023-07-15T13:37:26.093Z',
      durationMs: 169.796,
    })
  },
  'pollyjs_adapter-http-node_should-respect-request-order_recording.har': ({ rows, detail }) => {
    const calls = ['GET 404', 'POST 200', 'GET 200', 'DELETE 200', 'GET 404']
    expect(rows.map((r) => `${r.method} ${r.statusCode}`)).toEqual(calls)
    expect(detail(1).requestBody).toBe('{"foo":"bar"}')
    expect(rows[0].host).toBe('localhost:4000')
  },
  'pollyjs_github-api-getUser_recording.har': ({ rows, detail }) => {
    expect(rows[0]).toMatchObject({
      function: 'GET /users/netflix',
      correlationId: 'F38D:0289:2486BB0:45D7297:621086A6',
      durationMs: 454,
    })
    // gzip body stored as hex chunks with _isBinary, decoded to JSON text
    expect(JSON.parse(detail(0).responseBody ?? 'null')).toMatchObject({ login: 'Netflix', id: 913567 })
  },
  'pollyjs_jest-puppeteer_recording.har': ({ rows }) => {
    const functions = ['GET /posts', 'GET /users', 'GET /todos', 'GET /users', 'GET /users']
    expect(rows.map((r) => r.function)).toEqual(functions)
    expect(rows[0]).toMatchObject({ correlationId: '55d19e5cff4293b8-SJC', origin: 'http://localhost:3000' })
  },
}

describe.skipIf(!existsSync(DIR))('HAR samples', () => {
  const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.har')).sort() : []

  it('has exact checks for every sample file', () => {
    expect(files).toEqual(Object.keys(CHECKS).sort())
  })

  for (const file of files) {
    it(file, async () => {
      const raw = rawEntries(file)
      // secrets kept: URLs compare verbatim with the raw file (api_key, session_id would be redacted)
      const run = await importIntoMemory(join(DIR, file), { keepSecrets: true })
      expect(run.result).toMatchObject({ format: 'har', failure: null, errorCount: 0, imported: raw.length })
      expect(run.rows.map((r) => r.url)).toEqual(raw.map((e) => e.request.url))
      expect(run.rows.map((r) => r.statusCode)).toEqual(raw.map((e) => e.response.status))
      const failed = raw.map(({ response: r }) => r.status === 0 || r.status >= 400 || Boolean(r._error))
      expect(run.rows.map((r) => r.result === 'error')).toEqual(failed)
      CHECKS[file](run)
    })
  }
})
