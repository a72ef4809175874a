import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { detectHar, harImporter } from '../../../src/main/importers/har'
import type { EntrySink } from '../../../src/main/importers/types'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { createWallClock } from '../../../src/main/util/time-zone'
import { importIntoMemory, tempDir } from '../helpers/store'

const b64 = (text: string) => Buffer.from(text).toString('base64')
const b64url = (text: string) => Buffer.from(text).toString('base64url')
const JWT_HEADER = b64url('{"alg":"HS256","typ":"JWT"}')
const JWT = `${JWT_HEADER}.${b64url('{"sub":"svc-billing","scope":"contacts"}')}.c2lnbmF0dXJl`

type Fields = Record<string, unknown>

/** A HAR entry: a GET of /contacts/42 answered 200, with fields overridden. */
function entry(overrides: Fields = {}, request: Fields = {}, response: Fields = {}) {
  return {
    startedDateTime: '2025-11-18T09:15:02.114Z',
    time: 42,
    request: { method: 'GET', url: 'https://api.acme.example/contacts/42', headers: [], ...request },
    response: { status: 200, statusText: 'OK', headers: [], content: { size: 0, mimeType: '' }, ...response },
    timings: { send: 0, wait: 42, receive: 0 },
    ...overrides,
  }
}

function harText(entries: unknown[]): string {
  const log = { version: '1.2', creator: { name: 'test', version: '1' }, entries }
  return JSON.stringify({ log }, null, 2)
}

function writeHar(text: string): string {
  const path = join(tempDir(), 'test.har')
  writeFileSync(path, text)
  return path
}

/** Imports with secrets kept, so the importer's own output is compared (redaction has its own tests). */
const importText = (text: string) => importIntoMemory(writeHar(text), { keepSecrets: true })
const importEntries = (entries: unknown[]) => importText(harText(entries))
const headers = (pairs: Record<string, string>) =>
  Object.entries(pairs).map(([name, value]) => ({ name, value }))
/** A response with a body. */
const reply = (status: number, mimeType: string, text: string, content: Fields = {}) => ({
  status,
  content: { mimeType, text, ...content },
})

/** Runs the importer directly (no pipeline) over the text cut into chunks of `size` characters. */
async function parseDirect(text: string, size: number) {
  const added: EntryRecord[] = []
  const errors: Array<[number, string]> = []
  const sink: EntrySink = {
    add: (e) => added.push(e),
    error: (p, m) => errors.push([p, m]),
    skip: () => {},
    setMapping: () => {},
  }
  async function* chunks() {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
  }
  const wall = createWallClock('UTC')
  await harImporter.parse(chunks(), { fileName: 'x.har', timeZone: 'UTC', wall, sink })
  return { added, errors }
}

describe('detectHar', () => {
  it('matches HAR documents with high confidence', () => {
    const high = { kind: 'match', confidence: 0.95 }
    expect(detectHar('{\n  "log": {\n    "version": "1.2",\n    "creator": {')).toEqual(high)
    expect(detectHar('\uFEFF{"log":{"_recordingName":"x","creator":{"name":"Polly.JS"}')).toEqual(high)
    // a head cut in the middle of an entry still matches
    expect(detectHar('{"log":{"entries":[{"request":{"url":"https://a.example/')).toEqual(high)
  })

  it('matches a "log" object that is not the first key with lower confidence', () => {
    const head = '{"meta":{"exported":"today"},"log":{"entries":['
    expect(detectHar(head)).toEqual({ kind: 'match', confidence: 0.6 })
  })

  it('leaves other JSON alone', () => {
    expect(detectHar('[{"log":{"entries":[]}}]')).toEqual({ kind: 'no-match', reason: 'not a JSON object' })
    expect(detectHar('{"ts":1,"log":"x"}\n{"ts":2}')).toEqual({
      kind: 'no-match',
      reason: 'JSON object without a "log" object',
    })
    expect(detectHar('{"log": {"level": "info", "msg": "started"}}')).toEqual({
      kind: 'no-match',
      reason: '"log" object without entries, creator or version',
    })
    const accessLog = '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326'
    expect(detectHar(accessLog).kind).toBe('no-match')
  })
})

describe('harImporter field mapping', () => {
  it('maps a PUT with Basic auth, an on-behalf-of header and a request id', async () => {
    const basic = `Basic ${b64('crm-sync:s3cret')}`
    const request = {
      method: 'PUT',
      url: 'https://api.acme.example/contacts/42?x=1',
      headers: headers({
        Authorization: basic,
        'X-On-Behalf-Of': 'maria',
        Origin: 'https://app.acme.example',
      }),
      postData: { mimeType: 'application/json', text: '{"name":"Ana"}' },
    }
    const response = {
      ...reply(200, 'application/json', '{"ok":1}'),
      headers: headers({ 'X-Request-Id': 'req-1' }),
    }
    const { result, rows, detail } = await importEntries([entry({}, request, response)])
    expect(result.imported).toBe(1)
    expect(rows[0]).toMatchObject({
      position: 1,
      ts: '2025-11-18T09:15:02.114Z',
      apiUser: 'crm-sync',
      agentUser: 'maria',
      function: 'PUT /contacts/{id}',
      result: 'success',
      statusCode: 200,
      statusText: 'OK',
      resultReason: null,
      method: 'PUT',
      url: 'https://api.acme.example/contacts/42?x=1',
      host: 'api.acme.example',
      path: '/contacts/42',
      endpoint: '/contacts/{id}',
      service: 'api.acme.example',
      durationMs: 42,
      correlationId: 'req-1',
      origin: 'https://app.acme.example',
      clientIp: null,
      tenant: null,
    })
    const d = detail(0)
    expect(d.requestHeaders).toEqual([
      ['Authorization', basic],
      ['X-On-Behalf-Of', 'maria'],
      ['Origin', 'https://app.acme.example'],
    ])
    expect(d.requestBody).toBe('{"name":"Ana"}')
    expect(d.responseBody).toBe('{"ok":1}')
    expect(d.responseHeaders).toEqual([['X-Request-Id', 'req-1']])
    expect(rows[0].apiUser).not.toContain('s3cret')
  })

  it('names the API user even when the pipeline redacts the credential', async () => {
    const basic = `Basic ${b64('crm-sync:s3cret')}`
    const path = writeHar(harText([entry({}, { headers: headers({ Authorization: basic }) })]))
    const { rows, detail } = await importIntoMemory(path)
    expect(rows[0].apiUser).toBe('crm-sync')
    expect(detail(0).requestHeaders[0][1]).not.toContain(b64('crm-sync:s3cret'))
    expect(detail(0).raw).not.toContain(b64('crm-sync:s3cret'))
  })

  it('takes the API user from a JWT bearer subject, never the token', async () => {
    const { rows } = await importEntries([
      entry({}, { headers: headers({ authorization: `Bearer ${JWT}` }) }),
      entry({}, { headers: headers({ Authorization: 'Bearer opaque-0123456789abcdef' }) }),
      entry({}, { url: 'https://reports:hunter2@api.acme.example/export' }),
    ])
    expect(rows.map((r) => r.apiUser)).toEqual(['svc-billing', null, 'reports'])
  })

  it('collapses ids in paths into the function template', async () => {
    const urls = [
      'https://api.acme.example/contacts/42',
      'https://api.acme.example/contacts/9f1c2a7e-3b4d-4c5e-8f90-1a2b3c4d5e6f/notes/7?page=2',
      'https://api.acme.example/v2/orders/ORD-2024-0001',
      'https://api.acme.example/',
    ]
    const { rows } = await importEntries(urls.map((url) => entry({}, { method: 'delete', url })))
    expect(rows.map((r) => r.function)).toEqual([
      'DELETE /contacts/{id}',
      'DELETE /contacts/{id}/notes/{id}',
      'DELETE /v2/orders/{id}',
      'DELETE /',
    ])
    expect(rows.map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'DELETE', 'DELETE'])
  })

  it('reports status 0 as an error with the producer reason', async () => {
    const { rows } = await importEntries([
      entry({}, {}, { status: 0, statusText: '', _error: 'net::ERR_INTERNET_DISCONNECTED' }),
      entry({ comment: 'blocked by client' }, {}, { status: 0, statusText: '' }),
      entry({ response: undefined }),
      entry({}, {}, { status: 200, _error: 'net::ERR_QUIC_PROTOCOL_ERROR' }),
    ])
    expect(rows.map((r) => [r.statusCode, r.result, r.resultReason])).toEqual([
      [0, 'error', 'net::ERR_INTERNET_DISCONNECTED'],
      [0, 'error', 'blocked by client'],
      [0, 'error', 'no response'],
      [200, 'error', 'net::ERR_QUIC_PROTOCOL_ERROR'],
    ])
  })

  it('reads error text and code from JSON error bodies of HTTP errors only', async () => {
    const long = 'x'.repeat(800)
    const json = 'application/json'
    const { rows } = await importEntries([
      entry({}, {}, reply(422, json, '{"message":"email is invalid","code":"VALIDATION"}')),
      entry({}, {}, reply(404, json, '{"error":{"code":404,"message":"Not here"}}')),
      entry({}, {}, reply(400, json, '{"error":"invalid_grant","error_description":"Bad code"}')),
      entry({}, {}, reply(500, json, `{"detail":"${long}"}`)),
      entry({}, {}, reply(502, 'text/html', '<h1>Bad gateway</h1>')),
      entry({}, {}, reply(200, json, '{"message":"fine","code":7}')),
    ])
    expect(rows.map((r) => [r.resultReason?.slice(0, 30) ?? null, r.errorCode])).toEqual([
      ['email is invalid', 'VALIDATION'],
      ['Not here', '404'],
      ['Bad code', 'invalid_grant'],
      ['x'.repeat(30), null],
      [null, null],
      [null, null],
    ])
    expect(rows[3].resultReason).toBe(`${'x'.repeat(499)}…`)
  })

  it('decodes textual base64 bodies and keeps binary ones as base64', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64')
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]).toString('base64') // "café" in ISO-8859-1
    const base64 = { encoding: 'base64' }
    const { detail } = await importEntries([
      entry({}, {}, reply(401, 'application/json', b64('{"message":"token expired"}'), base64)),
      entry({}, {}, reply(200, 'image/png', png, base64)),
      entry({}, {}, reply(200, 'text/plain; charset=iso-8859-1', latin1, base64)),
      entry({}, {}, reply(200, 'text/html', b64('<p>olá</p>'), base64)),
    ])
    expect([detail(0).responseBody, detail(0).responseBodyEncoding, detail(0).resultReason]).toEqual([
      '{"message":"token expired"}',
      null,
      'token expired',
    ])
    expect([detail(1).responseBody, detail(1).responseBodyEncoding]).toEqual([png, 'base64'])
    expect([detail(2).responseBody, detail(2).responseBodyEncoding]).toEqual([latin1, 'base64'])
    expect([detail(3).responseBody, detail(3).responseBodyEncoding]).toEqual(['<p>olá</p>', null])
  })

  it('decodes Polly.JS binary bodies: gzip hex chunks and plain hex', async () => {
    const gz = gzipSync(Buffer.from('{"login":"Netflix"}')).toString('hex')
    const chunks = JSON.stringify([gz.slice(0, 20), gz.slice(20)])
    const binary = { _isBinary: true }
    const gzipped = {
      ...reply(200, 'application/json', chunks, binary),
      headers: headers({ 'content-encoding': 'gzip' }),
    }
    const { detail } = await importEntries([
      entry({}, {}, gzipped),
      entry({}, {}, reply(200, 'application/octet-stream', 'deadbeef', binary)),
      entry({}, {}, reply(200, 'application/json', 'not hex at all', binary)),
    ])
    expect([detail(0).responseBody, detail(0).responseBodyEncoding]).toEqual(['{"login":"Netflix"}', null])
    const deadbeef = Buffer.from('deadbeef', 'hex').toString('base64')
    expect([detail(1).responseBody, detail(1).responseBodyEncoding]).toEqual([deadbeef, 'base64'])
    expect([detail(2).responseBody, detail(2).responseBodyEncoding]).toEqual(['not hex at all', null])
  })

  it('renders form params, ignores empty postData and sums timings without ssl or -1', async () => {
    const timings = { blocked: -1, dns: 2, connect: 10, ssl: 8, send: 0.5, wait: 30, receive: 1.25 }
    const params = [
      { name: 'note', value: 'call back & confirm' },
      { name: 'n', value: '1' },
    ]
    const none = { blocked: -1, dns: -1, connect: -1, send: -1, wait: -1, receive: -1 }
    const { rows, detail } = await importEntries([
      entry({ time: undefined, timings }, { method: 'POST', postData: { mimeType: 'text/plain', params } }),
      entry({ time: -1, timings: none }, { postData: { mimeType: '', text: '', params: [] } }),
    ])
    expect(detail(0).requestBody).toBe('note=call+back+%26+confirm&n=1')
    expect(detail(1).requestBody).toBeNull()
    expect(rows.map((r) => r.durationMs)).toEqual([43.75, null])
  })

  it('finds agent users and correlation ids in headers and the query string', async () => {
    const tp = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
    const zeroTp = '00-00000000000000000000000000000000-00f067aa0ba902b7-01'
    const url = 'https://pbx.example/agc/api.php?function=external_pause&agent_user=1001'
    const { rows } = await importEntries([
      entry({}, { url, headers: headers({ traceparent: tp }) }),
      entry(
        {},
        { headers: headers({ 'X-Impersonate-User': 'dana', 'x-request-id': 'client-1' }) },
        { headers: headers({ 'CF-Ray': 'abc-MAD' }) },
      ),
      entry({}, { headers: headers({ 'X-Act-As': 'lee', traceparent: zeroTp }) }),
    ])
    expect(rows.map((r) => [r.agentUser, r.correlationId])).toEqual([
      ['1001', '4bf92f3577b34da6a3ce929d0e0e4736'],
      ['dana', 'client-1'],
      ['lee', null],
    ])
  })

  it('handles HTTP/2 pseudo-headers and WebSocket upgrades as single entries', async () => {
    const pseudo = headers({ ':authority': 'api.acme.example', ':path': '/v2/contacts' })
    const frames = [
      { type: 'send', opcode: 1, data: 'hi' },
      { type: 'receive', opcode: 1, data: 'ho' },
    ]
    const { rows } = await importEntries([
      entry({}, { url: '/v2/contacts', httpVersion: 'h2', headers: pseudo }),
      entry({ _webSocketMessages: frames }, {}, { status: 101, statusText: 'Switching Protocols' }),
    ])
    expect(rows.map((r) => [r.host, r.function, r.statusCode, r.statusText, r.result])).toEqual([
      ['api.acme.example', 'GET /v2/contacts', 200, 'OK', 'success'],
      [
        'api.acme.example',
        'GET /contacts/{id}',
        101,
        'Switching Protocols (2 WebSocket messages)',
        'success',
      ],
    ])
  })

  it('keeps each entry\'s JSON text verbatim as raw', async () => {
    const first =
      '{ "startedDateTime": "2025-01-01T00:00:00Z",\n' +
      '  "request": {"method":"GET","url":"https://a.example/x"}, "response": {"status": 204} }'
    const second = '{"request":{"method":"POST","url":"https://a.example/y"},"response":{"status":201}}'
    const { detail } = await importText(`{"log":{"version":"1.2","entries":[\n  ${first},\n  ${second}\n]}}`)
    expect(detail(0).raw).toBe(first)
    expect(detail(1).raw).toBe(second)
  })
})

describe('harImporter bad input', () => {
  it('reports elements that are not entries by index and imports the others', async () => {
    const good = JSON.stringify(entry())
    const bad = '7, {"request":{"method":"GET"}}, {"time": tru, "request": {}}'
    const text = `{"log":{"entries":[${good}, ${bad}, ${good}]}}`
    const { result, rows } = await importText(text)
    expect(result.imported).toBe(2)
    expect(rows.map((r) => r.position)).toEqual([1, 5])
    expect(result.errors.slice(0, 2)).toEqual([
      { position: 2, message: 'not an entry object (found a number)' },
      { position: 3, message: 'the entry\'s request has no "url"' },
    ])
    expect(result.errors[2].position).toBe(4)
    expect(result.errors[2].message).toMatch(/^entry is not valid JSON: /)
    expect(result.errorCount).toBe(3)
  })

  it('keeps the entries of a truncated file and reports where it was cut', async () => {
    const full = harText([entry(), entry({}, { url: 'https://api.acme.example/contacts/43' }), entry()])
    const cut = full.slice(0, full.lastIndexOf('"startedDateTime"') + 30)
    const { result, rows } = await importText(cut)
    expect(result.failure).toBeNull()
    expect(rows.map((r) => r.url)).toEqual([
      'https://api.acme.example/contacts/42',
      'https://api.acme.example/contacts/43',
    ])
    expect(result.errors).toEqual([
      { position: 3, message: 'the file is cut off inside log.entries after entry 2: the rest is lost' },
    ])
  })

  it('rejects a file without log.entries', async () => {
    const { result } = await importText('{"log":{"version":"1.2","creator":{"name":"x"},"pages":[]}}')
    expect(result.imported).toBe(0)
    expect(result.failure).toBe(
      'not a HAR file: no "log.entries" array was found (the file may be cut off before it)',
    )
  })

  it('rejects a file that is broken before any entry', async () => {
    const { result } = await importIntoMemory(writeHar('{"log":{"version":"1.2"}}]]'), { format: 'har' })
    expect(result.failure).toBe('not a valid HAR file: unexpected "]"')
  })

  it('imports a file that starts with a UTF-8 BOM', async () => {
    const path = writeHar(`\uFEFF${harText([entry()])}`)
    const { result, rows } = await importIntoMemory(path)
    expect([result.format, result.imported, rows[0].function]).toEqual(['har', 1, 'GET /contacts/{id}'])
    // the importer itself also copes when a BOM reaches it
    const direct = await parseDirect(`\uFEFF${harText([entry()])}`, 64)
    expect(direct.added.map((e) => e.function)).toEqual(['GET /contacts/{id}'])
  })

  it('gives the same entries whatever the chunk size', async () => {
    const quoted = 'https://a.example/b/"quoted"\\/c'
    const text = harText([entry(), entry({}, { url: quoted }), 5, entry({}, {}, { status: 0 })])
    const whole = await parseDirect(text, text.length)
    for (const size of [1, 3, 17, 1000]) {
      const chunked = await parseDirect(text, size)
      expect(chunked.added).toEqual(whole.added)
      expect(chunked.errors).toEqual([[3, 'not an entry object (found a number)']])
    }
    expect(whole.added.map((e) => e.url)).toEqual([
      'https://api.acme.example/contacts/42',
      'https://a.example/b/"quoted"\\/c',
      'https://api.acme.example/contacts/42',
    ])
  })
})
