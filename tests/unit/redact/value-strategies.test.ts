import { describe, expect, it } from 'vitest'
import { SecretBook } from '../../../src/main/redact/secret-book'
import { createTagger } from '../../../src/main/redact/tag'
import { redactAuthorization, redactCookie, redactNamedValue, redactSetCookie, redactWhole } from '../../../src/main/redact/value-strategies'

const tag = createTagger(Buffer.from('strategy-test-key'))
const mark = () => new SecretBook(tag).mark

const JWT_HEAD = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.'
const JWT_SIG = 'c2lnbmF0dXJlLXh5ei0xMjM'

describe('value strategies', () => {
  it('keeps the scheme of an Authorization value', () => {
    expect(redactAuthorization('Bearer abc123def456', mark())).toBe(`Bearer ${tag('abc123def456')}`)
    expect(redactAuthorization('Basic dXNlcjpodW50ZXIy', mark())).toBe(`Basic ${tag('dXNlcjpodW50ZXIy')}`)
    expect(redactAuthorization('  token  abc123  ', mark())).toBe(`  token  ${tag('abc123')}  `)
    expect(redactAuthorization('opaque-token-without-scheme', mark())).toBe(tag('opaque-token-without-scheme'))
  })

  it('replaces only the signature of a JWT', () => {
    expect(redactAuthorization(`Bearer ${JWT_HEAD}${JWT_SIG}`, mark())).toBe(`Bearer ${JWT_HEAD}${tag(JWT_SIG)}`)
    expect(redactWhole(`${JWT_HEAD}${JWT_SIG}`, mark())).toBe(`${JWT_HEAD}${tag(JWT_SIG)}`)
  })

  it('keeps the non-secret parameters of Digest and AWS4 credentials', () => {
    expect(redactAuthorization('Digest username="bob", realm="r", nonce="n1", response="6629fae49393"', mark())).toBe(
      `Digest username="bob", realm="r", nonce="n1", response="${tag('6629fae49393')}"`,
    )
    const aws = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=5d672d79c15b'
    expect(redactAuthorization(aws, mark())).toBe(
      `AWS4-HMAC-SHA256 Credential=${tag('AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request')}, SignedHeaders=host;x-amz-date, Signature=${tag('5d672d79c15b')}`,
    )
  })

  it('does not mistake base64 padding for parameters', () => {
    expect(redactAuthorization('Basic dXNlcjpwYXM=', mark())).toBe(`Basic ${tag('dXNlcjpwYXM=')}`)
  })

  it('leaves a scheme alone and an already redacted value as it is', () => {
    expect(redactAuthorization('Bearer', mark())).toBe('Bearer')
    const redacted = `Bearer ${tag('x1y2z3')}`
    expect(redactAuthorization(redacted, mark())).toBe(redacted)
  })

  it('keeps cookie names and Set-Cookie attributes', () => {
    expect(redactCookie('theme=dark; sid="s3cr3t"; empty=', mark())).toBe(`theme=${tag('dark')}; sid="${tag('s3cr3t')}"; empty=`)
    expect(redactSetCookie('sid=abc123; Path=/; HttpOnly\nother=xyz789; Secure', mark())).toBe(
      `sid=${tag('abc123')}; Path=/; HttpOnly\nother=${tag('xyz789')}; Secure`,
    )
  })

  it('redacts by name and leaves other names alone', () => {
    expect(redactNamedValue('X-Api-Key', ' AK123 ', mark())).toBe(` ${tag('AK123')} `)
    expect(redactNamedValue('Accept', 'application/json', mark())).toBe('application/json')
    expect(redactNamedValue('password', '****', mark())).toBe('****')
  })

  it('gives the same secret the same tag and different secrets different tags', () => {
    expect(tag('secret-one')).toMatch(/^«redacted:[0-9a-f]{6}»$/)
    expect(tag('secret-one')).toBe(tag('secret-one'))
    expect(tag('secret-one')).not.toBe(tag('secret-two'))
    expect(createTagger(Buffer.from('another store'))('secret-one')).not.toBe(tag('secret-one'))
  })
})
