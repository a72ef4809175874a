// The selected entry: Overview, Request, Response and Raw tabs.
import { forwardRef, useState } from 'react'
import type { EntryDetail, SourceInfo } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { ResultBadge } from '../../components/ResultBadge'
import { Tabs } from '../../components/Tabs'
import { VisibleText } from '../../components/VisibleText'
import { formatTimestamp } from '../../lib/time-format'
import { useApi } from '../../services'
import { useSettings } from '../../settings'
import { RawTab, RequestTab, ResponseTab } from './MessageTabs'
import { OverviewTab, type DetailActions } from './OverviewTab'
import { useEntryDetail } from './use-entry-detail'

type TabKey = 'overview' | 'request' | 'response' | 'raw'
const TABS: ReadonlyArray<{ key: TabKey; label: string }> = [
  { key: 'overview', label: 'Overview' },
  { key: 'request', label: 'Request' },
  { key: 'response', label: 'Response' },
  { key: 'raw', label: 'Raw' },
]

export interface DetailPaneProps {
  id: number
  sources: readonly SourceInfo[]
  revision: number
  actions: DetailActions
  onClose: () => void
  /** Escape: back to the grid */
  onLeave: () => void
}

export const DetailPane = forwardRef<HTMLButtonElement, DetailPaneProps>(function DetailPane(props, tabRef) {
  const { id, sources, revision, actions, onClose, onLeave } = props
  const api = useApi()
  const [tab, setTab] = useState<TabKey>('overview')
  const detail = useEntryDetail(api, id, revision)
  const entry = detail.entry

  return (
    <aside
      className={detail.stale && entry ? 'detail-pane is-stale' : 'detail-pane'}
      aria-label="Entry details"
      aria-busy={detail.loading}
      data-entry-id={entry?.id}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !(event.target as HTMLElement).closest('.cm-editor')) {
          event.preventDefault()
          onLeave()
        }
      }}
    >
      <header className="detail-header">
        {entry ? <DetailTitle entry={entry} /> : <span className="muted">{detail.loading ? 'Loading entry…' : ''}</span>}
        <span className="sr-only" role="status">
          {detail.loading ? 'Loading entry' : ''}
        </span>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Close details" title="Close details" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <Tabs ref={tabRef} label="Entry details" tabs={TABS} selected={tab} onSelect={setTab}>
        {detail.error ? (
          <p className="error-text pad">Could not load the entry: {detail.error.message}</p>
        ) : detail.missing ? (
          <p className="muted pad">This entry is no longer in the store (its source was removed).</p>
        ) : !entry ? (
          <p className="muted pad">Loading…</p>
        ) : (
          <TabContent tab={tab} entry={entry} sources={sources} revision={revision} actions={actions} />
        )}
      </Tabs>
    </aside>
  )
})

interface TabContentProps {
  tab: TabKey
  entry: EntryDetail
  sources: readonly SourceInfo[]
  revision: number
  actions: DetailActions
}

function TabContent({ tab, entry, sources, revision, actions }: TabContentProps) {
  const format = sources.find((s) => s.id === entry.sourceId)?.format ?? null
  if (tab === 'request') return <RequestTab entry={entry} />
  if (tab === 'response') return <ResponseTab entry={entry} />
  if (tab === 'raw') return <RawTab entry={entry} format={format} />
  return <OverviewTab entry={entry} format={format} revision={revision} actions={actions} />
}

function DetailTitle({ entry }: { entry: EntryDetail }) {
  const { timeMode } = useSettings()
  return (
    <div className="detail-title">
      <ResultBadge result={entry.result} />
      {entry.statusCode !== null && <span className="detail-status">{entry.statusCode}</span>}
      <span className="detail-function">
        <VisibleText text={entry.function ?? entry.endpoint ?? entry.path} empty="(no function)" />
      </span>
      <span className="detail-time muted">{formatTimestamp(entry.ts, timeMode)}</span>
    </div>
  )
}
