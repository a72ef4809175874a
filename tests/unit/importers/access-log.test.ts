// Access-log importer: Apache/nginx and W3C lines with exact values, detection and streaming.
import { describe, expect, it } from 'vitest'
import { accessLogImporter } from '../../../src/main/importers/access-log'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { importText } from '../helpers/import-text'

describe('Apache/nginx combined and common', () => {
  const lines = [
    '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 ' +
      '"http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"',
    '10.1.2.3 - - [10/Oct/2000:13:55:37 +0530] "POST /api/v1/orders/12345/items?expand=1 HTTP/1.1" 503 - "-" ' +
      '"okhttp/4.9.0"',
    'this is not an access log line',
    '::1 - - [10/Oct/2000:13:55:38 +0000] "GET / HTTP/1.1" 304 0 "-" "-"',
    '192.0.2.7 - - [10/Oct/2000:13:55:39 +0000] "\\x16\\x03\\x01\\x00" 400 166 "-" "-"',
    '',
    '192.0.2.8 - alice [10/Oct/2000:13:55:40 -0000] "DELETE /users/u_123456 HTTP/1.1" 204 -',
    '192.0.2.9 - - [10/Oct/2000:13:55:41 +0000] "GET /slow?q=\\"x\\" HTTP/1.1" 499 0 "-" "curl/7.68.0"',
  ]

  it('maps every field, keeps zones, and reports a malformed line with its number', async () => {
    const { result, rows, detail } = await importText(lines.join('\n') + '\n')
    expect(result.failure).toBeNull()
    expect(result.imported).toBe(6)
    expect(result.skipped).toBe(1)
    expect(result.errors).toEqual([
      { position: 3, message: 'not an Apache/nginx access-log line: no [time] field' },
    ])
    expect(rows.map((r) => r.position)).toEqual([1, 2, 4, 5, 7, 8])
    expect(rows[0]).toMatchObject({
      ts: '2000-10-10T20:55:36.000Z', apiUser: 'frank', method: 'GET', url: '/apache_pb.gif',
      host: null, path: '/apache_pb.gif', endpoint: '/apache_pb.gif', function: 'GET /apache_pb.gif',
      statusCode: 200, statusText: null, result: 'success', resultReason: null, clientIp: '127.0.0.1',
      durationMs: null, correlationId: null, service: null,
    })
    expect(detail(0).requestHeaders).toEqual([
      ['Referer', 'http://www.example.com/start.html'],
      ['User-Agent', 'Mozilla/4.08 [en] (Win98; I ;Nav)'],
    ])
    expect(detail(0).raw).toBe(lines[0])
    expect(rows[1]).toMatchObject({
      ts: '2000-10-10T08:25:37.000Z', apiUser: null, url: '/api/v1/orders/12345/items?expand=1',
      path: '/api/v1/orders/12345/items', endpoint: '/api/v1/orders/{id}/items',
      function: 'POST /api/v1/orders/{id}/items', statusCode: 503, result: 'error', resultReason: null,
    })
    expect(detail(1).requestHeaders).toEqual([['User-Agent', 'okhttp/4.9.0']])
    expect(rows[2]).toMatchObject({ clientIp: '::1', statusCode: 304, result: 'success', function: 'GET /' })
    expect(detail(2).requestHeaders).toEqual([])
    expect(rows[3]).toMatchObject({ method: null, url: null, function: null, statusCode: 400 })
    expect(rows[4]).toMatchObject({
      ts: '2000-10-10T13:55:40.000Z', apiUser: 'alice', function: 'DELETE /users/{id}', statusCode: 204,
    })
    expect(rows[5]).toMatchObject({ url: '/slow?q="x"', statusCode: 499, result: 'error' })
  })

  it('takes the client from X-Forwarded-For, with request time and request id', async () => {
    const text = [
      '203.0.113.5 - - [22/Jan/2019:03:56:14 +0330] "GET /api/items/42 HTTP/1.1" 200 512 "-" "curl/8.4.0" ' +
        '"198.51.100.7, 10.0.0.2" 0.123 0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      '203.0.113.6 - - [22/Jan/2019:03:56:15 +0330] "GET /api/items HTTP/1.1" 200 1024 "-" "curl/8.4.0" "-" ' +
        '1.000 1b2c3d4e5f60718293a4b5c6d7e8f90a',
    ].join('\n')
    const { rows, detail } = await importText(text)
    expect(rows[0]).toMatchObject({
      ts: '2019-01-22T00:26:14.000Z', clientIp: '198.51.100.7', durationMs: 123,
      correlationId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9', endpoint: '/api/items/{id}',
    })
    expect(detail(0).requestHeaders).toEqual([
      ['User-Agent', 'curl/8.4.0'],
      ['X-Forwarded-For', '198.51.100.7, 10.0.0.2'],
    ])
    expect(rows[1]).toMatchObject({
      clientIp: '203.0.113.6', durationMs: 1000, correlationId: '1b2c3d4e5f60718293a4b5c6d7e8f90a',
    })
    expect(detail(1).requestHeaders).toEqual([['User-Agent', 'curl/8.4.0']])
  })

  it('ignores upstream address, time and status after $request_time', async () => {
    const line = (status: number, upstream: string) =>
      `192.0.2.4 - - [01/Feb/2024:10:00:00 +0000] "GET /b HTTP/1.1" ${status} 5 "-" "ua" "-" 0.010 ` +
      `${upstream} 0.008 ${status}`
    const { rows, detail } = await importText([line(200, '10.0.0.7:8080'), line(502, '10.0.0.8:8080')].join('\n'))
    expect(rows.map((r) => [r.clientIp, r.durationMs, r.statusCode])).toEqual([
      ['192.0.2.4', 10, 200],
      ['192.0.2.4', 10, 502],
    ])
    expect(detail(0).requestHeaders).toEqual([['User-Agent', 'ua']])
  })

  it('reads nginx key=value timing fields', async () => {
    const { rows } = await importText(
      '10.0.0.1 - - [01/Feb/2024:10:00:00 +0000] "GET /a HTTP/1.1" 200 5 "-" "ua" ' +
        'rt=0.250 uct="0.000" uht="0.120" urt="0.121" request_id=abc123\n',
    )
    expect(rows[0]).toMatchObject({ durationMs: 250, correlationId: 'abc123', clientIp: '10.0.0.1' })
  })

  it('reads Apache vhost_combined with %D microseconds', async () => {
    const text = [
      'www.example.com:443 192.0.2.10 - bob [17/May/2015:10:05:03 +0000] "GET /orders/77?x=1 HTTP/1.1" 200 5 ' +
        '"-" "Mozilla/5.0" 1534',
      'api.example.com:8080 192.0.2.11 - - [17/May/2015:10:05:04 +0000] "PUT /v2/users/5 HTTP/1.1" 401 10 "-" ' +
        '"python-requests/2.31" 87',
    ].join('\n')
    const { rows } = await importText(text)
    expect(rows[0]).toMatchObject({
      url: 'https://www.example.com/orders/77?x=1', host: 'www.example.com', service: 'www.example.com',
      apiUser: 'bob', clientIp: '192.0.2.10', durationMs: 1.534, function: 'GET /orders/{id}',
    })
    expect(rows[1]).toMatchObject({
      url: 'http://api.example.com:8080/v2/users/5', host: 'api.example.com:8080', service: 'api.example.com',
      durationMs: 0.087, statusCode: 401, result: 'error',
    })
  })

  it('reads a trailing %T as seconds when every sampled value is small', async () => {
    const line = (t: number) =>
      `192.0.2.1 - - [17/May/2015:10:05:03 +0000] "GET /report HTTP/1.1" 200 5 "-" "ua" ${t}`
    const { rows } = await importText([line(2), line(0), line(31)].join('\n'))
    expect(rows.map((r) => r.durationMs)).toEqual([2000, 0, 31000])
  })

  it('keeps a user agent cut off at the end of the line', async () => {
    const { result, detail } = await importText(
      '46.118.127.106 - - [20/May/2015:12:05:17 +0000] "GET /a.py HTTP/1.1" 200 235 "-" "Mozilla/5.0 (compatible\n',
    )
    expect(result.imported).toBe(1)
    expect(detail(0).requestHeaders).toEqual([['User-Agent', 'Mozilla/5.0 (compatible']])
  })
})

describe('W3C extended', () => {
  const iis = [
    '#Software: Microsoft Internet Information Services 8.5',
    '#Version: 1.0',
    '#Date: 2024-03-01 10:00:00',
    '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) ' +
      'cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
    '2024-03-01 10:00:01 10.0.0.5 GET /api/contacts/981 fields=name 443 - 198.51.100.20 PostmanRuntime/7.36.0 ' +
      '- 200 0 0 15',
    '2024-03-01 10:00:02 10.0.0.5 POST /api/contacts - 443 DOMAIN\\svc-crm 198.51.100.21 ' +
      'Mozilla/5.0+(Windows+NT+10.0;++bot) https://crm.example.com/ 500 19 13 2041',
    '#Software: Microsoft Internet Information Services 8.5',
    '#Version: 1.0',
    '#Date: 2024-03-01 11:00:00',
    '#Fields: date time s-sitename cs-method cs-uri-stem cs-uri-query cs-host sc-status time-taken c-ip',
    '2024-03-01 11:00:05 W3SVC1 DELETE /api/contacts/981 - crm.example.com 404 7 198.51.100.22',
    '2024-03-01 11:00:06 W3SVC1 GET /api/contacts',
  ].join('\r\n')

  it('follows #Fields directives that change mid-file (IIS, time-taken in ms)', async () => {
    const { result, rows, detail } = await importText(iis + '\r\n')
    expect(result.imported).toBe(3)
    expect(result.skipped).toBe(8)
    expect(result.errors).toEqual([
      { position: 12, message: '5 values where the "#Fields:" directive names 10' },
    ])
    expect(rows[0]).toMatchObject({
      position: 5, ts: '2024-03-01T10:00:01.000Z', method: 'GET', url: '/api/contacts/981?fields=name',
      function: 'GET /api/contacts/{id}', apiUser: null, clientIp: '198.51.100.20', statusCode: 200,
      result: 'success', durationMs: 15, errorCode: null, service: null,
    })
    expect(detail(0).requestHeaders).toEqual([['User-Agent', 'PostmanRuntime/7.36.0']])
    expect(rows[1]).toMatchObject({
      apiUser: 'DOMAIN\\svc-crm', statusCode: 500, result: 'error', errorCode: '500.19 (win32 13)',
      durationMs: 2041, resultReason: null,
    })
    expect(detail(1).requestHeaders).toEqual([
      ['User-Agent', 'Mozilla/5.0 (Windows NT 10.0; +bot)'],
      ['Referer', 'https://crm.example.com/'],
    ])
    expect(rows[2]).toMatchObject({
      position: 11, ts: '2024-03-01T11:00:05.000Z', service: 'W3SVC1', host: 'crm.example.com',
      url: 'http://crm.example.com/api/contacts/981', function: 'DELETE /api/contacts/{id}', statusCode: 404,
      durationMs: 7, clientIp: '198.51.100.22', errorCode: null,
    })
  })

  it('reads zone-less W3C times in the chosen time zone', async () => {
    const { rows } = await importText(iis, { timeZone: 'Europe/Berlin' })
    expect(rows[0].ts).toBe('2024-03-01T09:00:01.000Z')
  })

  it('reads CloudFront: tabs, seconds, edge request id, double-encoded user agent', async () => {
    const fields = [
      'date', 'time', 'x-edge-location', 'sc-bytes', 'c-ip', 'cs-method', 'cs(Host)', 'cs-uri-stem', 'sc-status',
      'cs(Referer)', 'cs(User-Agent)', 'cs-uri-query', 'cs(Cookie)', 'x-edge-result-type', 'x-edge-request-id',
      'x-host-header', 'cs-protocol', 'cs-bytes', 'time-taken', 'x-forwarded-for', 'ssl-protocol', 'ssl-cipher',
      'x-edge-response-result-type', 'cs-protocol-version', 'x-edge-detailed-result-type',
    ]
    const values = [
      '2023-07-01', '12:30:45', 'IAD89-C1', '915', '203.0.113.50', 'POST', 'd1234abcd.cloudfront.net', '/graphql',
      '502', '-', 'okhttp/4.9.3%2520(Android%252013)', 'op=GetUser', '-', 'Error', 'Zx9_aBcD-EXAMPLEid==',
      'api.example.com', 'https', '1250', '0.512', '198.51.100.99', 'TLSv1.3', 'TLS_AES_128_GCM_SHA256', 'Error',
      'HTTP/2.0', 'OriginConnectError',
    ]
    const text = `#Version: 1.0\n#Fields: ${fields.join(' ')}\n${values.join('\t')}\n`
    const { rows, detail } = await importText(text)
    expect(rows[0]).toMatchObject({
      ts: '2023-07-01T12:30:45.000Z', url: 'https://api.example.com/graphql?op=GetUser',
      host: 'api.example.com', service: 'd1234abcd.cloudfront.net', statusCode: 502, result: 'error',
      resultReason: 'OriginConnectError', durationMs: 512, correlationId: 'Zx9_aBcD-EXAMPLEid==',
      clientIp: '198.51.100.99', function: 'POST /graphql',
    })
    expect(detail(0).requestHeaders).toEqual([['User-Agent', 'okhttp/4.9.3 (Android 13)']])
  })
})

describe('detection and streaming', () => {
  it('does not claim CSV, JSON, NDJSON or VICIdial content', () => {
    const heads = [
      'time,method,url,status\n2024-01-01T00:00:00Z,GET,/a,200\n',
      '[{"method":"GET","url":"/a","status":200}]',
      '{"ts":1,"method":"GET","path":"/a [x] \\"y\\""}\n{"ts":2}\n',
      '"USER","AGENT USER","FUNCTION","VALUE","RESULT","RESULT REASON","SOURCE","DATA","API DATE"\n' +
        '"6666","1001","external_dial","5551234","SUCCESS","call placed","crm","x","2024-01-01 10:00:00"\n',
      'api_id\tuser\tagent_user\tfunction\tvalue\tresult\tresult_reason\tsource\tdata\tapi_date\n' +
        '1\t6666\t1001\texternal_status\tA\tSUCCESS\tstatus set\tcrm\t\t2024-01-01 10:00:00\n',
    ]
    for (const head of heads) expect(accessLogImporter.detect(head, 'x.log').kind).toBe('no-match')
  })

  it('matches with confidence 0.9 when most sampled lines parse, ignoring a cut last line', () => {
    const line = '1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 1 "-" "ua"'
    const cut = `${line}\n${line}\n1.2.3.4 - - [10/Oct`
    expect(accessLogImporter.detect(cut, 'x')).toEqual({ kind: 'match', confidence: 0.9 })
    const noisy = `${line}\nnoise\nnoise\n`
    expect(accessLogImporter.detect(noisy, 'x')).toEqual({ kind: 'no-match', reason: expect.any(String) })
  })

  it('gives the same entries whatever the chunk size', async () => {
    const text = [
      '1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "GET /a HTTP/1.1" 200 1 "-" "ua"',
      'garbage',
      '1.2.3.5 - - [10/Oct/2000:13:55:37 +0000] "GET /b HTTP/1.1" 500 1 "-" "ua"',
    ].join('\r\n')
    const run = async (size: number) => {
      const out: Array<EntryRecord | string> = []
      async function* chunks() {
        for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
      }
      const sink = {
        add: (e: EntryRecord) => out.push(e),
        error: (p: number, m: string) => out.push(`${p}:${m}`),
        skip: () => {},
        setMapping: () => {},
      }
      await accessLogImporter.parse(chunks(), { fileName: 'x', timeZone: 'UTC', wall: (ms) => ms, sink })
      return out
    }
    const whole = await run(text.length)
    expect(whole).toHaveLength(3)
    expect(await run(3)).toEqual(whole)
  })

  it('rejects a file forced as access log when no line is one', async () => {
    const { result } = await importText('hello\nworld\n')
    expect(result.failure).toMatch(/^no line in the first 2 looks like .* access logs$/)
  })
})
