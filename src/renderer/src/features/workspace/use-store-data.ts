// Store-wide data (totals, sources) and the revision number that tells every view to reload.
import { useEffect, useState } from 'react'
import type { InspectorApi, Subscribe } from '../../../../shared/api'
import { useAsync } from '../../hooks/use-async'

/** While an import runs, views reload this often so new rows become browsable. */
export const IMPORT_REFRESH_MS = 2000

export interface StoreRevision {
  /** bumps whenever the store may have changed (rows added or removed) */
  revision: number
  /** bumps only when entries may have disappeared (a source removed), not when rows are added */
  removals: number
}

export function useStoreRevision(on: Subscribe, importing: boolean): StoreRevision {
  const [state, setState] = useState<StoreRevision>({ revision: 0, removals: 0 })
  useEffect(() => {
    const offChanged = on('storeChanged', ({ reason }) =>
      setState((s) => ({ revision: s.revision + 1, removals: reason === 'import' ? s.removals : s.removals + 1 })),
    )
    const offFinished = on('importFinished', () => setState((s) => ({ ...s, revision: s.revision + 1 })))
    return () => {
      offChanged()
      offFinished()
    }
  }, [on])
  useEffect(() => {
    if (!importing) return
    const timer = setInterval(() => setState((s) => ({ ...s, revision: s.revision + 1 })), IMPORT_REFRESH_MS)
    return () => clearInterval(timer)
  }, [importing])
  return state
}

export function useStoreData(api: InspectorApi, revision: number) {
  const info = useAsync(() => api.getStoreInfo(), `info#${revision}`)
  const sources = useAsync(() => api.listSources(), `sources#${revision}`)
  return { info: info.value, infoError: info.error, sources: sources.value ?? [] }
}
