import { describe, expect, it } from 'vitest'
import { createWallClock, normalizeTimeZone, parseOffset, TimeZoneError } from '../../../src/main/util/time-zone'
import { parseAnyTime, parseClfTime, parseEpoch, parseIsoTime, parseSlashDateTime } from '../../../src/main/importers/parse-time'

const utc = createWallClock('UTC')

describe('time zones', () => {
  it('normalises names and offsets and rejects nonsense with a clear message', () => {
    expect(normalizeTimeZone(undefined)).toBe('UTC')
    expect(normalizeTimeZone('gmt')).toBe('UTC')
    expect(normalizeTimeZone('+0530')).toBe('+05:30')
    expect(normalizeTimeZone('UTC-8')).toBe('-08:00')
    expect(normalizeTimeZone('america/new_york')).toBe('America/New_York')
    expect(() => normalizeTimeZone('Mars/Olympus')).toThrow(TimeZoneError)
    expect(parseOffset('-03:30')).toBe(-210)
  })

  it('converts wall-clock times in a zone to UTC, across DST', () => {
    const ny = createWallClock('America/New_York')
    expect(new Date(ny(Date.UTC(2024, 0, 15, 9, 5))).toISOString()).toBe('2024-01-15T14:05:00.000Z')
    expect(new Date(ny(Date.UTC(2024, 6, 15, 9, 5))).toISOString()).toBe('2024-07-15T13:05:00.000Z')
    expect(new Date(createWallClock('+02:00')(Date.UTC(2024, 0, 1, 0, 0))).toISOString()).toBe('2023-12-31T22:00:00.000Z')
    const berlin = createWallClock('Europe/Berlin')
    expect(new Date(berlin(Date.UTC(2024, 2, 31, 1, 30))).toISOString()).toBe('2024-03-31T00:30:00.000Z')
    expect(new Date(berlin(Date.UTC(2024, 2, 31, 3, 30))).toISOString()).toBe('2024-03-31T01:30:00.000Z')
  })
})

describe('timestamp parsing', () => {
  it('reads ISO and SQL-style times, with and without a zone', () => {
    expect(parseIsoTime('2024-05-01T10:00:00Z', utc)).toBe(Date.UTC(2024, 4, 1, 10))
    expect(parseIsoTime('2024-05-01T10:00:00.123+02:00', utc)).toBe(Date.UTC(2024, 4, 1, 8, 0, 0, 123))
    expect(parseIsoTime('2024-05-01 10:00:00', createWallClock('-05:00'))).toBe(Date.UTC(2024, 4, 1, 15))
    expect(parseIsoTime('2024-05-01 10:00:00.5', utc)).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 500))
    expect(parseIsoTime('2024-05-01T10:00:00.123456789Z', utc)).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123))
    expect(parseIsoTime('2024-05-01', utc)).toBe(Date.UTC(2024, 4, 1))
    expect(parseIsoTime('May 1st', utc)).toBeNull()
  })

  it('reads Common Log Format times', () => {
    expect(parseClfTime('10/Oct/2000:13:55:36 -0700', utc)).toBe(Date.UTC(2000, 9, 10, 20, 55, 36))
    expect(parseClfTime('22/Jan/2019:03:56:14 +0330', utc)).toBe(Date.UTC(2019, 0, 22, 0, 26, 14))
    expect(parseClfTime('10/Foo/2000:13:55:36 -0700', utc)).toBeNull()
  })

  it('tells epoch units apart by magnitude', () => {
    expect(parseEpoch(1714557600)).toBe(1714557600000)
    expect(parseEpoch(1714557600.25)).toBe(1714557600250)
    expect(parseEpoch(1714557600123)).toBe(1714557600123)
    expect(parseEpoch('1714557600123456')).toBe(1714557600123)
    expect(parseEpoch('1714557600123456789')).toBe(1714557600123)
    expect(parseEpoch(-5)).toBeNull()
  })

  it('reads day-first and month-first slash dates', () => {
    expect(parseSlashDateTime('23/02/2023, 14:05:01.000', utc)).toBe(Date.UTC(2023, 1, 23, 14, 5, 1))
    expect(parseSlashDateTime('02/23/2023 2:05:01 PM', utc, true)).toBe(Date.UTC(2023, 1, 23, 14, 5, 1))
    expect(parseSlashDateTime('02/23/2023 12:05 AM', utc, true)).toBe(Date.UTC(2023, 1, 23, 0, 5))
    expect(parseSlashDateTime('31/31/2023 10:00', utc)).toBeNull()
  })

  it('parseAnyTime tries every form', () => {
    expect(parseAnyTime('Tue, 15 Nov 1994 08:12:31 GMT', utc)).toBe(Date.UTC(1994, 10, 15, 8, 12, 31))
    expect(parseAnyTime(1714557600, utc)).toBe(1714557600000)
    expect(parseAnyTime('  ', utc)).toBeNull()
    expect(parseAnyTime({}, utc)).toBeNull()
  })
})
