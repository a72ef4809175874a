import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvFormatter } from '../../../src/main/export/csv-format'
import { createRecordRedactor } from '../../../src/main/redact'
import type { EntryDetail } from '../../../src/shared/types'
import { entry } from './entries'

const HEADER =
  'Date,Type,Code,Status,Gateway code,Status details,IP,Timing,Delay,API collection,Endpoint,Client,Job details,' +
  'API User,Agent User,Function,Result,Method,URL,Correlation ID\r\n'
const FORMULA_START = ['=', '+', '-', '@', '\t', '\r', '\n', '\0']
const NUMERIC = new Set(['Code', 'Timing', 'Delay'])
const redact = createRecordRedactor(Buffer.from('csv-test-key'))

function exportCsv(entries: EntryDetail[], bom = false): string {
  const formatter = csvFormatter({ bom })
  return formatter.begin() + entries.map((e, i) => formatter.row(redact(e), i)).join('') + formatter.end({ rows: entries.length, notes: [] })
}

describe('CSV export', () => {
  it('writes the Workato columns, then ours, one CRLF-terminated row per entry', () => {
    expect(exportCsv([entry()])).toBe(
      HEADER +
        '2024-05-01T10:00:00.000Z,Error,404,Not Found,E404,contact not found,10.0.0.1,12.5,3,crm,/v1/contacts/{id},crmsync,req-1,' +
        'crmsync,1001,GET /v1/contacts/{id},error,GET,https://api.example.com/v1/contacts/42,req-1\r\n',
    )
  })

  it('starts with a UTF-8 byte-order mark only when asked', () => {
    expect(exportCsv([], true)).toBe(`\uFEFF${HEADER}`)
    expect(exportCsv([])).toBe(HEADER)
  })

  it('quotes as RFC 4180 says: commas, quotes, line breaks', () => {
    const text = exportCsv([entry({ resultReason: 'bad "name", line 1\r\nline 2', apiUser: null, agentUser: '' })])
    const line = text.split('\r\n').slice(1).join('\r\n')
    expect(line).toContain(',"bad ""name"", line 1\r\nline 2",')
    const [, row] = parse(text, { relax_column_count: false }) as string[][]
    expect(row[5]).toBe('bad "name", line 1\r\nline 2')
    expect(row[11]).toBe('')
  })

  it('neutralises cells a spreadsheet would run as a formula, keeping numbers signed', () => {
    const [, row] = parse(exportCsv([entry({ resultReason: '=HYPERLINK("http://x")', function: '@SUM(A1)', durationMs: -1.5, delayMs: -2 })])) as string[][]
    expect(row[5]).toBe(`'=HYPERLINK("http://x")`)
    expect(row[15]).toBe(`'@SUM(A1)`)
    expect(row[7]).toBe('-1.5')
    expect(row[8]).toBe('-2')
  })

  it('never lets a text cell start with a formula character (property)', () => {
    const text = fc.string({ unit: 'grapheme-composite', maxLength: 40 })
    const formulaText = fc.tuple(fc.constantFrom(...FORMULA_START), text).map(([c, rest]) => c + rest)
    const cell = fc.option(fc.oneof(text, formulaText), { nil: null })
    const num = fc.option(fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { nil: null })
    const arbitraryEntry = fc.record({
      resultReason: cell, statusText: cell, errorCode: cell, clientIp: cell, service: cell, endpoint: cell, apiUser: cell,
      agentUser: cell, function: cell, method: cell, url: cell, correlationId: cell, statusCode: fc.option(fc.integer({ min: -999, max: 999 }), { nil: null }),
      durationMs: num, delayMs: num,
    })
    fc.assert(
      fc.property(arbitraryEntry, (fields) => {
        const source = entry(fields)
        const [header, row] = parse(exportCsv([source]), { relax_quotes: false }) as string[][]
        header.forEach((title, i) => {
          const value = row[i]
          if (NUMERIC.has(title)) {
            const number = CSV_COLUMNS[i].value(source) as number | null
            expect(value).toBe(number === null || !Number.isFinite(number) ? '' : String(number))
          } else {
            expect(FORMULA_START.includes(value[0] ?? '')).toBe(false)
          }
        })
      }),
      { numRuns: 300 },
    )
  })
})
