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
  /** columns every loaded source leaves empty */
  emptyColumns?: ReadonlySet<string> | null
}

export function StatusLine({ count, counting, error, summary, importing, grid, emptyColumns = null }: StatusLineProps) {
  return (
    <div className="status-line">
      <span
        className={error ? 'entry-count is-failed' : 'entry-count'}
        data-testid="entry-count"
        role="status"
        aria-live="polite"
        aria-busy={counting}
        title={error?.message}
      >
        {error ? countFailure(error) : count === undefined ? 'Counting…' : plural(count, 'entry', 'entries')}
      </span>
      {importing && <span className="status-importing">· import running, refreshing</span>}
      <span className="filter-summary" title={summary}>
        {summary ? `· ${summary}` : '· all entries'}
      </span>
      <span className="spacer" />
      <ColumnChooser grid={grid} emptyColumns={emptyColumns} />
    </div>
  )
}

/** Short enough for the status line (the full message is the tooltip); a damaged store says so plainly. */
export function countFailure(error: Error): string {
  return / is damaged \(/.test(error.message) ? 'Count failed: this part of the store is damaged' : `Count failed: ${error.message}`
}
