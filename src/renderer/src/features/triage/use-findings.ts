// Automatic findings over the whole store, recomputed when the store changes (not on every refresh
// while an import runs: they would be stale a moment later anyway).
import { useState } from 'react'
import type { Finding } from '../../../../shared/triage-types'
import { useAsync, type AsyncState } from '../../hooks/use-async'
import { useApi } from '../../services'

export function useFindings(revision: number, importing: boolean, enabled: boolean): AsyncState<Finding[]> {
  const api = useApi()
  const [settled, setSettled] = useState(revision)
  if (!importing && settled !== revision) setSettled(revision)
  return useAsync(enabled ? () => api.getFindings({}) : null, `findings#${settled}#${enabled}`)
}
