/* eslint-disable @typescript-eslint/no-explicit-any -- the tests damage arbitrary parts of a parsed file */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { ViewError } from '../../../src/main/views/view-error'
import { exportViewFile, parseViewFile, viewFileName } from '../../../src/main/views/view-file'
import { importView } from '../../../src/main/views/views-api'
import { getView, listViews, saveView } from '../../../src/main/views/views-repo'
import { memoryDb } from '../helpers/store'
import { spec } from './view-spec'

const VIEW = spec('Auth failures: acme / 4xx', {
  filter: { apiUser: ['crmsync', null], statusCode: ['401', '403'], result: ['error'], tenant: ['acme'] },
  timeRange: { kind: 'absolute', from: '2024-05-01T00:00:00Z', to: '2024-05-08T00:00:00Z' },
})

/** Sorted-key JSON written independently of the code under test. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  )
}

function exported(): { content: string; file: Record<string, any> } {
  const db = memoryDb()
  const { content } = exportViewFile(saveView(db, VIEW))
  return { content, file: JSON.parse(content) }
}

const rejects = (content: string) => {
  try {
    parseViewFile(content)
  } catch (error) {
    expect(error).toBeInstanceOf(ViewError)
    return (error as Error).message
  }
  throw new Error('the file was accepted')
}

describe('view files: export and import', () => {
  it('writes the documented envelope with a sha256 over the canonical view', () => {
    const { file, content } = exported()
    expect(Object.keys(file)).toEqual(['format', 'version', 'view', 'checksum'])
    expect(file.format).toBe('api-log-inspector.view')
    expect(file.version).toBe(1)
    expect(file.view).toEqual(VIEW)
    expect(file.checksum).toBe(`sha256:${createHash('sha256').update(sortedJson(VIEW)).digest('hex')}`)
    expect(content.endsWith('}\n')).toBe(true)
    expect(content.length).toBeLessThan(2000)
  })

  it('round-trips a view from one store to another with every part intact', () => {
    const source = memoryDb()
    const saved = saveView(source, VIEW)
    const { fileName, content } = exportViewFile(saved)
    expect(fileName).toBe('Auth failures_ acme _ 4xx.apilog-view.json')
    const target = memoryDb()
    const imported = importView(target, content)
    expect(imported).toMatchObject(VIEW)
    expect(listViews(target).map((v) => v.name)).toEqual(['Auth failures: acme / 4xx'])
    const again = exportViewFile(getView(target, VIEW.name)!)
    expect(again.content).toBe(content)
  })

  it('accepts a file that was only reformatted (whitespace, key order, BOM)', () => {
    const { file } = exported()
    const reordered = { checksum: file.checksum, view: Object.fromEntries(Object.entries(file.view).reverse()), version: 1, format: file.format }
    expect(parseViewFile(`\ufeff${JSON.stringify(reordered)}`)).toEqual(VIEW)
  })

  it('refuses to replace a view of the same name unless told to overwrite', () => {
    const { content } = exported()
    const db = memoryDb()
    saveView(db, spec('AUTH FAILURES: ACME / 4XX', { search: 'mine' }))
    expect(() => importView(db, content)).toThrow(
      new ViewError('a view named "Auth failures: acme / 4xx" already exists (import with overwrite to replace it)'),
    )
    expect(getView(db, VIEW.name)?.search).toBe('mine')
    expect(importView(db, content, true)).toMatchObject(VIEW)
    expect(listViews(db)).toHaveLength(1)
  })

  it('makes safe file names', () => {
    expect(viewFileName('../../etc/passwd')).toBe('_.._etc_passwd.apilog-view.json')
    expect(viewFileName('CON:\u0000*?')).toBe('CON_.apilog-view.json')
    expect(viewFileName('...')).toBe('view.apilog-view.json')
    expect(viewFileName('Ärger 5xx')).toBe('Ärger 5xx.apilog-view.json')
  })
})

describe('view files: a tampered or foreign file is rejected with one clear message', () => {
  const edit = (change: (file: Record<string, any>) => void) => {
    const { file } = exported()
    change(file)
    return JSON.stringify(file, null, 2)
  }

  it('an edited filter with the old checksum', () => {
    expect(rejects(edit((f) => f.view.filter.tenant.push('globex')))).toBe(
      'saved-view file was changed after it was exported: its checksum does not match its content',
    )
    expect(rejects(edit((f) => (f.view.name = 'Renamed')))).toBe(
      'saved-view file was changed after it was exported: its checksum does not match its content',
    )
  })

  it('unknown keys, at the top, in the view and in the filter', () => {
    expect(rejects(edit((f) => (f.signedBy = 'me')))).toBe('invalid saved-view file: unknown key "signedBy"')
    expect(rejects(edit((f) => (f.view.owner = 'x')))).toBe('invalid saved-view file: view: unknown key "owner"')
    expect(rejects(edit((f) => (f.view.filter.sourceId = [1])))).toBe('invalid saved-view file: view.filter: unknown key "sourceId"')
    const proto = exported().content.replace('"filter": {', '"filter": {"__proto__": {"polluted": true},')
    expect(rejects(proto)).toBe('invalid saved-view file: view.filter: unknown key "__proto__"')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('wrong types', () => {
    expect(rejects(edit((f) => (f.view.filter.apiUser = [42])))).toBe(
      'invalid saved-view file: view.filter.apiUser[0]: expected string, received number',
    )
    expect(rejects(edit((f) => (f.view.timeRange = { kind: 'relative', lastMinutes: '60' })))).toBe(
      'invalid saved-view file: view.timeRange.lastMinutes: expected number, received string',
    )
    expect(rejects(edit((f) => (f.view.columns = { ts: 100 })))).toBe('invalid saved-view file: view.columns: expected array, received object')
    expect(rejects(edit((f) => (f.view.filter.result = ['fatal'])))).toBe(
      'invalid saved-view file: view.filter.result[0]: expected one of "success", "error", "notice"',
    )
    expect(rejects(edit((f) => (f.checksum = 'md5:abc')))).toBe(
      'invalid saved-view file: checksum: expected "sha256:" and 64 lower-case hex digits',
    )
  })

  it('huge strings and huge files', () => {
    expect(rejects(edit((f) => (f.view.search = 'x'.repeat(5000))))).toBe('invalid saved-view file: view.search: longer than 2000 characters')
    expect(rejects(edit((f) => (f.view.filter.function = ['y'.repeat(2001)])))).toBe(
      'invalid saved-view file: view.filter.function[0]: longer than 2000 characters',
    )
    expect(rejects(edit((f) => (f.view.name = 'n'.repeat(150))))).toBe(
      'invalid saved-view file: view.name: a view name must be at most 100 characters',
    )
    expect(rejects(edit((f) => (f.view.filter.tenant = Array.from({ length: 1001 }, (_, i) => `t${i}`))))).toBe(
      'invalid saved-view file: view.filter.tenant: more than 1000 items',
    )
    const huge = edit((f) => (f.padding = ' '.repeat(300_000)))
    expect(rejects(huge)).toBe(`not a saved-view file: it is ${huge.length} characters long (at most 262144)`)
  })

  it('hostile names', () => {
    expect(rejects(edit((f) => (f.view.name = 'ok\u202egpj.exe')))).toBe(
      'invalid saved-view file: view.name: a view name must not contain control or invisible characters',
    )
  })

  it('not JSON, not a view file, or a newer version', () => {
    expect(rejects('')).toBe('not a saved-view file: it is not valid JSON')
    expect(rejects('{"format": "api-log-inspector.view", ')).toBe('not a saved-view file: it is not valid JSON')
    expect(rejects('name,filter\nx,y\n')).toBe('not a saved-view file: it is not valid JSON')
    expect(rejects('[1, 2]')).toBe('not a saved-view file: "format" is not "api-log-inspector.view"')
    expect(rejects('null')).toBe('not a saved-view file: "format" is not "api-log-inspector.view"')
    expect(rejects('{"log": {"version": "1.2", "entries": []}}')).toBe('not a saved-view file: "format" is not "api-log-inspector.view"')
    expect(rejects(edit((f) => (f.version = 2)))).toBe('saved-view file version 2 is not supported (this app reads version 1)')
    expect(rejects(edit((f) => delete f.version))).toBe('saved-view file version null is not supported (this app reads version 1)')
  })
})

describe('view files over the API', () => {
  it('exports and imports through the dispatcher; a tampered file is a bad-argument error with the message', async () => {
    const one = createBackend({ dbPath: ':memory:', workerPath: null })
    const two = createBackend({ dbPath: ':memory:', workerPath: null })
    try {
      await dispatch(one.api, 'saveView', { view: VIEW })
      const reply = await dispatch(one.api, 'exportView', { name: 'auth failures: ACME / 4xx' })
      expect(reply.ok).toBe(true)
      const file = (reply as { value: { fileName: string; content: string } }).value
      expect(await dispatch(two.api, 'importView', { content: file.content })).toEqual({
        ok: true,
        value: expect.objectContaining(VIEW),
      })
      const tampered = file.content.replace('"acme"', '"globex"')
      expect(await dispatch(two.api, 'importView', { content: tampered, overwrite: true })).toEqual({
        ok: false,
        error: {
          code: 'bad-argument',
          message: 'saved-view file was changed after it was exported: its checksum does not match its content',
        },
      })
      expect(await dispatch(two.api, 'exportView', { name: 'nope' })).toEqual({
        ok: false,
        error: { code: 'not-found', message: 'no view named "nope"' },
      })
    } finally {
      one.close()
      two.close()
    }
  })
})
