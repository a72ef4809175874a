import { describe, expect, it } from 'vitest'
import { previewRedactionWithKey } from '../../../src/main/redact/preview'
import { redactEntryRecord } from '../../../src/main/redact'
import { createTagger } from '../../../src/main/redact/tag'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import type { EntryDetail } from '../../../src/shared/types'

const KEY = Buffer.from('record-test-key')
const tag = createTagger(KEY)
const redact = (record: EntryRecord) => redactEntryRecord(record, KEY)
const base: EntryRecord = { position: 1, ts: 0, result: 'success', raw: '' }

describe('redactEntryRecord', () => {
  it('replaces a secret found in one field wherever it occurs, in every spelling', () => {
    const token = 'tok/en+Z9=="x'
    const record: EntryRecord = {
      ...base,
      requestHeaders: [['X-Api-Key', token], ['Accept', 'application/json']],
      url: `https://h/p?echo=${encodeURIComponent(token)}`,
      resultReason: `key ${token} was revoked`,
      raw: JSON.stringify({ headers: [{ name: 'X-Api-Key', value: token }], note: JSON.stringify({ k: token }) }).replace(/\//g, '\\/'),
    }
    const out = redact(record)
    const t = tag(token)
    expect(out.requestHeaders).toEqual([['X-Api-Key', t], ['Accept', 'application/json']])
    expect(out.url).toBe(`https://h/p?echo=${t}`)
    expect(out.resultReason).toBe(`key ${t} was revoked`)
    expect(out.raw).not.toContain('en+Z9')
    expect(out.raw).toBe(JSON.stringify({ headers: [{ name: 'X-Api-Key', value: t }], note: JSON.stringify({ k: t }) }))
  })

  it('leaves a record without credentials exactly as it was', () => {
    const record: EntryRecord = {
      ...base, apiUser: 'bob', function: 'GET /a/{id}', url: 'https://h/a/1?page=2&sort=name', statusCode: 200,
      requestHeaders: [['Accept', '*/*'], ['X-Request-Id', 'r-1']], responseBody: '{"items":[{"id":1,"name":"Ada"}]}',
      raw: '{"url":"https://h/a/1?page=2&sort=name","status":200}',
    }
    expect(redact(record)).toEqual(record)
  })

  it('keeps the identity fields as the importer derived them', () => {
    const record: EntryRecord = { ...base, apiUser: 'svc-reports', agentUser: '1001', requestHeaders: [['Authorization', 'Basic c3ZjLXJlcG9ydHM6aHVudGVyMg==']] }
    const out = redact(record)
    expect(out.apiUser).toBe('svc-reports')
    expect(out.agentUser).toBe('1001')
    expect(out.requestHeaders).toEqual([['Authorization', `Basic ${tag('c3ZjLXJlcG9ydHM6aHVudGVyMg==')}`]])
  })

  it('replaces only long secrets in short label fields', () => {
    const long = 'a1b2c3d4e5f6g7h8'
    const record: EntryRecord = { ...base, url: `/v/${long}/x?key=${long}&pin=9876`, path: `/v/${long}/x`, endpoint: '/v/{id}/x', errorCode: '9876' }
    const out = redact(record)
    expect(out.path).toBe(`/v/${tag(long)}/x`)
    expect(out.errorCode).toBe('9876')
    expect(out.url).toBe(`/v/${tag(long)}/x?key=${tag(long)}&pin=${tag('9876')}`)
  })

  it('does not spread short or word-like secrets over unrelated text', () => {
    const record: EntryRecord = { ...base, url: '/agc/api.php?source=test&phone_pass=test&pass=ab', raw: 'source=test phone_pass=test pass=ab tab' }
    const out = redact(record)
    expect(out.url).toBe(`/agc/api.php?source=test&phone_pass=${tag('test')}&pass=${tag('ab')}`)
    expect(out.raw).toBe(`source=test phone_pass=${tag('test')} pass=${tag('ab')} tab`)
  })

  it('redacts inside base64 bodies and replaces their old encoding in the raw record', () => {
    const body = Buffer.from('{"access_token":"AT-123456789"}').toString('base64')
    const record: EntryRecord = { ...base, responseBody: body, responseBodyEncoding: 'base64', raw: `{"content":{"text":"${body}","encoding":"base64"}}` }
    const out = redact(record)
    const expected = Buffer.from(`{"access_token":"${tag('AT-123456789')}"}`).toString('base64')
    expect(out.responseBody).toBe(expected)
    expect(out.raw).toBe(`{"content":{"text":"${expected}","encoding":"base64"}}`)
  })

  it('redacts base64 bodies met only in the raw record (bodies the importer decoded)', () => {
    const body = Buffer.from('{"refresh_token":"RT-987654321"}').toString('base64')
    const record: EntryRecord = { ...base, responseBody: '{"refresh_token":"RT-987654321"}', raw: `{"content":{"mimeType":"application/json","text":"${body}","encoding":"base64"}}` }
    const out = redact(record)
    expect(out.responseBody).toBe(`{"refresh_token":"${tag('RT-987654321')}"}`)
    expect(Buffer.from(JSON.parse(out.raw).content.text, 'base64').toString()).toBe(`{"refresh_token":"${tag('RT-987654321')}"}`)
  })

  it('walks 100 000 levels of JSON nesting without recursion', () => {
    const depth = 100_000
    const body = '{"a":'.repeat(depth) + '{"apiKeys":["AK-deep-0001"],"password":"deep-pw-1"}' + '}'.repeat(depth)
    const out = redact({ ...base, requestBody: body, raw: body })
    expect(out.requestBody).toBe(body.replace('"AK-deep-0001"', `"${tag('AK-deep-0001')}"`).replace('"deep-pw-1"', `"${tag('deep-pw-1')}"`))
    expect(out.raw).toBe(out.requestBody)
  })

  it('is idempotent', () => {
    const record: EntryRecord = {
      ...base, result: 'error', url: 'https://u:pw12@h/?token=abc123&x=1', requestHeaders: [['Cookie', 'a=1; sid=zz9']],
      responseBody: '6666|secretpw|0|0|BAD|', raw: '"6666|secretpw|0|0|BAD|","https://u:pw12@h/?token=abc123&x=1"',
    }
    const once = redact(record)
    expect(redact(once)).toEqual(once)
    expect(once.raw).toBe(`"6666|${tag('secretpw')}|0|0|BAD|","https://u:${tag('pw12')}@h/?token=${tag('abc123')}&x=1"`)
  })
})

describe('previewRedaction', () => {
  it('lists each masked credential per field, shortened', () => {
    const detail = {
      id: 1, sourceId: 1, position: 1, ts: null, apiUser: 'bob', agentUser: null, function: null, result: 'success',
      statusCode: 200, statusText: null, resultReason: null, errorCode: null, method: 'GET', url: 'https://h/?api_key=K-1234567890abcdef',
      host: 'h', path: '/', endpoint: '/', service: null, tenant: null, clientIp: null, durationMs: null, delayMs: null,
      correlationId: null, origin: null, requestHeaders: [['Authorization', 'Bearer s3cr3t-t0k3n'], ['Accept', '*/*']],
      requestBody: null, requestBodyEncoding: null, responseHeaders: [], responseBody: null, responseBodyEncoding: null,
      raw: 'GET https://h/?api_key=K-1234567890abcdef', sourceName: 'x.har',
    } satisfies EntryDetail
    expect(previewRedactionWithKey(detail, KEY)).toEqual([
      { field: 'requestHeaders.Authorization', before: 's3… (12 chars)', after: tag('s3cr3t-t0k3n') },
      { field: 'url', before: 'K-12… (18 chars)', after: tag('K-1234567890abcdef') },
      { field: 'raw', before: 'K-12… (18 chars)', after: tag('K-1234567890abcdef') },
    ])
    const redacted = { ...detail, url: `https://h/?api_key=${tag('K-1234567890abcdef')}`, requestHeaders: [['Authorization', `Bearer ${tag('s3cr3t-t0k3n')}`]] as Array<[string, string]>, raw: '' }
    expect(previewRedactionWithKey(redacted, KEY)).toEqual([])
  })
})
