// One export as the dialog sees it: starting, rows written so far (exportProgress), and the outcome
// (exportFinished). Events can arrive before startExport resolves (small exports finish at once), so
// they are kept by export id and merged when the id is known.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ExportFinished, ExportProgress, ExportRequest } from '../../../../shared/export-types'
import type { Services } from '../../services'

export type ExportJob =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; exportId: string; rows: number; total: number | null; cancelling: boolean }
  | { phase: 'finished'; result: ExportFinished }
  /** the backend refused to start (a bad filter, an unwritable path) */
  | { phase: 'refused'; message: string }

export interface ExportJobControls {
  job: ExportJob
  start(request: ExportRequest): Promise<void>
  cancel(): Promise<void>
  reset(): void
}

interface Seen {
  progress?: ExportProgress
  finished?: ExportFinished
}

export function useExportJob({ api, on }: Pick<Services, 'api' | 'on'>): ExportJobControls {
  const [job, setJob] = useState<ExportJob>({ phase: 'idle' })
  const seen = useRef(new Map<string, Seen>())
  const current = useRef<string | null>(null)

  useEffect(() => {
    const remember = (id: string, patch: Seen) => seen.current.set(id, { ...seen.current.get(id), ...patch })
    const offProgress = on('exportProgress', (progress) => {
      remember(progress.exportId, { progress })
      if (progress.exportId !== current.current) return
      setJob((j) => (j.phase === 'running' ? { ...j, rows: progress.rows, total: progress.total } : j))
    })
    const offFinished = on('exportFinished', (finished) => {
      remember(finished.exportId, { finished })
      if (finished.exportId === current.current) setJob({ phase: 'finished', result: finished })
    })
    return () => {
      offProgress()
      offFinished()
    }
  }, [on])

  const start = useCallback(
    async (request: ExportRequest) => {
      setJob({ phase: 'starting' })
      try {
        const { exportId } = await api.startExport(request)
        current.current = exportId
        const early = seen.current.get(exportId)
        if (early?.finished) return setJob({ phase: 'finished', result: early.finished })
        const { rows = 0, total = null } = early?.progress ?? {}
        setJob({ phase: 'running', exportId, rows, total, cancelling: false })
      } catch (error) {
        setJob({ phase: 'refused', message: (error as Error).message })
      }
    },
    [api],
  )

  const cancel = useCallback(async () => {
    const exportId = current.current
    if (!exportId) return
    setJob((j) => (j.phase === 'running' ? { ...j, cancelling: true } : j))
    try {
      await api.cancelExport({ exportId })
    } catch {
      // it finished meanwhile: its exportFinished event tells the outcome
    }
  }, [api])

  const reset = useCallback(() => {
    current.current = null
    setJob({ phase: 'idle' })
  }, [])

  return { job, start, cancel, reset }
}
