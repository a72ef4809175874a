// Deep nesting (10^3 … 10^6 levels) never overflows the stack: not in JSON imports (json, ndjson,
// har), not in redaction, not in IPC / HTTP arguments (zod), not in the detail pane's data (the
// pane's own pretty-printer is checked in tests/renderer/deep-body.test.tsx).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { importFile } from '../../../src/main/importers/run-import'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { redactEntryRecord } from '../../../src/main/redact'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { stringifyJson, stringifyJsonIteratively } from '../../../src/main/util/json-text'
import { tempDir } from '../helpers/store'
import { fuzzRuns, fuzzSeeds } from '../fuzz/seeds'

const deepObject = (depth: number, leaf = '1') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth)
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
const record = (url: string, extra: string) => `{"time":"2024-05-01T10:00:00Z","method":"POST","url":"${url}","status":200,"user":"deep",${extra}}`

function nestedValue(depth: number): unknown {
  let value: unknown = 'x'
  for (let i = 0; i < depth; i++) value = { a: [value] }
  return value
}

async function importText(name: string, text: string) {
  const backend = createBackend({ dbPath: ':memory:', workerPath: null })
  const path = join(tempDir(), name)
  writeFileSync(path, text)
  const result = await importFile(backend.db, { path })
  return { backend, result }
}

describe('stringifyJson', () => {
  it('writes exactly what JSON.stringify writes', () => {
    for (const seed of fuzzSeeds()) {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          expect(stringifyJsonIteratively(value)).toBe(JSON.stringify(value))
        }),
        { seed, numRuns: fuzzRuns(300) },
      )
    }
    expect(stringifyJsonIteratively({ a: undefined, b: [undefined, () => 1], c: 'é"\u2028' })).toBe(JSON.stringify({ a: undefined, b: [undefined, () => 1], c: 'é"\u2028' }))
  })

  it('handles a million levels where JSON.stringify overflows', () => {
    const text = deepObject(1_000_000)
    const value = JSON.parse(text) as unknown
    expect(() => JSON.stringify(value)).toThrow(RangeError)
    expect(stringifyJson(value)).toBe(text)
  })
})

describe('deep JSON imports', () => {
  for (const depth of [1_000, 20_000, 100_000]) {
    it(`ndjson, json and har keep a body nested ${depth} levels deep, byte for byte`, async () => {
      const body = deepObject(depth)
      const ndjson = await importText('deep.ndjson', `${record('/a', `"request":{"body":${body}},"headers":{"x":${deepArray(depth)}}`)}\n${record('/b', `"extra":${deepArray(depth)}`)}\n`)
      expect(ndjson.result).toMatchObject({ failure: null, imported: 2, errorCount: 0 })
      const json = await importText('deep.json', `[${record('/a', `"request":{"body":${body}}`)}, ${deepArray(depth)}]`)
      expect(json.result).toMatchObject({ failure: null, imported: 1, errorCount: 1, errors: [{ position: 2, message: 'element 2 is not a JSON object' }] })
      const harEntry = (extra: string) =>
        `{"startedDateTime":"2024-05-01T10:00:00Z","time":1,"request":{"method":"POST","url":"https://api.example.com/x","headers":[{"name":"X-Deep","value":${body}}],"postData":{"mimeType":"application/json","text":${JSON.stringify(body)}}},"response":{"status":200,"headers":[],"content":{"mimeType":"application/json","text":"{}"}}${extra}}`
      const har = await importText('deep.har', `{"log":{"version":"1.2","entries":[${harEntry('')},${harEntry(`,"_extra":${body}`)},${deepArray(depth)}]}}`)
      expect(har.result).toMatchObject({ failure: null, imported: 2, errorCount: 1 })

      for (const { backend } of [ndjson, json, har]) {
        const [first] = (await backend.api.queryEntries({ filter: {}, limit: 1 })).rows
        // the detail pane's data, through the dispatcher and as the HTTP transport sends it
        const reply = await dispatch(backend.api, 'getEntry', { id: first.id })
        expect(reply.ok).toBe(true)
        const detail = (reply as { value: { requestBody: string; requestHeaders: Array<[string, string]>; raw: string } }).value
        expect(detail.requestBody).toBe(body)
        expect(JSON.stringify(reply).length).toBeGreaterThan(body.length)
        backend.close()
      }
      const ndjsonHeaders = (await importText('deep.ndjson', `${record('/a', `"request":{"headers":{"x":${body}}}`)}\n`)).backend
      const [row] = (await ndjsonHeaders.api.queryEntries({ filter: {} })).rows
      expect((await ndjsonHeaders.api.getEntry({ id: row.id }))?.requestHeaders).toEqual([['x', body]])
      ndjsonHeaders.close()
    }, 60_000)
  }

  it('an NDJSON record nested a million levels deep imports', async () => {
    const body = deepObject(1_000_000)
    const { backend, result } = await importText('million.ndjson', `${record('/a', `"request":{"body":${body}}`)}\n`)
    expect(result).toMatchObject({ failure: null, imported: 1, errorCount: 0 })
    const [row] = (await backend.api.queryEntries({ filter: {} })).rows
    expect((await backend.api.getEntry({ id: row.id }))?.requestBody).toBe(body)
    backend.close()
  }, 60_000)
})

describe('deep values elsewhere', () => {
  it('redaction finds a credential at the bottom of a body nested 100 000 levels deep', () => {
    const body = deepObject(100_000, '{"password":"hunter2-secret","note":"kept"}')
    const entry: EntryRecord = { position: 1, ts: null, result: 'success', raw: body, requestBody: body, responseBody: deepArray(100_000) }
    const redacted = redactEntryRecord(entry, Buffer.from('deep-key'))
    expect(redacted.requestBody).not.toContain('hunter2-secret')
    expect(redacted.raw).not.toContain('hunter2-secret')
    expect(redacted.requestBody).toContain('"note":"kept"')
    expect(redacted.requestBody!.length).toBeGreaterThan(600_000)
  })

  it('IPC and HTTP arguments nested 100 000 levels deep are a bad-argument error', async () => {
    const backend = createBackend({ dbPath: ':memory:', workerPath: null })
    const deep = nestedValue(100_000)
    const calls: Array<[string, unknown]> = [
      ['countEntries', deep],
      ['countEntries', { filter: deep }],
      ['countEntries', { filter: { apiUser: [deep] } }],
      ['queryEntries', { filter: {}, sort: deep }],
      ['startImport', { files: [{ path: '/x' }], mapping: deep }],
      ['saveView', { view: deep }],
      ['runTriage', { caller: deep }],
      ['importView', { content: deepObject(100_000) }],
      ['getEntry', { id: deep }],
    ]
    for (const [method, arg] of calls) {
      const reply = await dispatch(backend.api, method, arg)
      expect(reply.ok, method).toBe(false)
      if (!reply.ok) expect(reply.error.code, `${method}: ${reply.error.message}`).toBe('bad-argument')
    }
    // as the HTTP transport receives it: JSON.parse of the body, then the same dispatcher
    const parsed = JSON.parse(`{"filter":${deepObject(1_000_000)}}`) as unknown
    expect(await dispatch(backend.api, 'countEntries', parsed)).toMatchObject({ ok: false, error: { code: 'bad-argument' } })
    backend.close()
  })
})
