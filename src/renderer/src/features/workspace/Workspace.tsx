// The main screen once a log is loaded: filters, timeline, status line, grid and detail pane.
import type { GridApi } from 'ag-grid-community'
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react'
import type { EntryFilter, EntryRow, SourceInfo, StoreInfo } from '../../../../shared/types'
import { useNotify } from '../../components/Notices'
import { usePersistentState } from '../../hooks/use-persistent-state'
import { useApi } from '../../services'
import { useSettings } from '../../settings'
import { DetailPane } from '../detail/DetailPane'
import type { DetailActions } from '../detail/OverviewTab'
import { EntryGrid } from '../entries/EntryGrid'
import { useRevealEntry, type RevealRequest } from '../entries/use-reveal-entry'
import { StatusLine } from '../entries/StatusLine'
import { useEmptyColumns } from '../entries/use-empty-columns'
import { FilterBar } from '../filters/FilterBar'
import { aroundRange, clearAll, isEmptyFilter, setTimeRange, setValues, summarizeFilter } from '../filters/filter-model'
import { makeValueFormatter } from '../filters/value-format'
import { Timeline } from '../timeline/Timeline'
import { Splitter } from './Splitter'
import { useWorkspaceData } from './use-workspace-data'

export interface WorkspaceProps {
  filter: EntryFilter
  onFilter: (filter: EntryFilter) => void
  revision: number
  /** bumps only when entries may have been removed (the detail pane reloads then) */
  removals: number
  info: StoreInfo
  sources: readonly SourceInfo[]
  importing: boolean
  /** the grid and the selected entry, for the app shell's tools (saved views, export) */
  ref?: Ref<WorkspaceHandle>
  /** an entry to select and scroll to (triage evidence) */
  reveal?: RevealRequest | null
}

export interface WorkspaceHandle {
  grid: GridApi<EntryRow> | null
  selectedId: number | null
}

const isPercent = (v: unknown): v is number => typeof v === 'number' && v >= 20 && v <= 80

export function Workspace(props: WorkspaceProps) {
  const { filter, onFilter, revision, removals, info, sources, importing, ref, reveal = null } = props
  const { timeMode } = useSettings()
  const notify = useNotify()
  const { source, count, histogram } = useWorkspaceData(filter, revision)
  const emptyColumns = useEmptyColumns(useApi(), sources, importing, source.count)
  const [selected, setSelected] = useState<{ id: number; ts: string | null } | null>(null)
  const [grid, setGrid] = useState<GridApi<EntryRow> | null>(null)
  const [paneWidth, setPaneWidth] = usePersistentState('inspector.detailWidth', 44, isPercent)
  const searchRef = useRef<HTMLInputElement>(null)
  const detailTab = useRef<HTMLButtonElement>(null)
  const split = useRef<HTMLDivElement>(null)
  const format = useMemo(() => makeValueFormatter(sources), [sources])
  useGlobalKeys(searchRef)
  useRevealEntry(grid, reveal, source.filterKey, {
    onSelect: (id, ts) => setSelected({ id, ts }),
    onMissing: (message) => notify('info', message),
  })
  useImperativeHandle(ref, () => ({ grid, selectedId: selected?.id ?? null }), [grid, selected])

  const focusGrid = () => {
    if (!grid) return
    const index = selected ? grid.getRowNode(String(selected.id))?.rowIndex : null
    const column = grid.getAllDisplayedColumns()[0]
    if (index !== null && index !== undefined && column) {
      grid.ensureIndexVisible(index)
      grid.setFocusedCell(index, column)
    } else if (column) grid.setFocusedCell(0, column)
  }

  const actions: DetailActions = {
    onFilterValue: (field, value) => onFilter(setValues(filter, field, [value])),
    onAround: (ts) => {
      const range = aroundRange(ts, 5)
      onFilter(setTimeRange(filter, range.from, range.to))
    },
    onSelectId: (id) => {
      setSelected({ id, ts: null })
      const node = grid?.getRowNode(String(id))
      if (node?.rowIndex !== null && node?.rowIndex !== undefined) grid?.ensureIndexVisible(node.rowIndex)
    },
  }

  return (
    <main className="workspace">
      <FilterBar
        ref={searchRef}
        filter={filter}
        onChange={onFilter}
        format={format}
        lastTs={info.lastTs ?? histogram.value?.to ?? null}
        pointTs={selected?.ts ?? null}
        revision={revision}
      />
      <Timeline
        histogram={histogram.value}
        loading={histogram.loading}
        error={histogram.error}
        from={filter.from}
        to={filter.to}
        onRange={(from, to) => onFilter(setTimeRange(filter, from, to))}
        onClearRange={() => onFilter(setTimeRange(filter, undefined, undefined))}
      />
      <StatusLine
        count={count.loading && count.value === undefined ? undefined : count.value}
        counting={count.loading}
        error={count.error}
        summary={summarizeFilter(filter, format, timeMode)}
        importing={importing}
        grid={grid}
        emptyColumns={emptyColumns}
      />
      <div className="split" ref={split}>
        <div className="grid-area">
          <EntryGrid
            source={source}
            sources={sources}
            selectedId={selected?.id ?? null}
            onSelect={(row) => setSelected({ id: row.id, ts: row.ts })}
            onOpenDetail={() => detailTab.current?.focus()}
            onReady={setGrid}
            onError={(e) => notify('error', `Could not load entries: ${e.message}`)}
            emptyColumns={emptyColumns}
          />
          {count.value === 0 && !count.loading && (
            <NoMatches filtered={!isEmptyFilter(filter)} onClear={() => onFilter(clearAll())} />
          )}
        </div>
        {selected && (
          <>
            <Splitter value={paneWidth} min={20} max={80} onChange={setPaneWidth} container={split} />
            <div className="detail-area" style={{ width: `${paneWidth}%` }}>
              <DetailPane
                ref={detailTab}
                id={selected.id}
                sources={sources}
                revision={removals}
                actions={actions}
                onClose={() => {
                  setSelected(null)
                  focusGrid()
                }}
                onLeave={focusGrid}
              />
            </div>
          </>
        )}
      </div>
    </main>
  )
}

function NoMatches({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <div className="no-matches" role="status">
      <p>{filtered ? 'No entries match these filters.' : 'No entries yet.'}</p>
      {filtered && (
        <button type="button" className="btn" onClick={onClear}>
          Clear all filters
        </button>
      )}
    </div>
  )
}

/** "/" focuses the search box from anywhere that is not a text field. */
function useGlobalKeys(searchRef: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]')
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [searchRef])
}
