// The access-log fast paths agree with the shared helpers they stand in for.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ClfTimeReader } from '../../../src/main/importers/access-log/clf-time'
import {
  endpointOf, firstForwarded, splitRequest, stripPort,
} from '../../../src/main/importers/access-log/entry'
import { pathTemplate } from '../../../src/main/importers/normalize'
import { parseClfTime } from '../../../src/main/importers/parse-time'

const SEGMENTS = [
  '', 'users', '42', 'u_123456', 'ORD-2024-0001', '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  'abcdefab-abcd-abcd-abcd-abcdefabcdef', 'deadbeefcafe1234', 'logstash-monitorama-2013', '%31%32',
  '%E2%82%AC', '%zz', 'v2', '1.5', 'a'.repeat(36), 'x9y8z7w6v5u4t3s2r1q0p', 'index.html', '-1', '+7',
]

describe('endpointOf', () => {
  it('gives what pathTemplate gives', () => {
    const text = fc.string({ maxLength: 40 }).map((s) => s.replace(/[/?#]/g, ''))
    const segment = fc.oneof(fc.constantFrom(...SEGMENTS), text)
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const path = `/${segments.join('/')}`
        expect(endpointOf(path)).toBe(pathTemplate(path))
      }),
      { numRuns: 3000 },
    )
  })

  it('replaces ids and keeps the rest', () => {
    expect(endpointOf('/v1/orders/12345/items/3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toBe(
      '/v1/orders/{id}/items/{id}',
    )
    expect(endpointOf('/static/app.js')).toBe('/static/app.js')
  })
})

describe('ClfTimeReader', () => {
  it('reads in place what parseClfTime reads', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
    const reader = new ClfTimeReader((ms) => ms + 1) // a wall clock that shows when it is used
    const pad = (n: number) => String(n).padStart(2, '0')
    fc.assert(
      fc.property(
        fc.record({
          day: fc.integer({ min: 0, max: 32 }), month: fc.integer({ min: 0, max: 11 }),
          year: fc.integer({ min: 1990, max: 2040 }), h: fc.integer({ min: 0, max: 25 }),
          m: fc.integer({ min: 0, max: 61 }), s: fc.integer({ min: 0, max: 60 }),
          zone: fc.constantFrom('+0000', '-0700', '+0530', '+0330', '-0000', ''),
        }),
        ({ day, month, year, h, m, s, zone }) => {
          const clock = `${pad(h)}:${pad(m)}:${pad(s)}`
          const time = `${pad(day)}/${months[month]}/${year}:${clock}${zone ? ` ${zone}` : ''}`
          const line = `1.2.3.4 - - [${time}] "GET / HTTP/1.1" 200 1`
          // with a zone the fast path reads it and refuses impossible fields; without, parseClfTime decides
          const isImpossible = zone !== '' && (h > 23 || m > 59 || day < 1 || day > 31)
          const expected = isImpossible ? null : parseClfTime(time, (ms) => ms + 1)
          expect(reader.readAt(line, 13, 13 + time.length)).toBe(expected)
        },
      ),
      { numRuns: 3000 },
    )
  })
})

describe('request and address helpers', () => {
  it('splits request lines', () => {
    expect(splitRequest('GET /a?b=1 HTTP/1.1')).toEqual({ method: 'GET', target: '/a?b=1' })
    expect(splitRequest('GET /a b HTTP/1.0')).toEqual({ method: 'GET', target: '/a b' })
    expect(splitRequest('GET /legacy')).toEqual({ method: 'GET', target: '/legacy' })
    expect(splitRequest('M-SEARCH * HTTP/1.1')).toEqual({ method: 'M-SEARCH', target: '*' })
    expect(splitRequest('-')).toEqual({ method: null, target: null })
    expect(splitRequest('\\x16\\x03\\x01 x')).toEqual({ method: null, target: null })
  })

  it('keeps ports off and reads X-Forwarded-For', () => {
    expect(stripPort('1.2.3.4:5678')).toBe('1.2.3.4')
    expect(stripPort('[2001:db8::1]:443')).toBe('2001:db8::1')
    expect(stripPort('2001:db8::1')).toBe('2001:db8::1')
    expect(firstForwarded('unknown, 198.51.100.3:1234, 10.0.0.1')).toBe('198.51.100.3')
    expect(firstForwarded('-')).toBeNull()
  })
})
