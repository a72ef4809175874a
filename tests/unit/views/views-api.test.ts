import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../../src/main/backend'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { ApiError, createClient } from '../../../src/shared/transport'
import { viewPartsOf, type SavedView } from '../../../src/shared/view-types'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { writeSource } from '../helpers/generated-store'
import { spec } from './view-spec'

let backend: Backend | null = null
afterEach(() => backend?.close())

function client() {
  backend = createBackend({ dbPath: ':memory:', workerPath: null })
  const api = backend.api
  return { db: backend.db, api, client: createClient((method, arg) => dispatch(api, method, arg)) }
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    return { code: (error as ApiError).code, message: (error as ApiError).message }
  }
  throw new Error('the call succeeded')
}

describe('saved views over the API (what the UI calls)', () => {
  it('saves, lists, renames, duplicates, applies and deletes, with typed errors', async () => {
    const { db, client: api } = client()
    const records: EntryRecord[] = [0, 1, 2].map((i) => ({ position: i + 1, ts: Date.UTC(2024, 4, 1, 10, i * 30), result: 'error', tenant: 'acme', raw: 'x' }))
    const sourceId = writeSource(db, records)
    const saved = await api.saveView({ view: spec('Auth failures') })
    expect(saved).toMatchObject({ ...spec('Auth failures'), lastUsedAt: null })
    expect(await failure(api.saveView({ view: spec('AUTH failures'), createOnly: true }))).toEqual({
      code: 'bad-argument',
      message: 'a view named "AUTH failures" already exists',
    })
    expect(await failure(api.saveView({ view: spec('  ') }))).toEqual({
      code: 'bad-argument',
      message: 'saveView: view.name: a view name must not be empty',
    })
    expect((await api.duplicateView({ name: 'auth failures' })).name).toBe('Auth failures (copy)')
    expect((await api.renameView({ name: 'Auth failures (copy)', newName: 'Mine' })).name).toBe('Mine')
    expect(await failure(api.renameView({ name: 'Mine', newName: 'auth FAILURES' }))).toEqual({
      code: 'bad-argument',
      message: 'a view named "Auth failures" already exists',
    })
    expect((await api.listViews()).map((v: SavedView) => v.name)).toEqual(['Auth failures', 'Mine'])
    expect(await api.getLastUsedView()).toBeNull()

    const applied = await api.applyView({ name: 'auth failures', sourceIds: [sourceId] })
    expect(applied.filter).toEqual({
      result: ['error'],
      tenant: ['acme'],
      search: 'timeout',
      sourceId: [sourceId],
      from: '2024-05-01T10:00:00.001Z',
      to: '2024-05-01T11:00:00.001Z',
    })
    expect((await api.getLastUsedView())?.name).toBe('Auth failures')
    await api.markViewUsed({ name: 'mine' })
    expect((await api.getLastUsedView())?.name).toBe('Mine')

    await api.deleteView({ name: 'MINE' })
    expect(await failure(api.deleteView({ name: 'Mine' }))).toEqual({ code: 'not-found', message: 'no view named "Mine"' })
    expect(await failure(api.applyView({ name: 'Mine' }))).toEqual({ code: 'not-found', message: 'no view named "Mine"' })
    expect(await failure(api.renameView({ name: 'Mine', newName: 'x' }))).toEqual({ code: 'not-found', message: 'no view named "Mine"' })
  })

  it('splits a grid filter into the parts a view stores (viewPartsOf)', () => {
    expect(
      viewPartsOf({
        from: '2024-05-01T00:00:00Z',
        apiUser: ['a', null],
        result: [],
        sourceId: [3],
        search: ' timeout ',
      }),
    ).toEqual({ filter: { apiUser: ['a', null] }, timeRange: { kind: 'absolute', from: '2024-05-01T00:00:00Z' }, search: 'timeout' })
    expect(viewPartsOf({})).toEqual({ filter: {}, timeRange: { kind: 'all' }, search: '' })
  })
})
