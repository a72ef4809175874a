import type { EntryFilter } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { useSettings } from '../../settings'
import { clearAll, filterChips, removeChip, type ValueFormatter } from './filter-model'

export interface FilterChipsProps {
  filter: EntryFilter
  format: ValueFormatter
  onChange: (filter: EntryFilter) => void
}

/** The active filters as removable chips, with "Clear all". */
export function FilterChips({ filter, format, onChange }: FilterChipsProps) {
  const { timeMode } = useSettings()
  const chips = filterChips(filter, format, timeMode)
  if (chips.length === 0) return null
  return (
    <div className="chips-row" role="group" aria-label="Active filters">
      <ul className="chips">
        {chips.map((chip) => (
          <li key={chip.key} className={`chip chip-${chip.kind}`}>
            <span className="chip-label" title={chip.label}>
              {chip.label}
            </span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove filter ${chip.label}`}
              onClick={() => onChange(removeChip(filter, chip))}
            >
              <Icon name="close" size={12} />
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-small btn-ghost clear-all" onClick={() => onChange(clearAll())}>
        Clear all
      </button>
    </div>
  )
}
