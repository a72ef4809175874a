// The filter bar: time range, the four main filters, more filters on demand, search, and chips.
import { forwardRef, useState } from 'react'
import type { EntryFilter } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import {
  MORE_FIELDS,
  PRIMARY_FIELDS,
  setSearch,
  setTimeRange,
  setValues,
  valuesOf,
  type ValueFormatter,
} from './filter-model'
import { FacetFilter } from './FacetFilter'
import { FilterChips } from './FilterChips'
import { SearchBox } from './SearchBox'
import { TimeRange } from './TimeRange'

export interface FilterBarProps {
  filter: EntryFilter
  onChange: (filter: EntryFilter) => void
  format: ValueFormatter
  lastTs: string | null
  pointTs: string | null
  revision: number
}

export const FilterBar = forwardRef<HTMLInputElement, FilterBarProps>(function FilterBar(props, searchRef) {
  const { filter, onChange, format, lastTs, pointTs, revision } = props
  const moreActive = MORE_FIELDS.filter((f) => valuesOf(filter, f).length > 0)
  const [showMore, setShowMore] = useState(false)
  // collapsed, the row still shows the extra filters in use, so they stay visible and editable
  const moreShown = showMore ? MORE_FIELDS : moreActive

  const facet = (field: (typeof PRIMARY_FIELDS)[number] | (typeof MORE_FIELDS)[number]) => (
    <FacetFilter
      key={field}
      field={field}
      filter={filter}
      format={format}
      revision={revision}
      onChange={(values) => onChange(setValues(filter, field, values))}
    />
  )

  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-row">
        <TimeRange
          filter={filter}
          lastTs={lastTs}
          pointTs={pointTs}
          onChange={(from, to) => onChange(setTimeRange(filter, from, to))}
        />
        <span className="divider" aria-hidden="true" />
        <div className="facet-buttons" role="group" aria-label="Field filters">
          {PRIMARY_FIELDS.map(facet)}
          <button
            type="button"
            className={showMore ? 'btn btn-ghost is-pressed' : 'btn btn-ghost'}
            aria-expanded={showMore}
            aria-controls="more-filters"
            title="Status, method, service, tenant, client IP, source file"
            onClick={() => setShowMore(!showMore)}
          >
            <Icon name="filter" size={14} />
            More filters
          </button>
        </div>
        <SearchBox ref={searchRef} value={filter.search ?? ''} onChange={(text) => onChange(setSearch(filter, text))} />
      </div>
      {moreShown.length > 0 && (
        <div className="filter-row more-filters" id="more-filters" role="group" aria-label="More filters">
          {moreShown.map(facet)}
        </div>
      )}
      <FilterChips filter={filter} format={format} onChange={onChange} />
    </section>
  )
})
