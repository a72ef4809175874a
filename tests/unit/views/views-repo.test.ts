import { describe, expect, it } from 'vitest'
import type { SavedViewSpec } from '../../../src/shared/view-types'
import { ViewError } from '../../../src/main/views/view-error'
import {
  deleteView,
  duplicateView,
  getLastUsedView,
  getView,
  listViews,
  markViewUsed,
  renameView,
  saveView,
} from '../../../src/main/views/views-repo'
import { memoryDb } from '../helpers/store'
import { spec } from './view-spec'

const names = (db: ReturnType<typeof memoryDb>) => listViews(db).map((v) => v.name)

describe('saved views: create, read, replace, delete', () => {
  it('saves a view and reads back every part of it, with its times', () => {
    const db = memoryDb()
    const before = Date.now()
    const saved = saveView(db, spec('Auth failures'))
    expect(saved).toMatchObject({ ...spec('Auth failures'), lastUsedAt: null })
    expect(Date.parse(saved.createdAt)).toBeGreaterThanOrEqual(before)
    expect(saved.updatedAt).toBe(saved.createdAt)
    expect(getView(db, 'auth FAILURES')).toEqual(saved)
    expect(db.prepare('SELECT name, name_key FROM saved_views').all()).toEqual([{ name: 'Auth failures', name_key: 'auth failures' }])
  })

  it('replaces a view of the same name ignoring case, keeping its id and creation time', () => {
    const db = memoryDb()
    const first = saveView(db, spec('Auth failures'))
    const second = saveView(db, spec('  AUTH Failures ', { search: '', sort: null, timeRange: { kind: 'all' } }))
    expect(second.id).toBe(first.id)
    expect(second.createdAt).toBe(first.createdAt)
    expect(second).toMatchObject({ name: 'AUTH Failures', search: '', sort: null, timeRange: { kind: 'all' } })
    expect(names(db)).toEqual(['AUTH Failures'])
  })

  it('refuses to replace when asked to create only', () => {
    const db = memoryDb()
    saveView(db, spec('Auth failures'))
    expect(() => saveView(db, spec('auth failures'), { createOnly: true })).toThrow(
      new ViewError('a view named "auth failures" already exists'),
    )
  })

  it('lists views by name ignoring case', () => {
    const db = memoryDb()
    for (const name of ['beta', 'Alpha', 'gamma', 'Ärger', 'alpha 2']) saveView(db, spec(name))
    expect(names(db)).toEqual(['Alpha', 'alpha 2', 'beta', 'gamma', 'Ärger'])
  })

  it('rejects names that are empty, too long or carry control characters, with the reason', () => {
    const db = memoryDb()
    expect(() => saveView(db, spec('   '))).toThrow('invalid view: name: a view name must not be empty')
    expect(() => saveView(db, spec('x'.repeat(101)))).toThrow('invalid view: name: a view name must be at most 100 characters')
    expect(() => saveView(db, spec('evil\u202Ename'))).toThrow(
      'invalid view: name: a view name must not contain control or invisible characters',
    )
    expect(() => saveView(db, spec('two\nlines'))).toThrow(ViewError)
    expect(listViews(db)).toEqual([])
  })

  it('rejects a spec with a bad part, naming it', () => {
    const db = memoryDb()
    const bad = (extra: object) => () => saveView(db, { ...spec('v'), ...extra } as SavedViewSpec)
    expect(bad({ filter: { sourceId: [1] } })).toThrow('invalid view: filter: unknown key "sourceId"')
    expect(bad({ filter: { statusCode: ['4xx', 'teapot'] } })).toThrow(
      'invalid view: filter.statusCode[1]: not a status code, a class such as 4xx, or "none"',
    )
    expect(bad({ timeRange: { kind: 'absolute' } })).toThrow('invalid view: timeRange: an absolute range needs "from", "to" or both')
    expect(bad({ timeRange: { kind: 'absolute', from: '2024-05-02T00:00:00Z', to: '2024-05-01T00:00:00Z' } })).toThrow(
      'invalid view: timeRange: "from" must be before "to"',
    )
    expect(bad({ timeRange: { kind: 'absolute', from: 'yesterday' } })).toThrow(
      'invalid view: timeRange.from: not an ISO-8601 time such as 2024-05-01T10:00:00Z',
    )
    expect(bad({ timeRange: { kind: 'relative', lastMinutes: 0 } })).toThrow('invalid view: timeRange.lastMinutes: less than 1')
    expect(bad({ timeRange: { kind: 'soon' } })).toThrow('invalid view: timeRange.kind: expected one of "all", "absolute", "relative"')
    expect(bad({ columns: [{ id: 'ts' }, { id: 'ts' }] })).toThrow('invalid view: columns: a column appears twice')
    expect(bad({ columns: [{ id: 'ts', width: 5 }] })).toThrow('invalid view: columns[0].width: less than 10')
    expect(bad({ sort: { field: 'raw', dir: 'asc' } })).toThrow('invalid view: sort.field: expected one of')
    expect(listViews(db)).toEqual([])
  })

  it('deletes by name ignoring case and says whether there was one', () => {
    const db = memoryDb()
    saveView(db, spec('Auth failures'))
    saveView(db, spec('Slow calls'))
    expect(deleteView(db, 'AUTH FAILURES')).toBe(true)
    expect(deleteView(db, 'auth failures')).toBe(false)
    expect(names(db)).toEqual(['Slow calls'])
  })

  it('skips a stored row that is no longer a valid view instead of failing the whole list', () => {
    const db = memoryDb()
    saveView(db, spec('good'))
    db.prepare(`INSERT INTO saved_views (name, name_key, spec, created_at, updated_at) VALUES ('bad', 'bad', '{not json', 1, 1)`).run()
    db.prepare(`INSERT INTO saved_views (name, name_key, spec, created_at, updated_at) VALUES ('odd', 'odd', '{"filter":1}', 1, 1)`).run()
    expect(names(db)).toEqual(['good'])
    expect(getView(db, 'bad')).toBeNull()
    // saving over a broken row repairs it
    expect(saveView(db, spec('BAD')).name).toBe('BAD')
    expect(names(db)).toEqual(['BAD', 'good'])
  })
})

describe('saved views: rename and duplicate', () => {
  it('renames, allows a change of case only, and refuses a name taken by another view', () => {
    const db = memoryDb()
    const original = saveView(db, spec('Auth failures'))
    saveView(db, spec('Slow calls'))
    expect(renameView(db, 'auth failures', 'Login failures')).toMatchObject({ id: original.id, name: 'Login failures' })
    expect(renameView(db, 'login failures', 'LOGIN failures')?.name).toBe('LOGIN failures')
    expect(() => renameView(db, 'LOGIN failures', 'slow CALLS')).toThrow(new ViewError('a view named "Slow calls" already exists'))
    expect(() => renameView(db, 'LOGIN failures', ' ')).toThrow('a view name must not be empty')
    expect(renameView(db, 'no such view', 'x')).toBeNull()
    expect(names(db)).toEqual(['LOGIN failures', 'Slow calls'])
  })

  it('names copies "name (copy)", "name (copy 2)", … and copies every part', () => {
    const db = memoryDb()
    const original = saveView(db, spec('Auth failures'))
    markViewUsed(db, 'Auth failures')
    const copy = duplicateView(db, 'auth failures')
    expect(copy).toMatchObject({ ...spec('Auth failures (copy)'), lastUsedAt: null })
    expect(copy?.id).not.toBe(original.id)
    expect(duplicateView(db, 'Auth failures')?.name).toBe('Auth failures (copy 2)')
    // copying a copy counts on from the same base name
    expect(duplicateView(db, 'Auth failures (copy)')?.name).toBe('Auth failures (copy 3)')
    expect(deleteView(db, 'Auth failures (copy 2)')).toBe(true)
    expect(duplicateView(db, 'Auth failures (copy 3)')?.name).toBe('Auth failures (copy 2)')
    expect(duplicateView(db, 'Auth failures', 'Mine')?.name).toBe('Mine')
    expect(() => duplicateView(db, 'Auth failures', 'MINE')).toThrow(new ViewError('a view named "MINE" already exists'))
    expect(duplicateView(db, 'nope')).toBeNull()
    expect(names(db)).toEqual(['Auth failures', 'Auth failures (copy 2)', 'Auth failures (copy 3)', 'Auth failures (copy)', 'Mine'])
  })

  it('keeps a copy of a 100-character name within the limit', () => {
    const db = memoryDb()
    const long = 'x'.repeat(100)
    saveView(db, spec(long))
    expect(duplicateView(db, long)?.name).toBe(`${'x'.repeat(93)} (copy)`)
    expect(duplicateView(db, long)?.name).toBe(`${'x'.repeat(91)} (copy 2)`)
  })
})

describe('saved views: last used', () => {
  it('brings back the view used last, even within the same millisecond', () => {
    const db = memoryDb()
    for (const name of ['a', 'b', 'c']) saveView(db, spec(name))
    expect(getLastUsedView(db)).toBeNull()
    markViewUsed(db, 'b', 1000)
    markViewUsed(db, 'a', 1000)
    expect(getLastUsedView(db)?.name).toBe('a')
    markViewUsed(db, 'C', 1000)
    expect(getLastUsedView(db)?.name).toBe('c')
    expect(getView(db, 'c')?.lastUsedAt).toBe(new Date(1002).toISOString())
    expect(markViewUsed(db, 'missing')).toBeNull()
  })

  it('falls back to the one used before when the last used view is deleted', () => {
    const db = memoryDb()
    for (const name of ['a', 'b']) saveView(db, spec(name))
    markViewUsed(db, 'a')
    markViewUsed(db, 'b')
    deleteView(db, 'b')
    expect(getLastUsedView(db)?.name).toBe('a')
  })
})
