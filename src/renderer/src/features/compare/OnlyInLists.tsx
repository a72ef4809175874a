// Functions, API Users and Agent Users seen in one source and never in the other. Each value filters
// the grid to its entries; a list cut by the request limit says how many it leaves out.
import type { PresenceDiff, PresenceList } from '../../../../shared/compare-types'
import type { EntryFilter } from '../../../../shared/types'
import { VisibleText } from '../../components/VisibleText'
import { formatCount } from '../../lib/format'

const GROUPS: ReadonlyArray<{ key: keyof PresenceDiff; label: string }> = [
  { key: 'functions', label: 'Functions' },
  { key: 'apiUsers', label: 'API Users' },
  { key: 'agentUsers', label: 'Agent Users' },
]

export interface OnlyInProps {
  /** "Only in A — yesterday.har" */
  title: string
  side: 'a' | 'b'
  diff: PresenceDiff
  onFilter: (filter: EntryFilter) => void
}

export function OnlyIn({ title, side, diff, onFilter }: OnlyInProps) {
  return (
    <section className={`only-in only-in-${side}`} aria-label={title}>
      <h3>{title}</h3>
      {GROUPS.map(({ key, label }) => (
        <PresenceGroup key={key} label={label} list={diff[key]} onFilter={onFilter} />
      ))}
    </section>
  )
}

function PresenceGroup({ label, list, onFilter }: { label: string; list: PresenceList; onFilter: (f: EntryFilter) => void }) {
  return (
    <div className="presence-group">
      <h4>
        {label} <span className="count-badge">{formatCount(list.total)}</span>
      </h4>
      {list.total === 0 ? (
        <p className="muted small">none</p>
      ) : (
        <ul className="presence-list" aria-label={label}>
          {list.items.map((item) => (
            <li key={item.value}>
              <button type="button" className="presence-item" onClick={() => onFilter(item.filter)} title="Show these entries">
                <span className="presence-value">
                  <VisibleText text={item.value} />
                </span>
                <span className="presence-count">{formatCount(item.count)}</span>
              </button>
            </li>
          ))}
          {list.items.length < list.total && (
            <li className="muted small">and {formatCount(list.total - list.items.length)} more not listed</li>
          )}
        </ul>
      )}
    </div>
  )
}
