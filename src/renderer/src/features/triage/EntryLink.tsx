// A pointer to one entry of the evidence: clicking it selects the row in the grid and opens it.
import type { EntryRef } from '../../../../shared/triage-types'
import { ResultBadge } from '../../components/ResultBadge'
import { VisibleText } from '../../components/VisibleText'
import { formatDateTime } from '../../lib/time-format'
import { useSettings } from '../../settings'

export interface EntryLinkProps {
  label: string
  entry: EntryRef
  onShow: (entry: EntryRef) => void
}

export function EntryLink({ label, entry, onShow }: EntryLinkProps) {
  const { timeMode } = useSettings()
  const time = entry.ts ? formatDateTime(entry.ts, timeMode) : 'no time'
  return (
    <button
      type="button"
      className="entry-link"
      aria-label={`${label}: show entry ${entry.id} (${time}) in the grid`}
      onClick={() => onShow(entry)}
    >
      <span className="entry-link-label">{label}</span>
      <span className="entry-link-line">
        <span className="entry-link-time">{time}</span>
        <ResultBadge result={entry.result} />
        {entry.statusCode !== null && <span className="entry-link-status">{entry.statusCode}</span>}
        <span className="entry-link-fn">
          <VisibleText text={entry.function} empty="(no function)" />
        </span>
      </span>
      {entry.resultReason && (
        <span className="entry-link-reason">
          <VisibleText text={entry.resultReason} />
        </span>
      )}
    </button>
  )
}

/** "#1024" buttons for example entries that have no summary of their own. */
export function ExampleLinks({ ids, onShow }: { ids: readonly number[]; onShow: (id: number) => void }) {
  if (ids.length === 0) return null
  return (
    <span className="example-links">
      {ids.map((id) => (
        <button
          key={id}
          type="button"
          className="btn btn-small btn-ghost example-link"
          aria-label={`Show example entry ${id}`}
          onClick={() => onShow(id)}
        >
          #{id}
        </button>
      ))}
    </span>
  )
}
