// "What changed" between the last success and the first failure: credentials only as "changed",
// fields that differ between any two successes (ids, timestamps) greyed as normal variation.
import type { RequestDiff } from '../../../../shared/triage-types'
import { VisibleText } from '../../components/VisibleText'
import { plural } from '../../lib/format'

const VARIES_NORMALLY = 'Also differs between two successful requests: normal variation, not a cause'

export function ChangesTable({ diff }: { diff: RequestDiff }) {
  if (diff.changes.length === 0) {
    return <p className="muted">The failing request is the same as the last successful one.</p>
  }
  return (
    <>
      <table
        className="triage-table changes-table"
        aria-label="What changed between the last success and the first failure"
      >
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Last success (#{diff.success.id})</th>
            <th scope="col">First failure (#{diff.failure.id})</th>
          </tr>
        </thead>
        <tbody>
          {diff.changes.map((change) => (
            <tr
              key={change.field}
              className={change.variesNormally ? 'varies-normally' : undefined}
              title={change.variesNormally ? VARIES_NORMALLY : undefined}
            >
              <th scope="row">
                <span className="mono">
                  <VisibleText text={change.field} />
                </span>
                {change.secret && <span className="secret-tag">secret, hidden</span>}
                {change.variesNormally && <span className="varies-tag">varies normally</span>}
              </th>
              <td className="mono">
                <VisibleText text={change.before} empty="(not set)" />
              </td>
              <td className="mono">
                <VisibleText text={change.after} empty="(not set)" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {diff.truncated > 0 && <p className="muted small">…and {plural(diff.truncated, 'more change')} not shown.</p>}
    </>
  )
}
