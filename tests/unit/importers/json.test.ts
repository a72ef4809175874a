import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../src/main/importers/index'
import { jsonImporter } from '../../../src/main/importers/json'
import { ImportRejected, type EntrySink } from '../../../src/main/importers/types'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { createWallClock } from '../../../src/main/util/time-zone'
import { importIntoMemory, tempDir } from '../helpers/store'

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
}

async function parse(text: string, chunkSize = 1 << 16) {
  const entries: EntryRecord[] = []
  const errors: Array<[number, string]> = []
  const skipped: number[] = []
  const sink: EntrySink = {
    add: (e) => entries.push(e),
    error: (p, m) => errors.push([p, m]),
    skip: (p) => skipped.push(p),
    setMapping: () => {},
  }
  const context = { fileName: 'x.json', timeZone: 'UTC', wall: createWallClock('UTC'), sink }
  await jsonImporter.parse(chunksOf(text, chunkSize), context)
  return { entries, errors, skipped }
}

const A = '{"timestamp":"2024-05-01T10:00:00Z","method":"GET","url":"/a","status":200}'
const B = '{"timestamp":"2024-05-01T10:00:01Z","method":"DELETE","url":"/b/7","status":403,"user":"u2"}'
const MATCH = { kind: 'match', confidence: 0.9 }

describe('json parsing', () => {
  it('streams a top-level array with element indexes and raw element text', async () => {
    const { entries, errors } = await parse(`[\n  ${A},\n  ${B}\n]\n`)
    expect(errors).toEqual([])
    expect(entries.map((e) => [e.position, e.function, e.statusCode, e.result, e.apiUser])).toEqual([
      [1, 'GET /a', 200, 'success', null],
      [2, 'DELETE /b/{id}', 403, 'error', 'u2'],
    ])
    expect(entries.map((e) => e.raw)).toEqual([A, B])
  })

  it.each(['records', 'Records', 'logs', 'data', 'items', 'results', 'events', 'flows', 'entries', 'value'])(
    'finds the records under "%s"',
    async (key) => {
      const { entries } = await parse(`{"meta":{"tags":["x"]},"count":2,"${key}":[${A},${B}],"next":null}`)
      expect(entries.map((e) => e.position)).toEqual([1, 2])
    },
  )

  it('reads Elasticsearch hits from _source', async () => {
    const doc = JSON.stringify({
      took: 3,
      hits: {
        total: { value: 2 },
        hits: [
          { _index: 'i', _id: '1', _source: JSON.parse(A) },
          { _index: 'i', _id: '2', _source: JSON.parse(B) },
        ],
      },
    })
    const { entries } = await parse(doc, 5)
    expect(entries.map((e) => [e.position, e.method, e.apiUser])).toEqual([
      [1, 'GET', null],
      [2, 'DELETE', 'u2'],
    ])
  })

  it('reads a document that is one record', async () => {
    const pretty = JSON.stringify(JSON.parse(B), null, 2)
    const { entries } = await parse(`\n${pretty}\n`, 7)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ position: 1, method: 'DELETE', statusCode: 403, raw: pretty })
  })

  it('reports a malformed element and a non-object element by index and goes on', async () => {
    const doc = `[${A}, {"method": "GET", "status": tru}, 42, {"event":"ping"}, ${B}]`
    const { entries, errors, skipped } = await parse(doc)
    expect(entries.map((e) => e.position)).toEqual([1, 5])
    expect(errors.map(([p]) => p)).toEqual([2, 3])
    expect(errors[0][1]).toMatch(/^element 2 is not valid JSON: /)
    expect(errors[1][1]).toBe('element 3 is not a JSON object')
    expect(skipped).toEqual([4])
  })

  it('keeps the elements of a truncated document and reports where it stops', async () => {
    const { entries, errors } = await parse(`{"records":[${A},${B},{"method":"GET","ur`)
    expect(entries.map((e) => e.position)).toEqual([1, 2])
    expect(errors).toEqual([[3, 'the document ends before the array is closed (truncated after element 2)']])
  })

  it('stops at the end of the records array and rejects a document that is not JSON at all', async () => {
    const { entries, errors } = await parse(`[${A}]]`)
    expect(entries).toHaveLength(1)
    expect(errors).toEqual([])
    await expect(parse(`}{"records":[${A}]}`)).rejects.toThrow(
      'not a JSON document of records: unexpected "}"',
    )
  })

  it('rejects a document that is neither records nor one record', async () => {
    await expect(parse('"just a string"')).rejects.toThrow(ImportRejected)
    await expect(parse(`${A}\n${B}\n`)).rejects.toThrow(/one object per line is NDJSON$/)
    await expect(parse('{\n  "method": "GET",\n  "url": "/a",')).rejects.toThrow(
      /^the JSON document cannot be read \(.+\)$/,
    )
  })

  it('gives the same result whatever the chunk size', async () => {
    const doc = `{"data":[${A},${B},{"x":[1,2,"]}"]}]}`
    const whole = await parse(doc)
    for (const size of [1, 2, 11]) expect(await parse(doc, size)).toEqual(whole)
  })

  it('imports a Kong http-log batch through the pipeline', async () => {
    const batch = [
      {
        request: { method: 'GET', url: 'https://api.example.com/orders?page=2', id: 'k1' },
        response: { status: 200 },
        started_at: 1714557600120,
        latencies: { request: 12, kong: 1 },
        consumer: { username: 'shop' },
        workspace_name: 'retail',
      },
      {
        request: { method: 'POST', url: 'https://api.example.com/orders', id: 'k2' },
        response: { status: 502 },
        started_at: 1714557601000,
        latencies: { request: 3000 },
        upstream_status: '502',
        service: { name: 'orders' },
      },
    ]
    const file = join(tempDir(), 'kong.json')
    writeFileSync(file, JSON.stringify(batch))
    const { result, rows } = await importIntoMemory(file)
    expect(result).toMatchObject({ format: 'json', imported: 2, errorCount: 0 })
    const fields = rows.map((r) => [
      r.position, r.ts, r.method, r.statusCode, r.apiUser, r.durationMs, r.tenant, r.service, r.correlationId,
    ])
    expect(fields).toEqual([
        [1, '2024-05-01T10:00:00.120Z', 'GET', 200, 'shop', 12, 'retail', null, 'k1'],
        [2, '2024-05-01T10:00:01.000Z', 'POST', 502, null, 3000, null, 'orders', 'k2'],
      ])
  })

  it('fails an empty array with a clear message', async () => {
    const file = join(tempDir(), 'empty.json')
    writeFileSync(file, '[]')
    const { result } = await importIntoMemory(file)
    expect(result.failure).toBe('no API calls found in the file as JSON')
  })
})

describe('json detection', () => {
  it('matches arrays of objects and wrapped arrays', () => {
    expect(jsonImporter.detect(`[\n  ${A}`, 'x')).toEqual(MATCH)
    expect(jsonImporter.detect('[]', 'x')).toEqual(MATCH)
    expect(jsonImporter.detect(`{\n  "records": [\n    ${A}`, 'x')).toEqual(MATCH)
    expect(jsonImporter.detect('{"took":3,"hits":{"total":{"value":2},"hits":[', 'x')).toEqual(MATCH)
  })

  it('matches one pretty-printed record, and a one-line record at lower confidence than NDJSON', () => {
    const pretty = '{\n  "method": "GET",\n  "url": "/a"\n}\n'
    expect(jsonImporter.detect(pretty, 'x')).toEqual({ kind: 'match', confidence: 0.8 })
    expect(jsonImporter.detect(`${A}\n`, 'x')).toEqual({ kind: 'match', confidence: 0.5 })
    expect(detectFormat(`${A}\n`, 'x').importer?.id).toBe('ndjson')
  })

  it('stays below HAR for HAR-looking content', () => {
    const har = '{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "x"},\n    "entries": ['
    const detection = jsonImporter.detect(har, 'x')
    expect(detection).toEqual({ kind: 'match', confidence: 0.5 })
  })

  it('leaves NDJSON and other text alone', () => {
    expect(jsonImporter.detect(`${A}\n${B}\n`, 'x')).toEqual({
      kind: 'no-match',
      reason: 'one JSON object per line (NDJSON), not one document',
    })
    expect(jsonImporter.detect(`2024-05-01T10:00:00Z ${A}\n`, 'x').kind).toBe('no-match')
    expect(jsonImporter.detect('a,b\n1,2\n', 'x').kind).toBe('no-match')
  })

  it('wins the registry for arrays of records', () => {
    expect(detectFormat(`[${A},${B}]`, 'export.json').importer?.id).toBe('json')
  })
})
