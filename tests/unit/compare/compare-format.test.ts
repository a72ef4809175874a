import { describe, expect, it } from 'vitest'
import { formatCompareMarkdown, mdCell } from '../../../src/main/cli/compare-format'
import { compareSources } from '../../../src/main/compare/compare-sources'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { writeSource } from '../helpers/generated-store'
import { memoryDb } from '../helpers/store'

describe('compare as Markdown', () => {
  it('escapes log text so it cannot break a table or turn into HTML, links or code', () => {
    expect(mdCell('a|b')).toBe('a\\|b')
    expect(mdCell('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>')
    expect(mdCell('[click](https://evil.example) `rm` *x* \\')).toBe('\\[click\\](https://evil.example) \\`rm\\` \\*x\\* \\\\')
    expect(mdCell('line\nbreak\u001b[31m')).toBe('line\\\\nbreak\\\\e\\[31m')
    expect(mdCell('GET /v2/reports/daily/2025-11-18 add_lead')).toBe('GET /v2/reports/daily/2025-11-18 add_lead')
  })

  it('renders a hostile function name on one table row', () => {
    const db = memoryDb()
    const record = (fn: string, result: 'success' | 'error'): EntryRecord => ({ position: 1, ts: 0, function: fn, result, raw: 'x' })
    const hostile = 'POST /x|y\n| injected | row |'
    const a = writeSource(db, [record(hostile, 'success')], 'a.log')
    const b = writeSource(db, [record(hostile, 'error')], 'b|<b>.log')
    const text = formatCompareMarkdown(compareSources(db, { a, b }))
    const row = text.split('\n').filter((l) => l.startsWith('| POST'))
    expect(row).toEqual(['| POST /x\\|y\\\\n\\| injected \\| row \\| | 1 → 0 (-1) | 0 → 1 (+1) |  | 0.0% → 100.0% | 1 |'])
    expect(text).toContain('# Compare A: a.log (source 1) with B: b\\|\\<b\\>.log (source 2)\n')
  })
})
