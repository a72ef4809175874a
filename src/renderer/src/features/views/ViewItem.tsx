// One saved view in the sidebar: its name, what it filters, its time range, when it was last used,
// Apply, and the less frequent actions behind a "More actions" button.
import type { SavedView } from '../../../../shared/view-types'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'
import { useSettings } from '../../settings'
import type { ValueFormatter } from '../filters/filter-model'
import { describeLastUsed, describeViewFilter, describeViewTime } from './view-model'

export type ViewAction = 'rename' | 'duplicate' | 'export' | 'delete'

export interface ViewItemProps {
  view: SavedView
  format: ValueFormatter
  /** 'applied' / 'changed' when this is the view applied last */
  state: 'applied' | 'changed' | null
  onApply: () => void
  onAction: (action: ViewAction) => void
}

const ACTIONS: ReadonlyArray<{ action: ViewAction; label: string }> = [
  { action: 'rename', label: 'Rename…' },
  { action: 'duplicate', label: 'Duplicate' },
  { action: 'export', label: 'Export to a file' },
  { action: 'delete', label: 'Delete…' },
]

export function ViewItem({ view, format, state, onApply, onAction }: ViewItemProps) {
  const { timeMode } = useSettings()
  const filterText = describeViewFilter(view, format, timeMode)
  const extras = [
    describeViewTime(view.timeRange, timeMode),
    view.columns.length > 0 || view.sort ? 'own columns and sort' : null,
  ].filter(Boolean)
  return (
    <li className={state ? 'view-item is-active' : 'view-item'} aria-current={state ? 'true' : undefined}>
      <div className="view-item-head">
        <span className="view-name">{view.name}</span>
        {state && (
          <span className={`view-state view-state-${state}`}>{state === 'applied' ? 'applied' : 'applied, filters changed'}</span>
        )}
      </div>
      <p className="view-filter" title={filterText}>
        {filterText}
      </p>
      <p className="view-meta">{extras.join(' · ')}</p>
      <div className="view-item-foot">
        <span className="view-used">{describeLastUsed(view.lastUsedAt, timeMode)}</span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" aria-label={`Apply view ${view.name}`} onClick={onApply}>
          Apply
        </button>
        <Popover
          label={`More actions for ${view.name}`}
          panelLabel={`Actions for ${view.name}`}
          align="end"
          triggerClassName="btn btn-small btn-ghost btn-icon"
          triggerTitle="Rename, duplicate, export or delete"
          trigger={<Icon name="more" size={14} />}
        >
          {(close) => (
            <ul className="menu-list">
              {ACTIONS.map(({ action, label }) => (
                <li key={action}>
                  <button
                    type="button"
                    className={action === 'delete' ? 'menu-item btn-danger-text' : 'menu-item'}
                    onClick={() => {
                      close()
                      onAction(action)
                    }}
                  >
                    {label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Popover>
      </div>
    </li>
  )
}
