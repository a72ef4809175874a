// The application shell: empty state or workspace, imports (button, drop, progress, summary), sources.
import { useEffect, useRef, useState } from 'react'
import type { EntryFilter, SourceInfo } from '../../shared/types'
import { NoticeProvider, useNotify } from './components/Notices'
import { DropOverlay } from './features/import/DropOverlay'
import { EmptyState } from './features/import/EmptyState'
import { FilePicker } from './features/import/FilePicker'
import { ImportProgressPanel } from './features/import/ImportProgressPanel'
import { ImportSummaryPanel } from './features/import/ImportSummaryPanel'
import { useFileDrop } from './features/import/use-file-drop'
import { useImports } from './features/import/use-imports'
import { SourcesDialog } from './features/sources/SourcesDialog'
import { Toolbar } from './features/workspace/Toolbar'
import { useStoreData, useStoreRevision } from './features/workspace/use-store-data'
import { Workspace } from './features/workspace/Workspace'
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
  const [filter, setFilter] = useState<EntryFilter>({})
  const [sourcesOpen, setSourcesOpen] = useState(false)
  const picker = useRef<HTMLInputElement>(null)
  const dragging = useFileDrop((files) => void imports.openFiles(files))
  const openPicker = () => picker.current?.click()
  useOpenShortcut(openPicker)

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
  return (
    <div className="app">
      <Toolbar
        sourceCount={info?.sourceCount ?? 0}
        entryCount={info?.entryCount ?? 0}
        onImport={openPicker}
        onSources={() => setSourcesOpen(true)}
      />
      <ImportProgressPanel imports={imports} />
      {info === undefined ? (
        <main className="loading-screen" aria-busy="true">
          {store.infoError ? `Cannot reach the backend: ${store.infoError.message}` : 'Opening the store…'}
        </main>
      ) : isEmpty ? (
        <EmptyState onOpen={openPicker} onSample={() => void imports.importSample()} busy={imports.busy} />
      ) : (
        <Workspace
          filter={filter}
          onFilter={setFilter}
          revision={revision}
          removals={removals}
          info={info}
          sources={store.sources}
          importing={imports.busy}
        />
      )}
      <ImportSummaryPanel summaries={imports.summaries} onDismiss={imports.dismiss} onShowSource={showOnlySource} />
      <FilePicker ref={picker} onFiles={(files) => void imports.openFiles(files)} />
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
          onImport={openPicker}
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
