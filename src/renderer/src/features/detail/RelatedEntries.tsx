// Other entries with the same correlation id (one logical operation across calls or systems).
import type { EntryRow } from '../../../../shared/types'
import { ResultBadge } from '../../components/ResultBadge'
import { VisibleText } from '../../components/VisibleText'
import { useAsync } from '../../hooks/use-async'
import { plural } from '../../lib/format'
import { formatTimestamp } from '../../lib/time-format'
import { useApi } from '../../services'
import { useSettings } from '../../settings'

export const RELATED_LIMIT = 50

export interface RelatedEntriesProps {
  entry: EntryRow
  revision: number
  onSelect: (id: number) => void
  onFilter: (correlationId: string) => void
}

export function RelatedEntries({ entry, revision, onSelect, onFilter }: RelatedEntriesProps) {
  const api = useApi()
  const { timeMode } = useSettings()
  const id = entry.correlationId
  const query = id
    ? () => api.queryEntries({ filter: { correlationId: [id] }, sort: { field: 'ts', dir: 'asc' }, limit: RELATED_LIMIT + 1 })
    : null
  const related = useAsync(query, `${id}#${revision}`)
  if (!id) return null
  const rows = related.value?.rows ?? []
  const others = rows.filter((r) => r.id !== entry.id)

  return (
    <section className="related" aria-label="Related entries">
      <div className="section-bar">
        <h3 className="section-title">Related entries</h3>
        <span className="muted small">same correlation id</span>
        <span className="spacer" />
        {others.length > 0 && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => onFilter(id)}>
            Show all in the grid
          </button>
        )}
      </div>
      {related.error ? (
        <p className="error-text">Could not load related entries: {related.error.message}</p>
      ) : related.loading && rows.length === 0 ? (
        <p className="muted">Loading…</p>
      ) : others.length === 0 ? (
        <p className="muted">No other entry has this correlation id.</p>
      ) : (
        <>
          <ul className="related-list">
            {rows.slice(0, RELATED_LIMIT).map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className={row.id === entry.id ? 'related-item is-current' : 'related-item'}
                  aria-current={row.id === entry.id ? 'true' : undefined}
                  onClick={() => onSelect(row.id)}
                >
                  <span className="related-time">{formatTimestamp(row.ts, timeMode)}</span>
                  <ResultBadge result={row.result} />
                  <span className="related-status">{row.statusCode ?? ''}</span>
                  <span className="related-what">
                    <VisibleText text={row.function ?? row.endpoint ?? row.url} empty="(no function)" />
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {rows.length > RELATED_LIMIT && (
            <p className="muted small">Showing the first {plural(RELATED_LIMIT, 'entry', 'entries')}.</p>
          )}
        </>
      )}
    </section>
  )
}
