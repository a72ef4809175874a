import { describe, expect, it } from 'vitest'
import { harFormatter } from '../../../src/main/export/har-format'
import type { EntryDetail } from '../../../src/shared/types'
import { entry } from './entries'

// Parsed JSON under test, walked freely by the assertions below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

function exportHar(entries: EntryDetail[]): { har: Json; notes: string[] } {
  const formatter = harFormatter({ comment: 'Exported for a test.' })
  const rows = entries.map((e, i) => formatter.row(e, i)).join('')
  const notes = formatter.notes?.() ?? []
  return { har: JSON.parse(formatter.begin() + rows + formatter.end({ rows: entries.length, notes })), notes }
}

/** The checks Chrome DevTools' HAR importer (front_end/models/har/HARFormat.ts) makes, plus HAR 1.2's required fields. */
function expectImportable(har: Json): void {
  const isNumber = (v: unknown) => typeof v === 'number' && !Number.isNaN(Number(v))
  expect(har.log.version).toBe('1.2')
  expect(har.log.creator).toEqual({ name: 'API Log Inspector', version: '0.1.0' })
  expect(Array.isArray(har.log.entries)).toBe(true)
  for (const e of har.log.entries) {
    expect(Number.isNaN(new Date(e.startedDateTime).getTime())).toBe(false)
    expect(isNumber(e.time)).toBe(true)
    for (const key of ['method', 'url', 'httpVersion']) expect(typeof e.request[key]).toBe('string')
    for (const key of ['headersSize', 'bodySize']) expect(isNumber(e.request[key])).toBe(true)
    for (const list of ['headers', 'queryString', 'cookies']) expect(Array.isArray(e.request[list])).toBe(true)
    expect(isNumber(e.response.status)).toBe(true)
    for (const key of ['statusText', 'httpVersion', 'redirectURL']) expect(typeof e.response[key]).toBe('string')
    for (const key of ['headersSize', 'bodySize']) expect(isNumber(e.response[key])).toBe(true)
    expect(isNumber(e.response.content.size)).toBe(true)
    expect(typeof e.response.content.mimeType).toBe('string')
    expect(e.cache).toEqual({})
    for (const key of ['send', 'wait', 'receive']) expect(e.timings[key]).toBeGreaterThanOrEqual(0)
    expect(e.timings.send + e.timings.wait + e.timings.receive).toBe(e.time)
  }
}

describe('HAR export', () => {
  it('writes a HAR 1.2 entry with request, response, bodies and our own fields', () => {
    const { har, notes } = exportHar([
      entry({
        method: 'POST', url: 'https://api.example.com/v1/contacts?page=2&q=a%20b',
        requestHeaders: [['Content-Type', 'application/json'], ['Cookie', 'a=1; b=2']], requestBody: '{"name":"Ada"}',
        responseHeaders: [['Content-Type', 'application/json'], ['Set-Cookie', 's=9; Path=/'], ['Location', '/v1/contacts/7']],
      }),
    ])
    expectImportable(har)
    expect(notes).toEqual([])
    expect(har.log.comment).toBe('Exported for a test.')
    const [e] = har.log.entries
    expect(e.startedDateTime).toBe('2024-05-01T10:00:00.000Z')
    expect(e.time).toBe(12.5)
    expect(e.request).toEqual({
      method: 'POST', url: 'https://api.example.com/v1/contacts?page=2&q=a%20b', httpVersion: '',
      headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'Cookie', value: 'a=1; b=2' }],
      queryString: [{ name: 'page', value: '2' }, { name: 'q', value: 'a b' }],
      cookies: [{ name: 'a', value: '1' }, { name: 'b', value: '2' }],
      headersSize: -1, bodySize: 14, postData: { mimeType: 'application/json', text: '{"name":"Ada"}' },
    })
    expect(e.response.status).toBe(404)
    expect(e.response.statusText).toBe('Not Found')
    expect(e.response.cookies).toEqual([{ name: 's', value: '9' }])
    expect(e.response.redirectURL).toBe('/v1/contacts/7')
    expect(e.response.content).toEqual({ size: 21, mimeType: 'application/json', text: '{"error":"not found"}' })
    expect(e._apiLogInspector).toMatchObject({ apiUser: 'crmsync', agentUser: '1001', function: 'GET /v1/contacts/{id}', result: 'error', tenant: 'acme' })
  })

  it('keeps bodies whole and base64 bodies as base64', () => {
    const big = 'x'.repeat(3_000_000)
    const binary = Buffer.from([0, 1, 2, 250, 251]).toString('base64')
    const { har } = exportHar([entry({ requestBody: big }), entry({ responseBody: binary, responseBodyEncoding: 'base64', responseHeaders: [] })])
    expect(har.log.entries[0].request.postData.text).toBe(big)
    expect(har.log.entries[0].request.bodySize).toBe(3_000_000)
    expect(har.log.entries[1].response.content).toEqual({ size: 5, mimeType: 'x-unknown', text: binary, encoding: 'base64' })
  })

  it('fills what HAR requires but the log lacks, and says so in the file and the notes', () => {
    const { har, notes } = exportHar([entry({ ts: null, url: null, method: null, statusCode: null, durationMs: null }), entry({ ts: null })])
    expectImportable(har)
    const [e] = har.log.entries
    expect(e.startedDateTime).toBe('1970-01-01T00:00:00.000Z')
    expect(e.request.url).toBe('about:blank')
    expect(e.request.method).toBe('')
    expect(e.response.status).toBe(0)
    expect(e.time).toBe(0)
    expect(notes).toEqual([
      '2 entries have no time in the log: startedDateTime is set to 1970-01-01T00:00:00.000Z',
      '1 entry has no URL in the log: request.url is set to about:blank',
    ])
    expect(har.log.comment).toBe(`Exported for a test. ${notes.join(' ')}`)
  })
})
