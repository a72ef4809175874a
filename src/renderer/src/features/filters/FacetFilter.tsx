// One multi-select filter ("API User", "Function", …): a button opening the values present under the
// other active filters, with counts, a type-to-search box and checkboxes.
import { useId, useRef, useState } from 'react'
import type { EntryFilter, FacetField, FacetValue } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'
import { VisibleText } from '../../components/VisibleText'
import { useAsync } from '../../hooks/use-async'
import { useDebouncedValue } from '../../hooks/use-debounced-value'
import { formatCount } from '../../lib/format'
import { useApi } from '../../services'
import { FIELD_LABELS, setValues, toFilterValue, valuesOf, type FilterValue, type ValueFormatter } from './filter-model'

export const FACET_LIMIT = 200
const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const

export interface FacetFilterProps {
  field: FacetField
  filter: EntryFilter
  onChange: (values: FilterValue[]) => void
  format: ValueFormatter
  revision: number
}

export function FacetFilter({ field, filter, onChange, format, revision }: FacetFilterProps) {
  const label = FIELD_LABELS[field]
  const selected = valuesOf(filter, field)
  const summary = selected.map((v) => format(field, v)).join(', ')
  return (
    <Popover
      label={label}
      panelLabel={`${label} values`}
      triggerClassName={selected.length > 0 ? 'btn facet-button is-active' : 'btn facet-button'}
      triggerTitle={selected.length > 0 ? `${label}: ${summary}` : `Filter by ${label}`}
      trigger={
        <>
          <span>{label}</span>
          {selected.length > 0 && <span className="count-badge">{selected.length}</span>}
          <Icon name="chevronDown" size={14} />
        </>
      }
    >
      {() => (
        <FacetList field={field} filter={filter} selected={selected} onChange={onChange} format={format} revision={revision} />
      )}
    </Popover>
  )
}

interface FacetListProps {
  field: FacetField
  filter: EntryFilter
  selected: FilterValue[]
  onChange: (values: FilterValue[]) => void
  format: ValueFormatter
  revision: number
}

interface Row {
  value: FilterValue
  count: number | null
}

/** Status classes (4xx) summed from the exact codes, listed before them. */
function statusClassRows(values: FacetValue[]): Row[] {
  return STATUS_CLASSES.map((cls) => ({
    value: cls,
    count: values.filter((v) => typeof v.value === 'number' && String(v.value)[0] === cls[0]).reduce((s, v) => s + v.count, 0),
  })).filter((row) => (row.count ?? 0) > 0)
}

function buildRows(field: FacetField, values: FacetValue[] | undefined, selected: FilterValue[], contains: string): Row[] {
  const rows: Row[] = []
  if (field === 'statusCode' && values && contains === '') rows.push(...statusClassRows(values))
  for (const v of values ?? []) rows.push({ value: toFilterValue(field, v.value), count: v.count })
  // selected values the current list does not show (another search, or beyond the limit) stay visible
  const missing = selected.filter((s) => !rows.some((r) => r.value === s))
  return [...missing.map((value) => ({ value, count: null })), ...rows]
}

function FacetList({ field, filter, selected, onChange, format, revision }: FacetListProps) {
  const api = useApi()
  const [text, setText] = useState('')
  const contains = useDebouncedValue(text.trim(), 200)
  const list = useRef<HTMLUListElement>(null)
  const idBase = useId()
  // the backend ignores a field's own selection when counting its values; leaving it out of the
  // request also keeps the list from reloading on every tick of a checkbox
  const request = { filter: setValues(filter, field, []), fields: [field], limit: FACET_LIMIT, contains: contains || undefined }
  const facets = useAsync(() => api.getFacets(request), JSON.stringify([request, revision]))
  const values = facets.value?.[field]
  const rows = buildRows(field, values, selected, contains)
  const label = FIELD_LABELS[field]

  const toggle = (value: FilterValue) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value])

  const moveFocus = (event: React.KeyboardEvent, from: number | null) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const boxes = [...(list.current?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])]
    if (boxes.length === 0) return
    event.preventDefault()
    const index = from === null ? 0 : Math.max(0, Math.min(boxes.length - 1, from + (event.key === 'ArrowDown' ? 1 : -1)))
    boxes[index].focus()
  }

  return (
    <div className="facet-panel">
      {field !== 'result' && (
        <div className="facet-search">
          <Icon name="search" size={14} />
          <input
            type="search"
            aria-label={`Search ${label} values`}
            placeholder={`Search ${label}…`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => moveFocus(e, null)}
            data-autofocus
          />
        </div>
      )}
      <ul className="facet-list" ref={list} aria-busy={facets.loading} aria-label={`${label} values`}>
        {rows.map((row, i) => (
          <li key={`${String(row.value)}-${i}`}>
            <label className="facet-row">
              <input
                type="checkbox"
                checked={selected.includes(row.value)}
                onChange={() => toggle(row.value)}
                onKeyDown={(e) => moveFocus(e, i)}
                aria-label={format(field, row.value)}
                aria-describedby={row.count !== null ? `${idBase}-${i}` : undefined}
                data-autofocus={field === 'result' && i === 0 ? true : undefined}
              />
              <span className={row.value === null ? 'facet-value empty-value' : 'facet-value'}>
                {row.value === null || field === 'result' || field === 'sourceId' ? (
                  format(field, row.value)
                ) : (
                  <VisibleText text={field === 'statusCode' && row.value === 'none' ? '(no status)' : String(row.value)} />
                )}
              </span>
              {row.count !== null && (
                <span className="facet-count" id={`${idBase}-${i}`}>
                  {formatCount(row.count)}
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
      <FacetFooter
        loading={facets.loading && !values}
        error={facets.error}
        empty={!facets.loading && rows.length === 0}
        truncated={(values?.length ?? 0) >= FACET_LIMIT}
        selectedCount={selected.length}
        onClear={() => onChange([])}
      />
    </div>
  )
}

interface FooterProps {
  loading: boolean
  error: Error | null
  empty: boolean
  truncated: boolean
  selectedCount: number
  onClear: () => void
}

function FacetFooter({ loading, error, empty, truncated, selectedCount, onClear }: FooterProps) {
  if (!error && !loading && !empty && !truncated && selectedCount === 0) return null
  return (
    <div className="facet-footer">
      <span className="facet-note" role="status">
        {error
          ? `Could not load values: ${error.message}`
          : loading
            ? 'Loading values…'
            : empty
              ? 'No values match'
              : truncated
                ? `Top ${FACET_LIMIT} values — type to find others`
                : ''}
      </span>
      {selectedCount > 0 && (
        <button type="button" className="btn btn-small btn-ghost" onClick={onClear}>
          Clear selection
        </button>
      )}
    </div>
  )
}
