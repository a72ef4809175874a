// The grid's datasource: rows show as soon as their page arrives, whether or not the (possibly much
// slower) exact count has; the count then sets the grid's row count.
import type { IGetRowsParams } from 'ag-grid-community'
import { describe, expect, it, vi } from 'vitest'
import type { InspectorApi } from '../../src/shared/api'
import type { EntryRow } from '../../src/shared/types'
import { createDatasource, createEntrySource } from '../../src/renderer/src/features/entries/entry-source'

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: from + i + 1 }) as EntryRow)

function fakeApi(count: Promise<{ count: number }>, pageRows: number) {
  return {
    countEntries: vi.fn(() => count),
    queryEntries: vi.fn(async ({ offset }: { offset: number }) => ({ rows: rows(pageRows, offset), offset })),
  } as unknown as InspectorApi
}

function getRows(startRow: number, endRow: number) {
  const done = deferred<{ rows: unknown[]; lastRow: number | undefined }>()
  const params = {
    startRow,
    endRow,
    sortModel: [],
    successCallback: (r: unknown[], lastRow?: number) => done.resolve({ rows: r, lastRow }),
    failCallback: () => undefined,
  } as unknown as IGetRowsParams
  return { params, done: done.promise }
}

describe('the grid datasource', () => {
  it('shows the first rows before a slow count arrives, then sets the row count', async () => {
    const count = deferred<{ count: number }>()
    const api = fakeApi(count.promise, 100)
    const source = createEntrySource(api, {}, 0)
    const onCount = vi.fn()
    const datasource = createDatasource(api, () => source, vi.fn(), onCount)
    const block = getRows(0, 100)
    datasource.getRows(block.params)
    const shown = await block.done
    expect(shown.rows).toHaveLength(100)
    expect(shown.lastRow).toBe(-1) // not known yet: the grid may scroll on
    expect(onCount).not.toHaveBeenCalled()
    count.resolve({ count: 1_000_000 })
    await vi.waitFor(() => expect(onCount).toHaveBeenCalledWith(1_000_000))
    // blocks loaded afterwards know the total at once
    const next = getRows(100, 200)
    datasource.getRows(next.params)
    expect((await next.done).lastRow).toBe(1_000_000)
    expect(onCount).toHaveBeenCalledTimes(1)
  })

  it('ends the grid at a short page without waiting for the count', async () => {
    const count = deferred<{ count: number }>()
    const api = fakeApi(count.promise, 7)
    const source = createEntrySource(api, { result: ['error'] }, 0)
    const onCount = vi.fn()
    const block = getRows(0, 100)
    createDatasource(api, () => source, vi.fn(), onCount).getRows(block.params)
    expect((await block.done).lastRow).toBe(7)
    count.resolve({ count: 7 })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(onCount).not.toHaveBeenCalled()
  })

  it('does not hand a stale count to a grid that has moved on to another filter', async () => {
    const count = deferred<{ count: number }>()
    const api = fakeApi(count.promise, 100)
    let current = createEntrySource(api, {}, 0)
    const onCount = vi.fn()
    const datasource = createDatasource(api, () => current, vi.fn(), onCount)
    const block = getRows(0, 100)
    datasource.getRows(block.params)
    await block.done
    current = createEntrySource(api, { result: ['error'] }, 0)
    count.resolve({ count: 500 })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(onCount).not.toHaveBeenCalled()
  })
})
