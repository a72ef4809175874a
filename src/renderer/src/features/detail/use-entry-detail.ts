// Loads the selected entry's detail. Holding an arrow key in the grid changes the selection many
// times a second, so the load waits for the selection to settle and keeps only the newest reply.
// Until it arrives the previous entry stays on screen (marked stale) instead of flashing empty.
import { useEffect, useRef, useState } from 'react'
import type { InspectorApi } from '../../../../shared/api'
import type { EntryDetail } from '../../../../shared/types'

const SETTLE_MS = 70
const CACHE_SIZE = 30

export interface DetailState {
  /** the loaded entry: the requested one, or the previous one while `stale` */
  entry: EntryDetail | null
  stale: boolean
  loading: boolean
  error: Error | null
  missing: boolean
}

interface Loaded {
  key: string
  entry: EntryDetail | null
  error: Error | null
}

export function useEntryDetail(api: InspectorApi, id: number | null, revision: number): DetailState {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const cache = useRef({ revision, entries: new Map<number, EntryDetail>() })
  const key = `${id}#${revision}`

  useEffect(() => {
    if (id === null) return
    if (cache.current.revision !== revision) cache.current = { revision, entries: new Map() }
    const entries = cache.current.entries
    let live = true
    const cached = entries.get(id)
    const timer = setTimeout(
      () => {
        if (cached) return setLoaded({ key, entry: cached, error: null })
        api.getEntry({ id }).then(
          (entry) => {
            if (entry) entries.set(id, entry)
            if (entries.size > CACHE_SIZE) entries.delete(entries.keys().next().value as number)
            if (live) setLoaded({ key, entry, error: null })
          },
          (error: unknown) => {
            if (live) setLoaded({ key, entry: null, error: error instanceof Error ? error : new Error(String(error)) })
          },
        )
      },
      cached ? 0 : SETTLE_MS,
    )
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, id, revision, key])

  if (id === null) return { entry: null, stale: false, loading: false, error: null, missing: false }
  if (loaded?.key === key) {
    return { entry: loaded.entry, stale: false, loading: false, error: loaded.error, missing: !loaded.error && !loaded.entry }
  }
  return { entry: loaded?.entry ?? null, stale: true, loading: true, error: null, missing: false }
}
