import { describe, expect, it } from 'vitest'
import { identityFromAuthorization, identityFromHeaders, jwtSubject } from '../../../src/main/importers/identity'
import { functionName, parseQuery, pathTemplate, resultFromStatus, splitUrl } from '../../../src/main/importers/normalize'

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
const jwt = (claims: object) => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}.c2lnbmF0dXJl`

describe('normalize', () => {
  it('derives results from statuses', () => {
    expect([200, 304, 399, 400, 404, 500, 0, null].map(resultFromStatus)).toEqual([
      'success', 'success', 'success', 'error', 'error', 'error', 'error', 'error',
    ])
  })

  it('splits absolute and relative URLs without throwing', () => {
    expect(splitUrl('https://user:pw@api.example.com:8443/v1/x?a=1#f')).toEqual({ host: 'api.example.com:8443', path: '/v1/x', query: 'a=1' })
    expect(splitUrl('/v1/x?a=1')).toEqual({ host: null, path: '/v1/x', query: 'a=1' })
    expect(splitUrl('http://[::1')).toEqual({ host: '[::1', path: '/', query: null })
  })

  it('collapses identifiers into a path template', () => {
    expect(pathTemplate('/contacts/42')).toBe('/contacts/{id}')
    expect(pathTemplate('/contacts/42/notes/9f1c2b3a-1111-2222-3333-444455556666')).toBe('/contacts/{id}/notes/{id}')
    expect(pathTemplate('/users/netflix')).toBe('/users/netflix')
    expect(pathTemplate('/orders/ORD-2024-0001?x=1')).toBe('/orders/{id}')
    expect(pathTemplate('/blobs/5f2b8c9d0e1a2b3c4d5e6f70')).toBe('/blobs/{id}')
    expect(pathTemplate('/v2/api/search')).toBe('/v2/api/search')
    expect(functionName('put', '/contacts/{id}')).toBe('PUT /contacts/{id}')
  })

  it('parses query strings with + as space and bad escapes kept', () => {
    expect(parseQuery('a=1&b=x+y&c=%E2%9C%93&d=%ZZ&e')).toEqual([['a', '1'], ['b', 'x y'], ['c', '✓'], ['d', '%ZZ'], ['e', '']])
  })
})

describe('identity', () => {
  it('reads the Basic user and never the password', () => {
    expect(identityFromAuthorization(`Basic ${Buffer.from('crmsync:s3cret').toString('base64')}`)).toBe('crmsync')
  })

  it('reads the subject of a bearer JWT', () => {
    expect(identityFromAuthorization(`Bearer ${jwt({ sub: 'svc-import', exp: 1 })}`)).toBe('svc-import')
    expect(jwtSubject(jwt({ client_id: 'app-7' }))).toBe('app-7')
    expect(jwtSubject('not.a.jwt!')).toBeNull()
    expect(identityFromAuthorization('Bearer opaque-token-123')).toBeNull()
  })

  it('looks at Authorization first, then API-key headers carrying a JWT', () => {
    expect(identityFromHeaders([['x-api-key', jwt({ sub: 'k' })], ['Authorization', `Bearer ${jwt({ sub: 'a' })}`]])).toBe('a')
    expect(identityFromHeaders([['X-Api-Key', jwt({ sub: 'k' })]])).toBe('k')
    expect(identityFromHeaders([['Cookie', 'sid=1']])).toBeNull()
  })
})
