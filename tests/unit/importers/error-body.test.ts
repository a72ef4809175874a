import { describe, expect, it } from 'vitest'
import { errorFromBody, MAX_ERROR_BODY_LENGTH } from '../../../src/main/importers/error-body'

describe('errorFromBody', () => {
  it('reads the message and code fields APIs use', () => {
    expect(errorFromBody('{"message":"Not Found","documentation_url":"https://docs.github.com"}')).toEqual({
      reason: 'Not Found',
      code: null,
    })
    expect(errorFromBody('{"errorCode":"E42","title":"Bad","detail":"Field x is required"}')).toEqual({
      reason: 'Field x is required',
      code: 'E42',
    })
    expect(errorFromBody('{"error":{"code":"RATE_LIMIT","message":"Too many\\n  requests"}}')).toEqual({
      reason: 'Too many requests',
      code: 'RATE_LIMIT',
    })
    expect(errorFromBody('{"errors":[{"message":"Field \'x\' missing"}]}')).toEqual({
      reason: "Field 'x' missing",
      code: null,
    })
    const oauth = '{"error":"invalid_client","error_description":"Client authentication failed"}'
    expect(errorFromBody(oauth)).toEqual({
      reason: 'Client authentication failed',
      code: 'invalid_client',
    })
    expect(errorFromBody('  {"error":"boom","code":500}')).toEqual({ reason: 'boom', code: '500' })
  })

  it('returns nothing for non-JSON, non-object and oversized bodies', () => {
    const none = { reason: null, code: null }
    expect(errorFromBody('<html>502</html>')).toEqual(none)
    expect(errorFromBody('["message"]')).toEqual(none)
    expect(errorFromBody('{"message": ')).toEqual(none)
    expect(errorFromBody(null)).toEqual(none)
    expect(errorFromBody(`{"message":"${'x'.repeat(MAX_ERROR_BODY_LENGTH)}"}`)).toEqual(none)
    expect(errorFromBody('{"message":"   ","code":true}')).toEqual(none)
  })
})
