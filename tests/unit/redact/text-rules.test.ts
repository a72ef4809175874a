import { describe, expect, it } from 'vitest'
import { SecretBook } from '../../../src/main/redact/secret-book'
import { createTagger } from '../../../src/main/redact/tag'
import { redactText, TEXT_RULES } from '../../../src/main/redact/text-rules'

const tag = createTagger(Buffer.from('text-rule-key'))
const ok = { isError: false }
const failed = { isError: true }
const redact = (text: string, ctx = ok) => redactText(text, new SecretBook(tag).mark, ctx)

describe('text rules', () => {
  it('has one description per rule', () => {
    expect(TEXT_RULES.map((r) => r.id)).toEqual([
      'json-member', 'key-value', 'header-line', 'auth-scheme', 'url-userinfo', 'jwt', 'vicidial-login-data', 'vicidial-login-echo',
    ])
    for (const rule of TEXT_RULES) expect(rule.description.length).toBeGreaterThan(20)
  })

  it('redacts credential parameters in URLs, fragments and forms, and nothing else', () => {
    expect(redact('https://h/p?user=bob&password=hunter2&x=1#access_token=AT-99&state=s')).toBe(
      `https://h/p?user=bob&password=${tag('hunter2')}&x=1#access_token=${tag('AT-99')}&state=s`,
    )
    expect(redact('next=https://y/cb?api_key=KEY-123&v=2')).toBe(`next=https://y/cb?api_key=${tag('KEY-123')}&v=2`)
    expect(redact('user[password]=p%40ss&user[name]=a')).toBe(`user[password]=${tag('p%40ss')}&user[name]=a`)
    expect(redact('?page=2&sort=asc&token_type=bearer')).toBe('?page=2&sort=asc&token_type=bearer')
  })

  it('redacts VICIdial pass, phone_pass and agent_pass', () => {
    expect(redact('/agc/api.php?user=6666&pass=1234&phone_pass=test&agent_pass=ag99&function=version')).toBe(
      `/agc/api.php?user=6666&pass=${tag('1234')}&phone_pass=${tag('test')}&agent_pass=${tag('ag99')}&function=version`,
    )
  })

  it('leaves script alone', () => {
    const js = 'this.key=++Qe;a.J[b.key]=b;d.prototype.keys=function(){};i.withCredentials=!0;x.token=e.token'
    expect(redact(js)).toBe(js)
  })

  it('redacts JSON members by key at any depth, also JSON escaped inside strings', () => {
    expect(redact('{"a":{"b":[{"Password":"p\\"w1"}]},"n":"password"}')).toBe(`{"a":{"b":[{"Password":${JSON.stringify(tag('p"w1'))}}]},"n":"password"}`)
    expect(redact('{"pin": 4321, "ok": true}')).toBe(`{"pin": "${tag('4321')}", "ok": true}`)
    expect(redact('{"body":"{\\"client_secret\\":\\"cs-1\\"}"}')).toBe(`{"body":"{\\"client_secret\\":\\"${tag('cs-1')}\\"}"}`)
    expect(redact('{"headers":{"Authorization":"Bearer ab12cd34"}}')).toBe(`{"headers":{"Authorization":"Bearer ${tag('ab12cd34')}"}}`)
    expect(redact('{"key":"logs/2024/01/a.gz","size":12}')).toBe('{"key":"logs/2024/01/a.gz","size":12}')
  })

  it('redacts HAR name/value pairs by the name', () => {
    expect(redact('{"name": "X-Api-Key", "value": "AK-777"}, {"name": "Accept", "value": "*/*"}')).toBe(
      `{"name": "X-Api-Key", "value": "${tag('AK-777')}"}, {"name": "Accept", "value": "*/*"}`,
    )
  })

  it('redacts credential header lines', () => {
    expect(redact('GET / HTTP/1.1\r\nX-Auth-Token: t0k3n\r\nAccept: */*\r\n')).toBe(`GET / HTTP/1.1\r\nX-Auth-Token: ${tag('t0k3n')}\r\nAccept: */*\r\n`)
  })

  it('redacts Bearer and Basic credentials in free text, not English words', () => {
    expect(redact('retry with Bearer abc.def-123 failed')).toBe(`retry with Bearer ${tag('abc.def-123')} failed`)
    expect(redact('header was basic dXNlcjpodW50ZXIy')).toBe(`header was basic ${tag('dXNlcjpodW50ZXIy')}`)
    expect(redact('Basic authentication is required; Bearer tokens expire')).toBe('Basic authentication is required; Bearer tokens expire')
  })

  it('redacts the password in URL user info', () => {
    expect(redact('fetch https://svc:pa55w0rd@host/x')).toBe(`fetch https://svc:${tag('pa55w0rd')}@host/x`)
  })

  it('replaces JWT signatures anywhere and keeps header and payload', () => {
    const head = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.'
    expect(redact(`token ${head}c2lnbmF0dXJlLTEyMzQ end`)).toBe(`token ${head}${tag('c2lnbmF0dXJlLTEyMzQ')} end`)
  })

  it('redacts the clear-text password VICIdial stores on failed logins', () => {
    const row = '"ERROR","Invalid Username/Password","crm","6666|S3cret!|0|0|BAD|","0.003"'
    expect(redact(row, failed)).toBe(`"ERROR","Invalid Username/Password","crm","6666|${tag('S3cret!')}|0|0|BAD|","0.003"`)
    expect(redact('6666|oldpass|0', failed)).toBe(`6666|${tag('oldpass')}|0`)
    expect(redact('6666|oldpass|0', ok)).toBe('6666|oldpass|0')
    expect(redact('"VERSION: 2.14|BUILD: 240307|DATE: 2024|"', failed)).toBe('"VERSION: 2.14|BUILD: 240307|DATE: 2024|"')
    expect(redact('ERROR: Invalid Username/Password: |6666|s3cret|0|0|BAD|')).toBe(
      `ERROR: Invalid Username/Password: |6666|${tag('s3cret')}|0|0|BAD|`,
    )
  })

  it('is idempotent', () => {
    const text = 'https://u:pw1@h/?token=abc123&api_key=k9&x=1 Bearer zz11yy22xx33'
    const once = redact(text)
    expect(redact(once)).toBe(once)
  })

  it('scans long text in linear time', () => {
    const long =
      'password token key Bearer eyJ :// @ | ' +
      ('a'.repeat(100) + '=').repeat(20_000) +
      '"k":"'.repeat(50_000) +
      ('eyJ' + 'x'.repeat(200) + '.').repeat(5_000) +
      ('https://' + 'h'.repeat(300) + ':').repeat(2_000) +
      ('Bearer ' + 'q'.repeat(300) + '«').repeat(2_000)
    const started = Date.now()
    const out = redact(long)
    expect(Date.now() - started).toBeLessThan(5000)
    // only the JWT-shaped runs (eyJ….eyJ….eyJ…) are credentials by shape
    expect(out.replace(/«redacted:[0-9a-f]{6}»/g, '').length).toBeLessThan(long.length)
    expect(out.slice(0, 200_000)).toBe(long.slice(0, 200_000))
  })
})
