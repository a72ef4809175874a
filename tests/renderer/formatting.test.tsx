// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { detectBodyKind, prettyForm, prettyJson, prettyXml } from '../../src/renderer/src/features/detail/body-format'
import { queryParams } from '../../src/renderer/src/features/detail/KeyValueTable'
import { plural } from '../../src/renderer/src/lib/format'
import { positionLabel } from '../../src/renderer/src/lib/position'
import {
  formatDuration,
  formatTimestamp,
  fromInputValue,
  toInputValue,
  zoneSuffix,
} from '../../src/renderer/src/lib/time-format'

describe('time formatting', () => {
  it('shows UTC with milliseconds and an explicit zone', () => {
    expect(formatTimestamp('2024-05-01T14:05:12.345Z', 'utc')).toBe('2024-05-01 14:05:12.345 UTC')
    expect(formatTimestamp(null, 'utc')).toBe('')
  })

  it('shows local time with its offset at that instant', () => {
    const iso = '2024-05-01T14:05:12.345Z'
    const text = formatTimestamp(iso, 'local')
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.345 [+-]\d{2}:\d{2}$/)
    expect(text.endsWith(zoneSuffix(new Date(iso), 'local'))).toBe(true)
  })

  it('parses typed times in the display zone, or in the zone the text names', () => {
    expect(fromInputValue('2024-05-01 14:05', 'utc')).toBe('2024-05-01T14:05:00.000Z')
    expect(fromInputValue('2024-05-01T14:05:12.5', 'utc')).toBe('2024-05-01T14:05:12.500Z')
    expect(fromInputValue('2024-05-01', 'utc')).toBe('2024-05-01T00:00:00.000Z')
    expect(fromInputValue('2024-05-01 14:05:12 +02:00', 'local')).toBe('2024-05-01T12:05:12.000Z')
    expect(fromInputValue('2024-05-01 14:05:12Z', 'local')).toBe('2024-05-01T14:05:12.000Z')
    expect(fromInputValue('2024-02-30 10:00', 'utc')).toBeNull()
    expect(fromInputValue('05/01/2024', 'utc')).toBeNull()
    expect(fromInputValue('2024-05-01 25:00', 'utc')).toBeNull()
  })

  it('round-trips input values in both zones', () => {
    for (const mode of ['utc', 'local'] as const) {
      const iso = '2024-11-03T06:30:15.250Z'
      expect(fromInputValue(toInputValue(iso, mode), mode)).toBe(iso)
    }
  })

  it('adds the offset to a local time in the hour repeated when DST ends (New York)', () => {
    vi.stubEnv('TZ', 'America/New_York')
    try {
      const first = '2024-11-03T05:30:00.000Z' // 01:30 EDT
      const second = '2024-11-03T06:30:00.000Z' // 01:30 EST
      expect(toInputValue(first, 'local')).toBe('2024-11-03 01:30:00')
      expect(toInputValue(second, 'local')).toBe('2024-11-03 01:30:00 -05:00')
      expect(fromInputValue(toInputValue(second, 'local'), 'local')).toBe(second)
      expect(formatTimestamp(second, 'local')).toBe('2024-11-03 01:30:00.000 -05:00')
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('formats durations and counts for people', () => {
    expect(formatDuration(53.8)).toBe('53.8 ms')
    expect(formatDuration(1250)).toBe('1.25 s')
    expect(formatDuration(125_000)).toBe('2 min 05 s')
    expect(formatDuration(null)).toBe('')
    expect(plural(1, 'entry', 'entries')).toBe('1 entry')
    expect(plural(1204, 'entry', 'entries')).toBe('1,204 entries')
    expect(plural(0, 'entry', 'entries')).toBe('0 entries')
    expect(positionLabel('vicidial', 12)).toBe('line 12')
    expect(positionLabel('har', 3)).toBe('entry 3')
  })
})

describe('bodies', () => {
  it('detects JSON, XML and form data by content type or content', () => {
    expect(detectBodyKind('{"a":1}')).toBe('json')
    expect(detectBodyKind('{not json', 'application/json')).toBe('text')
    expect(detectBodyKind('<a><b/></a>')).toBe('xml')
    expect(detectBodyKind('user=6666&pass=x&function=version')).toBe('form')
    expect(detectBodyKind('VERSION: 2.14|BUILD: 1|')).toBe('text')
  })

  it('pretty-prints JSON without changing any token (big numbers stay exact)', () => {
    expect(prettyJson('{"id":12345678901234567890,"list":[1,{"a":"x, y"}],"e":{},"f":[]}')).toBe(
      '{\n  "id": 12345678901234567890,\n  "list": [\n    1,\n    {\n      "a": "x, y"\n    }\n  ],\n  "e": {},\n  "f": []\n}',
    )
    expect(prettyJson('nope')).toBeNull()
  })

  it('indents XML and keeps text-only elements on one line', () => {
    expect(prettyXml('<?xml version="1.0"?><r><lead id="4">OK</lead><e/></r>')).toBe(
      '<?xml version="1.0"?>\n<r>\n  <lead id="4">OK</lead>\n  <e/>\n</r>',
    )
  })

  it('shows form data one decoded field per line; query parameters likewise', () => {
    expect(prettyForm('user=6666&phone_number=%2B1%20555&comments=a+b')).toBe(
      'user = 6666\nphone_number = +1 555\ncomments = a b',
    )
    expect(queryParams('https://h/p?a=1&b=%E2%9C%93&flag&a=2#x')).toEqual([
      ['a', '1'],
      ['b', '✓'],
      ['flag', ''],
      ['a', '2'],
    ])
    expect(queryParams('https://h/p')).toEqual([])
  })
})
