// Why the walk stopped, and what to try: a caller name the log does know (a typo is the usual cause),
// or the whole span the log covers.
import type { TriageResult } from '../../../../shared/triage-types'
import { VisibleText } from '../../components/VisibleText'
import { useAsync } from '../../hooks/use-async'
import { plural } from '../../lib/format'
import { formatDateTime } from '../../lib/time-format'
import { useApi } from '../../services'
import { utcWall } from './findings-format'
import { CALLER_KIND_LABELS } from './triage-form'
import { similarNames } from './similar-names'

const NAME_POOL = 1000

export interface InconclusiveHelpProps {
  result: TriageResult
  onRetry: (changes: { caller?: string; from?: string; to?: string }) => void
}

export function InconclusiveHelp({ result, onRetry }: InconclusiveHelpProps) {
  const api = useApi()
  const { kind, value } = result.request.caller
  const names = useAsync(
    () => api.getFacets({ filter: {}, fields: [kind], limit: NAME_POOL }),
    `${kind}:${value}`,
  )
  const similar = similarNames(value, names.value?.[kind] ?? [])
  const span = result.evidence.logSpan
  const label = CALLER_KIND_LABELS[kind]
  return (
    <div className="inconclusive-help" role="note" aria-label="Why inconclusive">
      <h4>Why no verdict</h4>
      <p>
        <VisibleText text={result.confidenceReason} />
      </p>
      <h4>What to try</h4>
      <ul className="try-list">
        {similar.length > 0 && (
          <li>
            <span>{label} names like this one in the log: </span>
            <span className="similar-names">
              {similar.map((s) => (
                <button
                  key={s.value}
                  type="button"
                  className="btn btn-small"
                  aria-label={`Triage ${label} ${s.value} instead`}
                  onClick={() => onRetry({ caller: s.value })}
                >
                  <VisibleText text={s.value} />
                  <span className="muted">{plural(s.count, 'request')}</span>
                </button>
              ))}
            </span>
          </li>
        )}
        {names.value && similar.length === 0 && result.evidence.history.total === 0 && (
          <li>
            No {label} in the log looks like “<VisibleText text={value} />”: check the name with the customer.
          </li>
        )}
        {span && (
          <li>
            The log covers {formatDateTime(span.from, 'utc')} to {formatDateTime(span.to, 'utc')}.{' '}
            {result.evidence.history.total > 0 && (
              <button type="button" className="btn btn-small" onClick={() => onRetry(wholeLog(span))}>
                Search the whole log
              </button>
            )}
          </li>
        )}
      </ul>
    </div>
  )
}

/** The log's whole span as a From/To window (To is exclusive: one second past the last entry). */
function wholeLog(span: { from: string; to: string }) {
  return { from: utcWall(span.from), to: utcWall(new Date(Date.parse(span.to) + 1000).toISOString()) }
}
