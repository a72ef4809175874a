// What changed between the last success and the first failure; credentials only as "changed".
import { describe, expect, it } from 'vitest'
import { diffRequests } from '../../../src/main/triage/diff'
import type { EntryDetail } from '../../../src/shared/types'

function detail(partial: Partial<EntryDetail>): EntryDetail {
  return {
    id: 1, sourceId: 1, position: 1, ts: '2024-05-01T10:00:00.000Z', apiUser: 'crmsync', agentUser: null, function: 'POST /v1/leads',
    result: 'success', statusCode: 200, statusText: null, resultReason: null, errorCode: null, method: 'POST',
    url: 'https://api.example.com/v1/leads', host: null, path: null, endpoint: null, service: null, tenant: null, clientIp: '10.0.0.1',
    durationMs: null, delayMs: null, correlationId: null, origin: null, requestHeaders: [], requestBody: null,
    requestBodyEncoding: null, responseHeaders: [], responseBody: null, responseBodyEncoding: null, raw: '', sourceName: 'x',
    ...partial,
  }
}

describe('diffRequests', () => {
  it('lists URL, query, header, JSON body and status changes; hides credentials', () => {
    const before = detail({
      url: 'https://user:secretpw@api.example.com/v1/leads?list=5&api_key=AAA111',
      requestHeaders: [['Authorization', 'Bearer old-token'], ['Content-Type', 'application/json'], ['X-Request-Id', 'r1'], ['User-Agent', 'crm/1.0']],
      requestBody: '{"lead":{"phone":"5550100","tags":["a"]},"password":"hunter2"}',
    })
    const after = detail({
      url: 'https://api.example.com/v2/leads?list=5&api_key=BBB222',
      requestHeaders: [['authorization', 'Bearer new-token'], ['Content-Type', 'application/json'], ['X-Request-Id', 'r2'], ['User-Agent', 'crm/2.0']],
      requestBody: '{"lead":{"phone":"555","tags":["a","b"]},"password":"hunter3"}',
      statusCode: 422, clientIp: '10.0.0.9',
    })
    expect(diffRequests(before, after)).toEqual([
      { field: 'url', before: 'https://api.example.com/v1/leads', after: 'https://api.example.com/v2/leads', secret: false, variesNormally: false },
      { field: 'query.api_key', before: '[hidden]', after: '[hidden, changed]', secret: true, variesNormally: false },
      { field: 'header.authorization', before: '[hidden]', after: '[hidden, changed]', secret: true, variesNormally: false },
      { field: 'header.user-agent', before: 'crm/1.0', after: 'crm/2.0', secret: false, variesNormally: false },
      { field: 'body.lead.phone', before: '5550100', after: '555', secret: false, variesNormally: false },
      { field: 'body.password', before: '[hidden]', after: '[hidden, changed]', secret: true, variesNormally: false },
      { field: 'clientIp', before: '10.0.0.1', after: '10.0.0.9', secret: false, variesNormally: false },
      { field: 'statusCode', before: '200', after: '422', secret: false, variesNormally: false },
      { field: 'body.lead.tags[1]', before: null, after: 'b', secret: false, variesNormally: false },
    ])
    const text = JSON.stringify(diffRequests(before, after))
    for (const secret of ['secretpw', 'AAA111', 'BBB222', 'old-token', 'new-token', 'hunter2', 'hunter3']) expect(text).not.toContain(secret)
  })

  it('says a credential was added or removed without showing it', () => {
    const before = detail({ requestHeaders: [['Cookie', 'sid=abc']] })
    const after = detail({ requestHeaders: [['X-Api-Key', 'k-123']] })
    expect(diffRequests(before, after)).toEqual([
      { field: 'header.cookie', before: '[hidden]', after: null, secret: true, variesNormally: false },
      { field: 'header.x-api-key', before: null, after: '[hidden]', secret: true, variesNormally: false },
    ])
  })

  it('compares form bodies by field and other text bodies as a whole; identical requests have no changes', () => {
    const form = (phone: string) => detail({ requestHeaders: [['Content-Type', 'application/x-www-form-urlencoded']], requestBody: `user=crm&pass=x${phone}&phone=${phone}` })
    expect(diffRequests(form('1'), form('2'))).toEqual([
      { field: 'body.pass', before: '[hidden]', after: '[hidden, changed]', secret: true, variesNormally: false },
      { field: 'body.phone', before: '1', after: '2', secret: false, variesNormally: false },
    ])
    expect(diffRequests(detail({ requestBody: '<a>1</a>' }), detail({ requestBody: '<a>2</a>' }))).toEqual([
      { field: 'body', before: '<a>1</a>', after: '<a>2</a>', secret: false, variesNormally: false },
    ])
    expect(diffRequests(detail({}), detail({ id: 2, ts: '2024-05-01T10:05:00.000Z' }))).toEqual([])
  })

  it('marks fields that also differ between two successes (ids, not causes)', () => {
    const request = (lead: string, status = 200) => detail({ url: `https://api.example.com/v1/leads?lead_id=${lead}&list=5`, statusCode: status })
    expect(diffRequests(request('11'), request('13', 401), request('10'))).toEqual([
      { field: 'query.lead_id', before: '11', after: '13', secret: false, variesNormally: true },
      { field: 'statusCode', before: '200', after: '401', secret: false, variesNormally: false },
    ])
  })

  it('does not parse huge or base64 bodies', () => {
    const big = detail({ requestBody: `{"a":"${'x'.repeat(70 * 1024)}"}` })
    const bin = detail({ requestBody: 'AAAA', requestBodyEncoding: 'base64' })
    expect(diffRequests(big, bin)).toEqual([{ field: 'body', before: `${70 * 1024 + 8} characters`, after: '4 characters (base64)', secret: false, variesNormally: false }])
  })
})
