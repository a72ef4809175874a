import { describe, expect, it } from 'vitest'
import { classifyJsonKey, classifyName, isPlaceholder, isSecretName, nameWords } from '../../../src/main/redact/names'

describe('credential names', () => {
  it('splits names into words', () => {
    expect(nameWords('x-Api-Key')).toEqual(['x', 'api', 'key'])
    expect(nameWords('accessToken')).toEqual(['access', 'token'])
    expect(nameWords('APIKey')).toEqual(['api', 'key'])
    expect(nameWords('X-Hub-Signature-256')).toEqual(['x', 'hub', 'signature'])
  })

  it.each([
    'password', 'Password', 'user_password', 'passwordConfirmation', 'pwd', 'passwd', 'pass', 'phone_pass',
    'agent_pass', 'access_token', 'refresh_token', 'id_token', 'token', 'client_secret', 'secret', 'api_key',
    'apiKey', 'apikey', 'key', 'x-api-key', 'session', 'session_id', 'sessionId', 'JSESSIONID', 'PHPSESSID',
    'signature', 'sig', 'X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token', 'auth', 'otp',
    'private_key', 'passphrase', 'x-auth-token', 'csrf_token', 'withCredentials',
  ])('%s is a credential name', (name) => {
    expect(isSecretName(name)).toBe(true)
  })

  it.each([
    'user', 'username', 'token_type', 'expires_in', 'bypass', 'keyword', 'monkey', 'idempotency_key',
    'Idempotency-Key', 'sort_key', 'next_token', 'page_token', 'routeKey', 'public_key', 'session_timeout',
    'authuser', 'auth_type', 'Sec-WebSocket-Key', 'x-slack-shared-secret-outcome', 'keyId', 'passenger',
    'x-request-id', 'content-type', '',
  ])('%s is not a credential name', (name) => {
    expect(isSecretName(name)).toBe(false)
  })

  it('gives header-style names their own strategy', () => {
    expect(classifyName('Authorization')).toBe('authorization')
    expect(classifyName('proxy-authorization')).toBe('authorization')
    expect(classifyName('Cookie')).toBe('cookie')
    expect(classifyName('Set-Cookie')).toBe('set-cookie')
    expect(classifyName('X-Api-Key')).toBe('whole')
    expect(classifyName('Ocp-Apim-Subscription-Key')).toBe('whole')
    expect(classifyName('X-Shopify-Hmac-Sha256')).toBe('whole')
    expect(classifyName('Accept')).toBeNull()
  })

  it('treats bare key / sig as credentials only outside JSON keys', () => {
    expect(classifyName('key')).toBe('whole')
    expect(classifyJsonKey('key')).toBeNull()
    expect(classifyJsonKey('Key')).toBeNull()
    expect(classifyJsonKey('api_key')).toBe('whole')
  })

  it('knows placeholders that are never secrets', () => {
    for (const v of ['', '  ', 'null', 'true', 'FALSE', '0', '1', '-', '****', 'XXXX', '[REDACTED]', '!!', '{}']) {
      expect(isPlaceholder(v), v).toBe(true)
    }
    for (const v of ['hunter2', 'x1', '1234', 'abc']) expect(isPlaceholder(v), v).toBe(false)
  })
})
