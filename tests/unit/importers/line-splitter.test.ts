import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LineSplitter } from '../../../src/main/importers/line-splitter'

function split(chunks: string[], max?: number) {
  const lines: Array<[string, number]> = []
  const overlong: Array<[number, number]> = []
  const splitter = new LineSplitter((l, n) => lines.push([l, n]), (n, len) => overlong.push([n, len]), max)
  for (const c of chunks) splitter.push(c)
  splitter.end()
  return { lines, overlong }
}

describe('LineSplitter', () => {
  it('splits LF, CRLF and lone CR, numbering lines from 1', () => {
    expect(split(['a\nb\r\nc\rd']).lines).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4]])
  })

  it('treats a CRLF split across chunks as one break', () => {
    expect(split(['a\r', '\nb\r', '', '\nc']).lines).toEqual([['a', 1], ['b', 2], ['c', 3]])
  })

  it('keeps empty lines and drops nothing at the end', () => {
    expect(split(['\n\nx\n']).lines).toEqual([['', 1], ['', 2], ['x', 3]])
  })

  it('skips over-long lines without buffering them, and reports their line number', () => {
    const { lines, overlong } = split(['ok\n', 'x'.repeat(60), 'y'.repeat(60), '\nnext\n'], 100)
    expect(lines).toEqual([['ok', 1], ['next', 3]])
    expect(overlong).toEqual([[2, 120]])
  })

  it('gives the same lines whatever the chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n', 'é', '😀'), { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (parts, size) => {
        const text = parts.join('')
        const chunks: string[] = []
        for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size))
        const expected = text.split(/\r\n|\r|\n/)
        if (expected[expected.length - 1] === '') expected.pop()
        expect(split(chunks).lines.map(([l]) => l)).toEqual(expected)
      }),
      { numRuns: 300, seed: 1 },
    )
  })
})
