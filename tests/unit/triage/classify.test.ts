// The error-class table: vendor texts and codes, HTTP statuses, and the text shown for an error.
import { describe, expect, it } from 'vitest'
import { classifyError, errorMessage, messageSignature, type ErrorFacts } from '../../../src/main/triage/classify'
import { ERROR_CLASSES } from '../../../src/main/triage/error-classes'

const facts = (partial: Partial<ErrorFacts>): ErrorFacts => ({ statusCode: null, resultReason: null, errorCode: null, ...partial })

const CASES: Array<[string, Partial<ErrorFacts>, string, string]> = [
  // [name, facts, cause, class id]
  ['VICIdial bad password', { resultReason: 'Invalid Username/Password' }, 'auth', 'vicidial-login'],
  ['VICIdial permission', { resultReason: 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION' }, 'auth', 'vicidial-permission'],
  ['VICIdial add_lead permission', { resultReason: 'add_lead USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE SYSTEM' }, 'auth', 'vicidial-permission'],
  ['VICIdial source', { resultReason: 'Invalid Source' }, 'bad_params', 'vicidial-source'],
  ['VICIdial lead not found', { resultReason: 'lead_all_info LEAD NOT FOUND' }, 'not_found', 'vicidial-not-found'],
  ['VICIdial no matches', { resultReason: 'update_lead NO MATCHES FOUND IN THE SYSTEM' }, 'not_found', 'vicidial-not-found'],
  ['VICIdial phone', { resultReason: 'add_lead INVALID PHONE NUMBER LENGTH' }, 'bad_params', 'vicidial-data'],
  ['VICIdial agent session', { resultReason: 'agent_user is not logged in' }, 'not_found', 'vicidial-agent-session'],
  ['Workato 4011 code', { statusCode: 401, errorCode: '4011' }, 'auth', 'workato-unrecognized-token'],
  ['Workato unrecognized token text', { statusCode: 401, resultReason: 'Unrecognized token' }, 'auth', 'workato-unrecognized-token'],
  ['Workato 4012', { statusCode: 401, errorCode: '4012', resultReason: 'Missing token' }, 'auth', 'workato-missing-token'],
  ['Workato recipe inactive', { statusCode: 404, resultReason: 'Recipe is inactive' }, 'server_error', 'workato-recipe-inactive'],
  ['Salesforce session in body', { statusCode: 401, body: '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]' }, 'auth', 'salesforce-session'],
  ['Salesforce required field', { statusCode: 400, body: '[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING","fields":["LastName"]}]' }, 'bad_params', 'salesforce-params'],
  ['Salesforce limit code', { statusCode: 403, errorCode: 'REQUEST_LIMIT_EXCEEDED' }, 'rate_limited', 'salesforce-limit'],
  ['Salesforce deleted', { statusCode: 404, body: '[{"errorCode":"ENTITY_IS_DELETED","message":"entity is deleted"}]' }, 'not_found', 'salesforce-not-found'],
  ['QuickBooks auth fault', { statusCode: 401, body: '{"Fault":{"Error":[{"Message":"message=AuthenticationFailed; errorCode=003200; statusCode=401","code":"3200"}],"type":"AuthenticationFault"}}' }, 'auth', 'quickbooks-auth'],
  ['QuickBooks validation fault', { statusCode: 400, body: '{"Fault":{"Error":[{"Message":"Stale Object Error","Detail":"Stale Object Error : You and root were working on this at the same time.","code":"5010"}],"type":"ValidationFault"}}' }, 'bad_params', 'quickbooks-validation'],
  ['Xero validation', { statusCode: 400, body: '{"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred","Elements":[{"ValidationErrors":[{"Message":"Email address must be valid."}]}]}' }, 'bad_params', 'xero-validation'],
  ['Xero empty ValidationErrors is not a validation error', { statusCode: 500, body: '{"Invoices":[{"ValidationErrors":[]}]}' }, 'server_error', 'http-server'],
  ['HTTP 401', { statusCode: 401 }, 'auth', 'http-auth'],
  ['HTTP 403', { statusCode: 403 }, 'auth', 'http-forbidden'],
  ['HTTP 400', { statusCode: 400 }, 'bad_params', 'http-client'],
  ['HTTP 422', { statusCode: 422 }, 'bad_params', 'http-client'],
  ['HTTP 404', { statusCode: 404 }, 'not_found', 'http-not-found'],
  ['HTTP 429', { statusCode: 429 }, 'rate_limited', 'http-rate-limit'],
  ['HTTP 500', { statusCode: 500 }, 'server_error', 'http-server'],
  ['HTTP 503', { statusCode: 503, resultReason: 'Service Unavailable' }, 'server_error', 'http-server'],
  ['no response', { statusCode: 0 }, 'other', 'no-response'],
  ['network text without status', { resultReason: 'connect ETIMEDOUT 10.0.0.5:443' }, 'other', 'text-network'],
  ['a 500 whose body says invalid stays a server error', { statusCode: 500, body: 'Invalid state in handler' }, 'server_error', 'http-server'],
  ['unknown', { resultReason: 'something odd' }, 'other', 'unrecognised'],
]

describe('classifyError', () => {
  for (const [name, partial, cause, classId] of CASES) {
    it(name, () => {
      expect(classifyError(facts(partial))).toMatchObject({ cause, classId })
    })
  }

  it('gives every class a distinct id, a cause and a fix hint', () => {
    const ids = ERROR_CLASSES.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const c of ERROR_CLASSES) expect(c.hint.length).toBeGreaterThan(10)
  })

  it('reads only the first 64 KB of a body', () => {
    const body = `${'x'.repeat(70 * 1024)} INVALID_SESSION_ID`
    expect(classifyError(facts({ statusCode: 400, body })).classId).toBe('http-client')
  })

  it('matches a Workato gateway code only in the code field, not numbers in a body', () => {
    expect(classifyError(facts({ statusCode: 400, body: '{"id": 4011}' })).classId).toBe('http-client')
  })
})

describe('errorMessage and messageSignature', () => {
  it('prefers the reason, adds the code, falls back to the body message and then the status', () => {
    expect(errorMessage(facts({ resultReason: 'Unrecognized token', errorCode: '4011' }))).toBe('Unrecognized token [4011]')
    expect(errorMessage(facts({ statusCode: 422, body: '{"message":"phone must have 10 digits"}' }))).toBe('phone must have 10 digits')
    expect(errorMessage(facts({ statusCode: 503, statusText: 'Service Unavailable' }))).toBe('HTTP 503 Service Unavailable')
    expect(errorMessage(facts({ statusCode: 0 }))).toBe('No response')
    expect(errorMessage(facts({ errorCode: 'E42' }))).toBe('error E42')
  })

  it('groups texts that differ only in numbers and ids', () => {
    expect(messageSignature('LEAD NOT FOUND 12345')).toBe(messageSignature('lead not found 99'))
    expect(messageSignature('order 0b9c3d2e-1111-2222-3333-444455556666 missing')).toBe('order # missing')
    expect(messageSignature('Invalid Username/Password')).not.toBe(messageSignature('Invalid Source'))
  })
})
