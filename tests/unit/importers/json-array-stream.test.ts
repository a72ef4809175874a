import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { streamJsonArray } from '../../../src/main/importers/json-array-stream'

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
}

async function collect(text: string, target: (p: readonly string[]) => boolean, size = 7) {
  const out: unknown[] = []
  const result = await streamJsonArray(chunksOf(text, size), target, (t) => out.push(JSON.parse(t)))
  return { out, result }
}

describe('streamJsonArray', () => {
  it('streams a top-level array', async () => {
    const { out, result } = await collect('[{"a":1},{"b":[1,2,{"c":"]}"}]}, 3, "x"]', (p) => p.length === 0)
    expect(out).toEqual([{ a: 1 }, { b: [1, 2, { c: ']}' }] }, 3, 'x'])
    expect(result).toEqual({ found: true, count: 4, truncated: false })
  })

  it('finds a nested array by key path, skipping decoys', async () => {
    const doc = JSON.stringify({
      log: { version: '1.2', pages: [{ id: 'p' }], comment: 'entries: [fake]', entries: [{ n: 1 }, { n: '\\"}' }] },
      after: [{ no: true }],
    })
    const { out } = await collect(doc, (p) => p.join('.') === 'log.entries', 5)
    expect(out).toEqual([{ n: 1 }, { n: '\\"}' }])
  })

  it('handles escaped quotes and keys split across chunks', async () => {
    const doc = '{"lo\\"g":{"ent\\u0072ies":[{"s":"a\\\\"},{"s":"\\""}]}}'
    const { out } = await collect(doc, (p) => p.join('.') === 'lo"g.entries', 1)
    expect(out).toEqual([{ s: 'a\\' }, { s: '"' }])
  })

  it('reports a truncated document', async () => {
    const { out, result } = await collect('{"entries":[{"a":1},{"a":', (p) => p.join('.') === 'entries')
    expect(out).toEqual([{ a: 1 }])
    expect(result.truncated).toBe(true)
  })

  it('reports when no array matches', async () => {
    const { result } = await collect('{"x":{"y":1}}', (p) => p.join('.') === 'entries')
    expect(result.found).toBe(false)
  })

  it('yields the same elements whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.integer({ min: 1, max: 50 }), async (items, size) => {
        const { out } = await collect(JSON.stringify({ meta: { k: '[' }, entries: items }), (p) => p.join('.') === 'entries', size)
        expect(out).toEqual(items.map((v) => JSON.parse(JSON.stringify(v))))
      }),
      { numRuns: 200, seed: 42 },
    )
  })

  it('does not recurse on deep nesting', async () => {
    const depth = 100_000
    const doc = `[${'['.repeat(depth)}${']'.repeat(depth)}, {"ok":1}]`
    let count = 0
    await streamJsonArray(chunksOf(doc, 4096), (p) => p.length === 0, () => count++)
    expect(count).toBe(2)
  })
})
