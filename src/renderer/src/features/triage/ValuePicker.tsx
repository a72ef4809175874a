// A text box with the values present in the log (with their counts) listed below it as you type:
// the WAI-ARIA combobox pattern (↓/↑ move, Enter picks, Escape closes). Free text is allowed, so a
// caller the log does not know can still be triaged (the verdict then says so).
import { useId, useState } from 'react'
import type { EntryFilter, FacetField } from '../../../../shared/types'
import { VisibleText } from '../../components/VisibleText'
import { useAsync } from '../../hooks/use-async'
import { useDebouncedValue } from '../../hooks/use-debounced-value'
import { formatCount } from '../../lib/format'
import { toVisibleText } from '../../lib/visible-text'
import { useApi } from '../../services'

export const PICKER_LIMIT = 50

export interface ValuePickerProps {
  id?: string
  /** accessible name */
  label: string
  field: FacetField
  /** the values are counted under this filter */
  scope: EntryFilter
  value: string
  onChange: (value: string) => void
  placeholder?: string
  invalid?: boolean
  describedBy?: string
  disabled?: boolean
}

export function ValuePicker(props: ValuePickerProps) {
  const { id, label, field, scope, value, onChange, placeholder, invalid, describedBy, disabled } = props
  const api = useApi()
  const base = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const contains = useDebouncedValue(value.trim(), 150)
  const request = { filter: scope, fields: [field], limit: PICKER_LIMIT, contains: contains || undefined }
  const facets = useAsync(open ? () => api.getFacets(request) : null, JSON.stringify([request, open]))
  const options = (facets.value?.[field] ?? []).filter((v) => typeof v.value === 'string' && v.value !== '')
  const listId = `${base}-list`
  const optionId = (i: number) => `${base}-opt-${i}`

  const pick = (picked: string) => {
    onChange(picked)
    setOpen(false)
    setActive(-1)
  }
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open) return setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => Math.max(0, Math.min(options.length - 1, i + step)))
    } else if (event.key === 'Enter' && open && active >= 0 && options[active]) {
      event.preventDefault()
      pick(String(options[active].value))
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation()
      setOpen(false)
    }
  }

  return (
    <div className="value-picker">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        // a value picked from the log may hold control or bidi characters: the box shows them escaped,
        // as the list does, and keeps the picked value until the text is edited
        value={toVisibleText(value)}
        disabled={disabled}
        onChange={(e) => {
          onChange(e.target.value)
          setOpen(true)
          setActive(-1)
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label} values`} className="value-picker-list" hidden={!open}>
        {open && options.length === 0 && (
          <li className="value-picker-note" role="presentation">
            {facets.loading
              ? 'Loading…'
              : facets.error
                ? `Could not load values: ${facets.error.message}`
                : 'No matching values in the log'}
          </li>
        )}
        {open &&
          options.map((option, i) => (
            <li
              key={String(option.value)}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              aria-label={toVisibleText(String(option.value))}
              className={i === active ? 'value-picker-option is-active' : 'value-picker-option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(String(option.value))}
              onMouseMove={() => setActive(i)}
            >
              <span className="value-picker-value">
                <VisibleText text={String(option.value)} />
              </span>
              <span className="value-picker-count">{formatCount(option.count)}</span>
            </li>
          ))}
      </ul>
    </div>
  )
}
