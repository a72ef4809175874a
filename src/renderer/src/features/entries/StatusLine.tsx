// "1,204 entries" (exact) and what the current filters are.
import type { GridApi } from 'ag-grid-community'
import type { EntryRow } from '../../../../shared/types'
import { plural } from '../../lib/format'
import { ColumnChooser } from './ColumnChooser'

export interface StatusLineProps {
  count: number | undefined
  counting: boolean
  error: Error | null
  summary: string
  importing: boolean
  grid: GridApi<EntryRow> | null
}

export function StatusLine({ count, counting, error, summary, importing, grid }: StatusLineProps) {
  return (
    <div className="status-line">
      <span className="entry-count" data-testid="entry-count" role="status" aria-live="polite" aria-busy={counting}>
        {error ? `Count failed: ${error.message}` : count === undefined ? 'Counting…' : plural(count, 'entry', 'entries')}
      </span>
      {importing && <span className="status-importing">· import running, refreshing</span>}
      <span className="filter-summary" title={summary}>
        {summary ? `· ${summary}` : '· all entries'}
      </span>
      <span className="spacer" />
      <ColumnChooser grid={grid} />
    </div>
  )
}
