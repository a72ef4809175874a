// The application shell: empty state or workspace, imports (button, drop, progress, summary), sources.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { EntryFilter, ImportOptions as ImportChoice, SourceInfo } from '../../shared/types'
import { NoticeProvider, useNotify } from './components/Notices'
import { AnalysisDialogs } from './features/analysis/AnalysisDialogs'
import { AnalysisTools } from './features/analysis/AnalysisTools'
import { useAnalysis } from './features/analysis/use-analysis'
import { makeValueFormatter } from './features/filters/value-format'
import { DropOverlay } from './features/import/DropOverlay'
import { EmptyState } from './features/import/EmptyState'
import { FilePicker } from './features/import/FilePicker'
import { ImportProgressPanel } from './features/import/ImportProgressPanel'
import { ImportSummaryPanel } from './features/import/ImportSummaryPanel'
import { useFileDrop } from './features/import/use-file-drop'
import { useImports } from './features/import/use-imports'
import { ImportOptions } from './features/secrets/ImportOptions'
import { SecretsBanner } from './features/secrets/SecretsBanner'
import { SourcesDialog } from './features/sources/SourcesDialog'
import { DamagedStore } from './features/store-health/DamagedStore'
import { StoreHealthBanner } from './features/store-health/StoreHealthBanner'
import { useStoreHealth } from './features/store-health/use-store-health'
import { TriageButtons } from './features/triage/TriageButtons'
import { TriageDock } from './features/triage/TriageDock'
import { useTriage } from './features/triage/use-triage'
import { useSavedViews } from './features/views/use-saved-views'
import { ViewsSidebar } from './features/views/ViewsSidebar'
import { Toolbar } from './features/workspace/Toolbar'
import { useStoreData, useStoreRevision } from './features/workspace/use-store-data'
import { Workspace, type WorkspaceHandle } from './features/workspace/Workspace'
import { toVisibleText } from './lib/visible-text'
import { ServicesContext, useServices, type Services } from './services'
import { SettingsProvider } from './settings'

export function App({ services }: { services: Services }) {
  return (
    <ServicesContext.Provider value={services}>
      <SettingsProvider>
        <NoticeProvider>
          <Shell />
        </NoticeProvider>
      </SettingsProvider>
    </ServicesContext.Provider>
  )
}

function Shell() {
  const services = useServices()
  const notify = useNotify()
  const imports = useImports(services, notify)
  const { revision, removals } = useStoreRevision(services.on, imports.busy)
  const store = useStoreData(services.api, revision)
  const health = useStoreHealth(services.api, revision)
  // while the store is damaged or open read-only, every way of importing says why it is off
  const blocked = health.importBlock
  const damaged = health.health?.status === 'corrupt'
  const refuse = () => {
    if (blocked !== null) notify('error', blocked)
    return blocked !== null
  }
  const [filter, setFilter] = useState<EntryFilter>({})
  const [sourcesOpen, setSourcesOpen] = useState(false)
  const picker = useRef<HTMLInputElement>(null)
  const pickOptions = useRef<ImportChoice>({})
  const dragging = useFileDrop((files) => {
    if (!refuse()) void imports.openFiles(files)
  })
  const openPicker = (options: ImportChoice = {}) => {
    if (refuse()) return
    pickOptions.current = options
    picker.current?.click()
  }
  useOpenShortcut(openPicker)
  const workspace = useRef<WorkspaceHandle>(null)
  const grid = () => workspace.current?.grid ?? null
  const analysis = useAnalysis(services.on, workspace)
  const hasSources = store.info === undefined ? undefined : store.info.sourceCount > 0
  const views = useSavedViews({ api: services.api, notify, filter, setFilter, grid, hasSources })
  const format = useMemo(() => makeValueFormatter(store.sources), [store.sources])

  const removeSource = async (source: SourceInfo) => {
    try {
      await services.api.removeSource({ id: source.id })
      setFilter((f) => ({ ...f, sourceId: f.sourceId?.filter((id) => id !== source.id) }))
      notify('info', `Removed ${toVisibleText(source.name)}`)
    } catch (error) {
      notify('error', `Could not remove ${toVisibleText(source.name)}: ${(error as Error).message}`)
    }
  }
  const showOnlySource = (id: number) => setFilter({ sourceId: [id] })

  const info = store.info
  const isEmpty = info !== undefined && info.sourceCount === 0 && info.entryCount === 0 && !imports.busy
  const hasLog = info !== undefined && !isEmpty
  const triage = useTriage({ filter, onFilter: setFilter, revision, importing: imports.busy, enabled: hasLog })
  return (
    <div className="app">
      <Toolbar
        sourceCount={info?.sourceCount ?? 0}
        entryCount={info?.entryCount ?? 0}
        onImport={() => openPicker()}
        importBlocked={blocked}
        onSources={() => setSourcesOpen(true)}
        importOptions={blocked ? null : <ImportOptions onChoose={openPicker} />}
        triage={damaged ? null : <TriageButtons triage={triage} />}
        tools={
          damaged ? null : (
            <AnalysisTools
              analysis={analysis}
              views={views}
              hasEntries={(info?.entryCount ?? 0) > 0}
              sourceCount={info?.sourceCount ?? 0}
            />
          )
        }
      />
      <SecretsBanner
        hasSecretsKept={info?.hasSecretsKept ?? false}
        sources={store.sources}
        onOpenSources={() => setSourcesOpen(true)}
      />
      <StoreHealthBanner state={health} />
      <ImportProgressPanel imports={imports} />
      <div className="workspace-row">
        {analysis.viewsOpen && !damaged && (
          <ViewsSidebar views={views} filter={filter} format={format} grid={grid} onClose={analysis.closeViews} />
        )}
        {info && hasLog && !damaged && <TriageDock triage={triage} span={{ from: info.firstTs, to: info.lastTs }} />}
        {damaged ? (
          <DamagedStore state={health} />
        ) : info === undefined ? (
          <main className="loading-screen" aria-busy="true">
            {store.infoError ? `Cannot reach the backend: ${store.infoError.message}` : 'Opening the store…'}
          </main>
        ) : isEmpty ? (
          <EmptyState
            onOpen={() => openPicker()}
            onSample={() => {
              if (!refuse()) void imports.importSample()
            }}
            busy={imports.busy}
            blocked={blocked}
          />
        ) : (
          <Workspace
            filter={filter}
            onFilter={setFilter}
            revision={revision}
            removals={removals}
            info={info}
            sources={store.sources}
            importing={imports.busy}
            ref={workspace}
            reveal={triage.reveal}
          />
        )}
      </div>
      <AnalysisDialogs
        dialog={analysis.dialog}
        filter={filter}
        onFilter={setFilter}
        sources={store.sources}
        format={format}
        onClose={analysis.close}
      />
      <ImportSummaryPanel summaries={imports.summaries} onDismiss={imports.dismiss} onShowSource={showOnlySource} />
      <FilePicker ref={picker} onFiles={(files) => void imports.openFiles(files, pickOptions.current)} />
      <DropOverlay visible={dragging} />
      {sourcesOpen && (
        <SourcesDialog
          sources={store.sources}
          onClose={() => setSourcesOpen(false)}
          onRemove={removeSource}
          onShowOnly={(s) => {
            showOnlySource(s.id)
            setSourcesOpen(false)
          }}
          onImport={() => openPicker()}
        />
      )}
    </div>
  )
}

/** Ctrl+O / Cmd+O opens the file picker. */
function useOpenShortcut(open: () => void) {
  const openRef = useRef(open)
  useEffect(() => {
    openRef.current = open
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'o') {
        event.preventDefault()
        openRef.current()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
