// Every NDJSON and JSON sample in /work/shared/samples: the imported count equals a count taken
// from the raw file another way, and a few fields per file have their exact values.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importIntoMemory } from '../helpers/store'

const SAMPLES = join(__dirname, '../../../../shared/samples')
const NDJSON = join(SAMPLES, 'ndjson')
const JSON_DIR = join(SAMPLES, 'json')
const APIGW = 'elastic-integrations_aws-apigateway_test-apigateway'
const PETS = '/pets/{petId}'

/** Lines that hold a JSON object, counted without the importer's line splitter. */
function objectLines(path: string): number {
  return readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.trim().startsWith('{')).length
}

describe.skipIf(!existsSync(NDJSON))('NDJSON samples', () => {
  it.each(existsSync(NDJSON) ? readdirSync(NDJSON) : [])('%s imports every line', async (name) => {
    const path = join(NDJSON, name)
    const { result } = await importIntoMemory(path)
    expect(result.format).toBe('ndjson')
    expect(result.errorCount).toBe(0)
    expect(result.skipped).toBe(0)
    expect(result.imported).toBe(objectLines(path))
  })

  it('API Gateway REST: resourcePath templates, CLF times, stage and domain', async () => {
    const { rows } = await importIntoMemory(join(NDJSON, `${APIGW}-rest.log`))
    expect(rows.map((r) => r.endpoint)).toEqual(['/pets', PETS, PETS, PETS, '/'])
    const pets = `GET ${PETS}`
    expect(rows.map((r) => r.function)).toEqual(['GET /pets', pets, pets, pets, 'GET /'])
    expect(rows[0]).toMatchObject({
      ts: '2023-06-10T15:36:28.000Z',
      statusCode: 200,
      result: 'success',
      clientIp: '1.128.0.0',
      apiUser: null,
      correlationId: '48752d0f-c99d-4cfa-a5a7-f3c6834d19e5',
      url: '/pets',
    })
    expect(rows[3]).toMatchObject({
      url: 'https://asad15n3p0.execute-api.us-east-1.amazonaws.com/pets/{petId}',
      host: 'asad15n3p0.execute-api.us-east-1.amazonaws.com',
      service: 'asad15n3p0/prod',
      ts: '2023-07-26T12:07:03.000Z',
    })
  })

  it('API Gateway WebSocket: the $connect 500s and the 403', async () => {
    const { rows } = await importIntoMemory(join(NDJSON, `${APIGW}-websocket.log`))
    expect(rows.map((r) => [r.statusCode, r.result, r.function])).toEqual([
      [500, 'error', '$connect'],
      [403, 'error', null],
      [500, 'error', '$connect'],
      [500, 'error', '$connect'],
    ])
    expect(rows[1]).toMatchObject({
      correlationId: '177a5660-9b20-4614-b620-51dd4d56fb4c',
      ts: '2023-07-19T16:17:17.000Z',
      method: null,
    })
    expect(rows[2]).toMatchObject({
      correlationId: 'Iq9gwFDNoAMFo1A=',
      service: 'z1ctxygne5/production',
      url: null,
    })
  })

  it('API Gateway HTTP API routeKey next to a REST resourcePath', async () => {
    const { rows } = await importIntoMemory(join(NDJSON, `${APIGW}.log`))
    expect(rows.map((r) => [r.function, r.endpoint, r.correlationId])).toEqual([
      ['GET /', '/', 'GQIVriFLIAMEMsA='],
      ['GET /pets', '/pets', '48752d0f-c99d-4cfa-a5a7-f3c6834d19e5'],
    ])
  })

  it('Traefik: downstream 200 but origin 504 is an error', async () => {
    const { rows, detail } = await importIntoMemory(join(NDJSON, 'matomo-log-analytics_traefik_json.log'))
    expect(rows[0]).toMatchObject({
      statusCode: 200,
      result: 'error',
      method: 'GET',
      url: 'http://localhost/my/app/auth?id=1234&user=dude',
      path: '/my/app/auth',
      durationMs: 10002.425,
      delayMs: 0.122,
      clientIp: '1.2.3.4',
      service: 'my-service@file',
      ts: '2023-08-11T11:39:21.773Z',
      apiUser: null,
    })
    expect(detail(0).requestHeaders).toEqual([
      ['User-Agent', 'Prometheus/2.40.5'],
      ['Referer', 'www.example.com'],
    ])
  })

  it('Caddy: epoch-float ts, seconds, TLS scheme and header arrays', async () => {
    const { rows, detail } = await importIntoMemory(join(NDJSON, 'matomo-log-analytics_caddy_json.log'))
    expect(rows.map((r) => [r.ts, r.durationMs, r.path])).toEqual([
      ['2023-12-23T23:17:54.816Z', 1.335, '/beta/'],
      ['2023-12-23T23:17:54.901Z', 1.437, '/beta/assets/index-mMaLXldj.css'],
      ['2023-12-23T23:17:55.142Z', 242.57, '/beta/assets/index-HIcRLzdf.js'],
    ])
    expect(rows[0]).toMatchObject({
      url: 'https://example.com/beta/',
      host: 'example.com',
      clientIp: '1.2.3.4',
      apiUser: null,
    })
    const first = detail(0)
    expect(first.requestHeaders).toHaveLength(12)
    expect(first.responseHeaders.filter(([name]) => name === 'Server')).toEqual([
      ['Server', 'Caddy'],
      ['Server', 'nginx/1.20.1'],
    ])
  })
})

describe.skipIf(!existsSync(JSON_DIR))('JSON samples', () => {
  it.each(existsSync(JSON_DIR) ? readdirSync(JSON_DIR) : [])('%s imports every element', async (name) => {
    const path = join(JSON_DIR, name)
    const { result } = await importIntoMemory(path)
    expect(result.format).toBe('json')
    expect(result.errorCount).toBe(0)
    expect(result.imported).toBe((JSON.parse(readFileSync(path, 'utf8')) as unknown[]).length)
  })

  it('mitmproxy flows: URLs, statuses, reasons and timings', async () => {
    const { rows, detail } = await importIntoMemory(join(JSON_DIR, 'mitmproxy_har_files_firefox.flows.json'))
    expect(rows.map((r) => r.statusCode)).toEqual([
      304, 200, 200, 200, 200, 200, 200, 200, 200, 304, 304, 200, 304, 200,
    ])
    expect(rows[0]).toMatchObject({
      url: 'https://mitmproxy.org/', statusText: 'Not Modified', clientIp: '127.0.0.1', durationMs: 23,
      ts: '2023-03-29T23:58:59.303Z', result: 'success', function: 'GET /',
    })
    expect(rows[11]).toMatchObject({
      host: 's3-us-west-2.amazonaws.com', path: '/snapshots.mitmproxy.org', durationMs: 247,
      url: 'https://s3-us-west-2.amazonaws.com/snapshots.mitmproxy.org?delimiter=/&prefix=',
      correlationId: '299PK1CFMV40HV7M',
    })
    // CloudFront's request id where the response came through CloudFront; none on the cached images
    expect(rows[0].correlationId).toBe('DPEkuUbeK1ZXMsRuUHqgk6iE4l7ShgyrJntkqIbLaSJ5646Ptc2Xew==')
    expect(rows[1].correlationId).toBeNull()
    expect(detail(0).requestHeaders[0]).toEqual(['Host', 'mitmproxy.org'])
    expect(detail(0).requestHeaders).toHaveLength(17)
  })
})
