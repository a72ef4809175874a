// Import jobs as the UI sees them: uploads in flight, progress from importProgress events, and the
// summaries of jobs started from this window once importFinished arrives. Events can arrive before
// startImport resolves (small files finish fast), so everything is keyed by job id and merged.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ImportFileRef, ImportOptions, ImportProgress, ImportSummary } from '../../../../shared/types'
import type { Services } from '../../services'

export interface JobView {
  jobId: string
  progress: ImportProgress | null
  summary: ImportSummary | null
}

export interface Imports {
  /** jobs still running (from any client) */
  running: JobView[]
  /** names of files being uploaded or handed to the backend */
  preparing: string[]
  /** finished jobs started here whose summary has not been dismissed */
  summaries: ImportSummary[]
  busy: boolean
  /** options: e.g. keepSecrets, chosen for this import only */
  openFiles(files: File[], options?: ImportOptions): Promise<void>
  importSample(): Promise<void>
  cancel(jobId: string): Promise<void>
  dismiss(jobId: string): void
}

export function useImports(services: Services, notify: (kind: 'error' | 'info', text: string) => void): Imports {
  const { api, on, toFileRef } = services
  const [jobs, setJobs] = useState<Record<string, JobView>>({})
  const [owned, setOwned] = useState<string[]>([])
  const [dismissed, setDismissed] = useState<string[]>([])
  const [preparing, setPreparing] = useState<string[]>([])
  const notifyRef = useRef(notify)
  useEffect(() => {
    notifyRef.current = notify
  })

  useEffect(() => {
    const update = (jobId: string, patch: Partial<JobView>) =>
      setJobs((all) => ({ ...all, [jobId]: { ...(all[jobId] ?? { jobId, progress: null, summary: null }), ...patch } }))
    const offProgress = on('importProgress', (progress) => update(progress.jobId, { progress }))
    const offFinished = on('importFinished', (summary) => update(summary.jobId, { summary }))
    return () => {
      offProgress()
      offFinished()
    }
  }, [on])

  const start = useCallback(
    async (names: string[], begin: () => Promise<{ jobId: string }>) => {
      setPreparing((list) => [...list, ...names])
      try {
        const { jobId } = await begin()
        setOwned((list) => [...list, jobId])
        setJobs((all) => (all[jobId] ? all : { ...all, [jobId]: { jobId, progress: null, summary: null } }))
      } catch (error) {
        notifyRef.current('error', `Could not import ${names.join(', ')}: ${(error as Error).message}`)
      } finally {
        setPreparing((list) => list.filter((n) => !names.includes(n)))
      }
    },
    [],
  )

  const openFiles = useCallback(
    async (files: File[], options: ImportOptions = {}) => {
      if (files.length === 0) return
      const names = files.map((f) => f.name)
      await start(names, async () => {
        const refs: ImportFileRef[] = []
        for (const file of files) refs.push(await toFileRef(file))
        return api.startImport({ ...options, files: refs })
      })
    },
    [api, start, toFileRef],
  )

  const importSample = useCallback(() => start(['sample data'], () => api.importSample()), [api, start])

  const cancel = useCallback(
    async (jobId: string) => {
      try {
        await api.cancelImport({ jobId })
      } catch (error) {
        notifyRef.current('error', `Could not cancel the import: ${(error as Error).message}`)
      }
    },
    [api],
  )

  const dismiss = useCallback((jobId: string) => setDismissed((list) => [...list, jobId]), [])

  return useMemo(() => {
    const all = Object.values(jobs)
    const running = all.filter((j) => !j.summary)
    const summaries = all
      .filter((j) => j.summary && owned.includes(j.jobId) && !dismissed.includes(j.jobId))
      .map((j) => j.summary as ImportSummary)
    const busy = running.length > 0 || preparing.length > 0
    return { running, preparing, summaries, busy, openFiles, importSample, cancel, dismiss }
  }, [jobs, owned, dismissed, preparing, openFiles, importSample, cancel, dismiss])
}
