// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { buildCurl, shellQuote } from '../../src/renderer/src/lib/curl'
import { isSecretParam, maskJson, maskUrl } from '../../src/renderer/src/lib/secrets'

describe('Copy as cURL', () => {
  it('masks credentials in headers, keeping the auth scheme and cookie names', () => {
    const curl = buildCurl({
      method: 'GET',
      url: 'https://api.example.com/v1/leads/42',
      requestHeaders: [
        ['Host', 'api.example.com'],
        ['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI2NjY2In0.sig'],
        ['Cookie', 'session=abc123; theme=dark'],
        ['X-API-Key', 'k-987'],
        ['Accept', 'application/json'],
        [':authority', 'api.example.com'],
      ],
      requestBody: null,
      requestBodyEncoding: null,
    })
    expect(curl).toBe(
      [
        "curl 'https://api.example.com/v1/leads/42'",
        "-H 'Authorization: Bearer <TOKEN>'",
        "-H 'Cookie: session=<COOKIE>; theme=<COOKIE>'",
        "-H 'X-API-Key: <X_API_KEY>'",
        "-H 'Accept: application/json'",
      ].join(' \\\n  '),
    )
    expect(curl).not.toContain('eyJ')
    expect(curl).not.toContain('abc123')
    expect(curl).not.toContain('k-987')
  })

  it('masks secret query parameters and user info in the URL, keeping the others', () => {
    expect(maskUrl('https://dialer/vicidial/non_agent_api.php?source=test&user=6666&pass=1234&function=version')).toBe(
      'https://dialer/vicidial/non_agent_api.php?source=test&user=6666&pass=<PASS>&function=version',
    )
    expect(maskUrl('https://bob:hunter2@host/x?api_key=abc&access_token=t#frag')).toBe(
      'https://<USER>:<PASSWORD>@host/x?api_key=<API_KEY>&access_token=<ACCESS_TOKEN>#frag',
    )
    expect(maskUrl('https://host/path')).toBe('https://host/path')
  })

  it('masks form and JSON bodies, keeps POST, drops Content-Length and quotes for the shell', () => {
    const form = buildCurl({
      method: 'POST',
      url: 'https://h/api.php',
      requestHeaders: [
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Content-Length', '40'],
        ['Accept-Encoding', 'gzip'],
      ],
      requestBody: "user=6666&pass=s3cret&value=it's",
      requestBodyEncoding: null,
    })
    expect(form).toBe(
      [
        "curl 'https://h/api.php'",
        "-X 'POST'",
        "-H 'Content-Type: application/x-www-form-urlencoded'",
        '--compressed',
        `--data-raw 'user=6666&pass=<PASS>&value=it'\\''s'`,
      ].join(' \\\n  '),
    )
    const json = buildCurl({
      method: 'put',
      url: 'https://h/users',
      requestHeaders: [['content-type', 'application/json']],
      requestBody: '{"name":"Ann","password":"pw","nested":{"client_secret":"cs","id":12345678901234567890}}',
      requestBodyEncoding: null,
    })
    expect(json).toContain("-X 'PUT'")
    expect(json).toContain(`--data-raw '{"name":"Ann","password":"<PASSWORD>","nested":{"client_secret":"<CLIENT_SECRET>","id":12345678901234567890}}'`)
  })

  it('does not inline binary bodies', () => {
    const curl = buildCurl({ method: 'POST', url: 'https://h/u', requestHeaders: [], requestBody: 'AAEC', requestBodyEncoding: 'base64' })
    expect(curl).toContain('--data-binary @request-body.bin')
    expect(curl).not.toContain('AAEC')
  })

  it('recognises secret parameter names but not ordinary ones', () => {
    for (const name of ['pass', 'password', 'PWD', 'token', 'access_token', 'api_key', 'apikey', 'client_secret', 'key', 'private_key', 'signature']) {
      expect(isSecretParam(name), name).toBe(true)
    }
    for (const name of ['user', 'agent_user', 'function', 'source', 'phone_number', 'monkey', 'keyword', 'value']) {
      expect(isSecretParam(name), name).toBe(false)
    }
    expect(maskJson('not json')).toBeNull()
    expect(maskJson('{ "token" : 42, "list": [ {"pin": "1234"} ], "auth": {"user": "u"} }')).toBe(
      '{ "token" : "<TOKEN>", "list": [ {"pin": "<PIN>"} ], "auth": {"user": "u"} }',
    )
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`)
  })
})
