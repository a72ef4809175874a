import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../src/main/importers/index'
import { ndjsonImporter } from '../../../src/main/importers/ndjson'
import type { EntrySink } from '../../../src/main/importers/types'
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
  const context = { fileName: 'x.log', timeZone: 'UTC', wall: createWallClock('UTC'), sink }
  await ndjsonImporter.parse(chunksOf(text, chunkSize), context)
  return { entries, errors, skipped }
}

const LINE_A =
  '{"timestamp":"2024-05-01T10:00:00Z","method":"GET","url":"/a/1","status":200,"consumer_id":"c1"}'
const LINE_B =
  '{"timestamp":"2024-05-01T10:00:01Z","method":"POST","url":"/b","status":503,"error":{"message":"busy"}}'
const MATCH = { kind: 'match', confidence: 0.9 }

describe('ndjson detection', () => {
  it('matches lines of JSON objects', () => {
    expect(ndjsonImporter.detect(`${LINE_A}\n${LINE_B}\n`, 'x')).toEqual(MATCH)
  })

  it('ignores a last line cut short by the 64 KB head', () => {
    expect(ndjsonImporter.detect(`${LINE_A}\n${LINE_B}\n{"timestamp":"2024-05`, 'x')).toEqual(MATCH)
  })

  it('accepts timestamp-prefixed lines (CloudWatch exports)', () => {
    const head = `2024-05-01T10:00:00.000Z ${LINE_A}\n2024-05-01T10:00:01.000Z\t${LINE_B}\n`
    expect(ndjsonImporter.detect(head, 'x')).toEqual(MATCH)
  })

  it('takes a single record line at lower confidence, but not a wrapping document or HAR', () => {
    expect(ndjsonImporter.detect(`${LINE_A}\n`, 'x')).toEqual({ kind: 'match', confidence: 0.6 })
    expect(ndjsonImporter.detect(`{"records":[${LINE_A}]}\n`, 'x').kind).toBe('no-match')
    expect(ndjsonImporter.detect('{"log":{"version":"1.2","entries":[]}}', 'x').kind).toBe('no-match')
  })

  it('takes a first line longer than the head at low confidence', () => {
    const head = `{"method":"GET","body":"${'x'.repeat(70000)}`
    expect(ndjsonImporter.detect(head, 'x')).toEqual({ kind: 'match', confidence: 0.55 })
  })

  it('rejects pretty-printed JSON, arrays, CSV and text', () => {
    expect(ndjsonImporter.detect('{\n  "method": "GET"\n}\n', 'x').kind).toBe('no-match')
    expect(ndjsonImporter.detect(`[${LINE_A}]\n`, 'x').kind).toBe('no-match')
    expect(ndjsonImporter.detect('a,b,c\n1,2,3\n', 'x').kind).toBe('no-match')
    const clf = '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326\n'
    expect(ndjsonImporter.detect(clf, 'x').kind).toBe('no-match')
  })

  it('rejects a file where many lines are not JSON', () => {
    const detection = ndjsonImporter.detect(`${LINE_A}\nplain text\nmore text\n${LINE_B}\n`, 'x')
    expect(detection).toEqual({ kind: 'no-match', reason: '2 of the first 4 lines are not JSON objects' })
  })

  it('wins the registry for NDJSON content', () => {
    const detection = detectFormat(`${LINE_A}\n${LINE_B}\n`, 'gateway.log')
    expect(detection.importer?.id).toBe('ndjson')
  })
})

describe('ndjson parsing', () => {
  const text = [
    LINE_A,
    '',
    '   ',
    '{"level":"info","msg":"server started"}',
    '{"method": "GET", "url": "/c"',
    '["not","an","object"]',
    '42',
    LINE_B,
    'START RequestId: 3f1c Version: $LATEST',
    '2024-05-01T10:00:09.500Z\tc0ffee\tINFO\t{"method":"GET","url":"/d","status":204}',
    '1714557610000 {"method":"GET","url":"/e","status":200,"timestamp":"2024-05-01T11:00:00Z"}',
  ].join('\r\n')

  it('maps object lines with their line numbers and raw text', async () => {
    const { entries } = await parse(text)
    expect(entries.map((e) => [e.position, e.function, e.statusCode, e.result, e.ts])).toEqual([
      [1, 'GET /a/{id}', 200, 'success', Date.UTC(2024, 4, 1, 10, 0, 0)],
      [8, 'POST /b', 503, 'error', Date.UTC(2024, 4, 1, 10, 0, 1)],
      [10, 'GET /d', 204, 'success', Date.UTC(2024, 4, 1, 10, 0, 9, 500)],
      [11, 'GET /e', 200, 'success', Date.UTC(2024, 4, 1, 11, 0, 0)],
    ])
    expect(entries[0].raw).toBe(LINE_A)
    expect(entries[0].apiUser).toBe('c1')
    expect(entries[1].resultReason).toBe('busy')
    expect(entries[2].raw).toBe(
      '2024-05-01T10:00:09.500Z\tc0ffee\tINFO\t{"method":"GET","url":"/d","status":204}',
    )
  })

  it('reports bad lines by number, skips non-request lines, ignores blank lines', async () => {
    const { errors, skipped } = await parse(text)
    expect(errors.map(([p]) => p)).toEqual([5, 6, 7])
    expect(errors[0][1]).toMatch(/^not valid JSON: /)
    expect(errors[1][1]).toBe('not a JSON object (the line does not start with "{")')
    expect(errors[2][1]).toBe('not a JSON object (the line does not start with "{")')
    expect(skipped).toEqual([4, 9])
  })

  it('gives the same result whatever the chunk size', async () => {
    const whole = await parse(text)
    for (const size of [1, 3, 17]) {
      const chunked = await parse(text, size)
      expect(chunked).toEqual(whole)
    }
  })

  it('reports a line that parses to a non-object', async () => {
    const { errors } = await parse('{"method":"GET","url":"/a","status":200}\n{"a":1} {"b":2}\n')
    expect(errors).toEqual([[2, expect.stringMatching(/^not valid JSON: /)]])
  })

  it('imports through the pipeline into the store', async () => {
    const file = join(tempDir(), 'gateway.jsonl')
    writeFileSync(file, `${LINE_A}\n${LINE_B}\nnot json\n`)
    const { result, rows, detail } = await importIntoMemory(file)
    expect(result).toMatchObject({ format: 'ndjson', imported: 2, errorCount: 1, errors: [{ position: 3 }] })
    expect(rows.map((r) => [r.position, r.method, r.statusCode, r.apiUser])).toEqual([
      [1, 'GET', 200, 'c1'],
      [2, 'POST', 503, null],
    ])
    expect(detail(1).raw).toBe(LINE_B)
  })
})

describe('error text from the response body', () => {
  it('reads a failed call’s reason and code from its JSON error body when the log has none', async () => {
    const failed = JSON.stringify({
      timestamp: '2024-05-01T10:00:00Z', method: 'PUT', url: '/contacts/7', status: 404,
      response: { status: 404, body: { error: { code: 'E_NOT_FOUND', message: 'Contact 7 not found' } } },
    })
    const ok = JSON.stringify({
      timestamp: '2024-05-01T10:00:01Z', method: 'GET', url: '/contacts/7', status: 200,
      response: { status: 200, body: { message: 'all good', code: 0 } },
    })
    const { entries } = await parse([failed, ok].join('\n'))
    expect(entries.map((e) => [e.resultReason, e.errorCode])).toEqual([
      ['Contact 7 not found', 'E_NOT_FOUND'],
      [null, null],
    ])
  })
})
