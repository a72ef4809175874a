// The health of the store file (issue 7), checked at start and whenever the store changes (the
// backend announces damage it finds later with storeChanged, which bumps the revision): sound,
// damaged (offer read-only or a new store) or open read-only. While it is not sound, imports are off.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { InspectorApi } from '../../../../shared/api'
import type { StoreHealth } from '../../../../shared/store-types'

export interface StoreHealthState {
  /** null until the backend has answered (or when it cannot say) */
  health: StoreHealth | null
  /** why imports are off, or null when they are on */
  importBlock: string | null
  /** the choice being carried out */
  busy: 'read-only' | 'rebuild' | null
  /** why the last choice failed */
  error: string | null
  openReadOnly(): Promise<void>
  rebuild(): Promise<void>
  /** where the last rebuild kept the damaged file, until the note about it is dismissed */
  keptAt: string | null
  dismissKept(): void
}

export function importBlockReason(health: StoreHealth | null): string | null {
  if (health?.status === 'corrupt') return 'Imports are off: the store is damaged. Open it read-only or start a new store first.'
  if (health?.status === 'read-only') return 'Imports are off while the damaged store is open read-only: start a new store to import.'
  return null
}

export function useStoreHealth(api: InspectorApi, revision: number): StoreHealthState {
  const [health, setHealth] = useState<StoreHealth | null>(null)
  const [busy, setBusy] = useState<StoreHealthState['busy']>(null)
  const [error, setError] = useState<string | null>(null)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const seq = useRef(0)

  useEffect(() => {
    const mine = ++seq.current
    api.getStoreHealth().then(
      (answer) => mine === seq.current && setHealth(answer),
      () => undefined, // an older backend without the check: assume the store is sound
    )
  }, [api, revision])

  const choose = useCallback(
    async (kind: 'read-only' | 'rebuild') => {
      const mine = ++seq.current
      setBusy(kind)
      setError(null)
      try {
        const answer = await (kind === 'read-only' ? api.openStoreReadOnly() : api.rebuildStore())
        if (mine === seq.current) setHealth(answer)
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure))
      } finally {
        setBusy(null)
      }
    },
    [api],
  )

  const keptAt = health?.status === 'ok' && health.backupPath && health.backupPath !== dismissed ? health.backupPath : null
  return {
    health,
    importBlock: importBlockReason(health),
    busy,
    error,
    openReadOnly: () => choose('read-only'),
    rebuild: () => choose('rebuild'),
    keptAt,
    dismissKept: () => setDismissed(health?.backupPath ?? null),
  }
}
