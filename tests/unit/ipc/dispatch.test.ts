import { describe, expect, it } from 'vitest'
import { API_METHODS } from '../../../src/shared/api'
import { createBackend } from '../../../src/main/backend'
import { ARG_SCHEMAS } from '../../../src/main/ipc/arg-schemas'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createClient, ApiError } from '../../../src/shared/transport'
import { generateRecords, writeSource } from '../helpers/generated-store'

function backend() {
  const b = createBackend({ dbPath: ':memory:', workerPath: null })
  writeSource(b.db, generateRecords(50, 3))
  return b
}

describe('dispatch', () => {
  it('has one argument schema per API method', () => {
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual(Object.keys(API_METHODS).sort())
  })

  it('rejects unknown methods, including prototype names', async () => {
    const { api } = backend()
    for (const method of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const reply = await dispatch(api, method, {})
      expect(reply).toEqual({ ok: false, error: { code: 'unknown-method', message: expect.stringContaining('unknown method') } })
    }
  })

  it('rejects malformed arguments with a typed error naming the field', async () => {
    const { api } = backend()
    const cases: Array<[string, unknown]> = [
      ['queryEntries', { filter: { result: ['broken'] } }],
      ['queryEntries', { filter: {}, limit: -1 }],
      ['queryEntries', { filter: {}, sort: { field: 'raw; DROP TABLE entries', dir: 'asc' } }],
      ['queryEntries', { filter: { apiUser: 'not-a-list' } }],
      ['queryEntries', { filter: {}, extra: 1 }],
      ['getEntry', { id: '1' }],
      ['getEntry', null],
      ['startImport', { files: [] }],
    ]
    for (const [method, arg] of cases) {
      const reply = await dispatch(api, method, arg)
      expect(reply.ok, `${method} ${JSON.stringify(arg)}`).toBe(false)
      if (!reply.ok) expect(reply.error.code).toBe('bad-argument')
    }
  })

  it('turns semantic query errors into bad-argument, not internal', async () => {
    const { api } = backend()
    const reply = await dispatch(api, 'countEntries', { filter: { from: 'yesterday-ish' } })
    expect(reply).toEqual({ ok: false, error: { code: 'bad-argument', message: expect.stringContaining('not a valid time') } })
  })

  it('serves a client over the dispatcher end to end', async () => {
    const { api } = backend()
    const client = createClient((method, arg) => dispatch(api, method, arg))
    const { count } = await client.countEntries({ filter: {} })
    expect(count).toBe(50)
    const page = await client.queryEntries({ filter: {}, limit: 5 })
    expect(page.rows).toHaveLength(5)
    const detail = await client.getEntry({ id: page.rows[0].id })
    expect(detail?.raw).toMatch(/^record /)
    expect(await client.getEntry({ id: 999_999 })).toBeNull()
    await expect(client.removeSource({ id: 42 })).rejects.toEqual(expect.objectContaining({ code: 'not-found' }))
    await expect(client.removeSource({ id: 42 })).rejects.toBeInstanceOf(ApiError)
  })
})
