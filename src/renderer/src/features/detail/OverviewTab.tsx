// The summary an agent reads first: who called what, the outcome and why, when (UTC and local).
import type { ReactNode } from 'react'
import type { EntryDetail, SourceFormat } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { ResultBadge } from '../../components/ResultBadge'
import { VisibleText } from '../../components/VisibleText'
import { positionLabel } from '../../lib/position'
import { formatDuration, formatTimestamp } from '../../lib/time-format'
import { toVisibleText } from '../../lib/visible-text'
import type { FilterValue, ListField } from '../filters/filter-model'
import { RelatedEntries } from './RelatedEntries'

export interface DetailActions {
  onFilterValue: (field: ListField, value: FilterValue) => void
  onAround: (ts: string) => void
  onSelectId: (id: number) => void
}

interface OverviewProps {
  entry: EntryDetail
  format: SourceFormat | null
  revision: number
  actions: DetailActions
}

export function OverviewTab({ entry, format, revision, actions }: OverviewProps) {
  const filterButton = (field: ListField, label: string, value: FilterValue) =>
    value === null ? null : (
      <button
        type="button"
        className="btn btn-ghost btn-icon inline-action"
        aria-label={`Show only ${label} ${toVisibleText(String(value))}`}
        title={`Show only entries with this ${label}`}
        onClick={() => actions.onFilterValue(field, value)}
      >
        <Icon name="filter" size={13} />
      </button>
    )

  // a successful call's reason is the source's message ("add_lead LEAD HAS BEEN ADDED"), not an error
  const reasonLabel = entry.result === 'success' ? 'Message' : 'Error text'
  return (
    <div className="overview">
      {entry.resultReason && (
        <div className={`reason-box reason-${entry.result}`} role="note" aria-label={reasonLabel}>
          <VisibleText text={entry.resultReason} multiline />
          {entry.errorCode && <span className="reason-code">code {entry.errorCode}</span>}
        </div>
      )}
      <dl className="facts">
        <Fact label="API User" action={filterButton('apiUser', 'API User', entry.apiUser)}>
          <VisibleText text={entry.apiUser} empty="(none)" />
        </Fact>
        <Fact label="Agent User" action={filterButton('agentUser', 'Agent User', entry.agentUser)}>
          <VisibleText text={entry.agentUser} empty="(none)" />
        </Fact>
        <Fact label="Function" action={filterButton('function', 'Function', entry.function)}>
          <VisibleText text={entry.function} empty="(none)" />
        </Fact>
        <Fact label="Result" action={filterButton('result', 'Result', entry.result)}>
          <ResultBadge result={entry.result} />
        </Fact>
        <Fact label={reasonLabel}>
          <VisibleText text={entry.resultReason} multiline empty="(none)" />
        </Fact>
        <Fact label="Error code">
          <VisibleText text={entry.errorCode} empty="(none)" />
        </Fact>
        <Fact label="Status">
          {entry.statusCode === null ? <span className="empty-value">(no HTTP status)</span> : `${entry.statusCode} `}
          <VisibleText text={entry.statusText} />
        </Fact>
        <Fact label="Time (UTC)">{entry.ts ? formatTimestamp(entry.ts, 'utc') : <span className="empty-value">(no time)</span>}</Fact>
        <Fact
          label="Time (local)"
          action={
            entry.ts && (
              <button type="button" className="btn btn-small btn-ghost" onClick={() => actions.onAround(entry.ts as string)}>
                ± 5 min around
              </button>
            )
          }
        >
          {entry.ts ? formatTimestamp(entry.ts, 'local') : ''}
        </Fact>
        <Fact label="Duration">{formatDuration(entry.durationMs) || <span className="empty-value">(not logged)</span>}</Fact>
        {entry.delayMs !== null && <Fact label="Delay">{formatDuration(entry.delayMs)}</Fact>}
        <Fact label="Endpoint">
          <span className="mono">
            <VisibleText text={[entry.method, entry.endpoint ?? entry.path].filter(Boolean).join(' ')} empty="(none)" />
          </span>
        </Fact>
        <Optional label="Service" text={entry.service} />
        <Optional label="Tenant" text={entry.tenant} />
        <Optional label="Client IP" text={entry.clientIp} />
        <Optional label="Correlation ID" text={entry.correlationId} mono />
        <Optional label="Origin" text={entry.origin} />
        <Fact label="Source">
          <VisibleText text={entry.sourceName} />
          <span className="muted">, {positionLabel(format, entry.position)}</span>
        </Fact>
      </dl>
      <RelatedEntries
        entry={entry}
        revision={revision}
        onSelect={actions.onSelectId}
        onFilter={(id) => actions.onFilterValue('correlationId', id)}
      />
    </div>
  )
}

function Fact({ label, children, action }: { label: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>
        <span className="fact-value">{children}</span>
        {action}
      </dd>
    </div>
  )
}

function Optional({ label, text, mono }: { label: string; text: string | null; mono?: boolean }) {
  if (text === null || text === '') return null
  return (
    <Fact label={label}>
      <span className={mono ? 'mono' : undefined}>
        <VisibleText text={text} />
      </span>
    </Fact>
  )
}
