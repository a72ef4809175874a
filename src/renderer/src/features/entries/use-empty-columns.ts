// Which columns every loaded source leaves empty. Exact counts for the filterable columns (index-
// backed for all but Method) and small samples for the rest, run once the store has settled — not
// while an import is running, and not again until the sources change — after the grid's own queries.
import { useEffect, useState } from 'react'
import type { InspectorApi } from '../../../../shared/api'
import type { EntryFilter, EntryRow, SourceInfo } from '../../../../shared/types'
import { EMPTY_CHECKS, SAMPLED_COLUMNS } from './empty-columns'

const SAMPLE = 200
const ERRORS: EntryFilter = { result: ['error', 'notice'] }

async function countedEmpty(api: InspectorApi, total: number, live: () => boolean): Promise<string[]> {
  const empty: string[] = []
  for (const check of EMPTY_CHECKS) {
    if (!live()) break
    const { count } = await api.countEntries({ filter: check.empty })
    if (count >= total) empty.push(check.colId)
  }
  return empty
}

async function sampledEmpty(api: InspectorApi, live: () => boolean): Promise<string[]> {
  const rows: EntryRow[] = []
  for (const filter of [{}, ERRORS]) {
    for (const dir of ['asc', 'desc'] as const) {
      if (!live()) return []
      rows.push(...(await api.queryEntries({ filter, sort: { field: 'ts', dir }, limit: SAMPLE })).rows)
    }
  }
  return SAMPLED_COLUMNS.filter((col) => rows.every((row) => row[col] === null || row[col] === ''))
}

export function useEmptyColumns(
  api: InspectorApi,
  sources: readonly SourceInfo[],
  importing: boolean,
  after: Promise<unknown>,
): ReadonlySet<string> | null {
  const [empty, setEmpty] = useState<ReadonlySet<string> | null>(null)
  const total = sources.reduce((sum, s) => sum + s.entryCount, 0)
  const oneFormat = new Set(sources.map((s) => s.format)).size === 1
  const key = `${sources.map((s) => s.id).join(',')}#${total}`

  useEffect(() => {
    if (importing || total === 0) return
    let live = true
    const isLive = () => live
    const run = async () => {
      await after.catch(() => undefined)
      const columns = await countedEmpty(api, total, isLive)
      if (oneFormat) columns.push(...(await sampledEmpty(api, isLive)))
      if (live) setEmpty(new Set(columns))
    }
    run().catch(() => undefined) // a failed check leaves every column shown
    return () => {
      live = false
    }
    // `after` only orders the first run: a new promise alone is no reason to check again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, importing, total, oneFormat])

  return empty
}
