// Step G: the errors in the window, grouped by text, with their class, when they were seen, how many
// (and how many different requests), and example entries.
import type { TopError } from '../../../../shared/triage-types'
import { VisibleText } from '../../components/VisibleText'
import { formatCount } from '../../lib/format'
import { useSettings } from '../../settings'
import { ExampleLinks } from './EntryLink'
import { formatTimeSpan } from './triage-time'

export function TopErrorsTable({ errors, onShowId }: { errors: readonly TopError[]; onShowId: (id: number) => void }) {
  const { timeMode } = useSettings()
  if (errors.length === 0) return <p className="muted">No errors in the window.</p>
  return (
    <table className="triage-table top-errors" aria-label="Errors in the window">
      <thead>
        <tr>
          <th scope="col">Error</th>
          <th scope="col" className="num">
            Count
          </th>
        </tr>
      </thead>
      <tbody>
        {errors.map((error, i) => (
          <tr key={i}>
            <td>
              <div className="error-message">
                <VisibleText text={error.message} empty="(no error text)" />
              </div>
              <div className="error-cause">
                <span className={`cause-tag cause-${error.cause}`}>{error.cause.replace('_', ' ')}</span>
                {error.statusCode !== null && <span className="muted"> status {error.statusCode}</span>}
                <span className="muted small"> {formatTimeSpan(error.firstSeen, error.lastSeen, timeMode)}</span>
              </div>
              <ExampleLinks ids={error.exampleIds} onShow={onShowId} />
            </td>
            <td className="num">
              <strong>{formatCount(error.count)}</strong>
              {error.distinctRequests !== error.count && (
                <div className="muted small" title="Different requests among the failures; the rest are retries">
                  {formatCount(error.distinctRequests)} distinct
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
