// Automatic findings beside the grid: what looks wrong in this log without being asked. Clicking one
// shows its rows in the grid (its filter and time span); one about a single caller can be triaged.
import { useEffect, useRef } from 'react'
import type { Finding } from '../../../../shared/triage-types'
import { Icon } from '../../components/Icon'
import { VisibleText } from '../../components/VisibleText'
import { plural } from '../../lib/format'
import { useSettings } from '../../settings'
import { FINDING_LABELS, FINDING_TONES, findingForm, findingNumbers } from './findings-format'
import { formatTimeSpan } from './triage-time'
import type { Triage } from './use-triage'

export function FindingsPanel({ triage }: { triage: Triage }) {
  const { value, loading, error } = triage.findings
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <aside className="side-panel findings-panel" aria-label="Findings">
      <header className="side-panel-header">
        <h2 ref={heading} tabIndex={-1}>
          Findings
        </h2>
        <span className="side-panel-sub muted">{value ? plural(value.length, 'finding') : ''}</span>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label="Close findings"
          title="Close findings"
          onClick={triage.close}
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="side-panel-body" aria-busy={loading}>
        <p className="form-hint">Found automatically in the whole log. Click one to see its rows in the grid.</p>
        {error && <p className="error-text">Could not compute findings: {error.message}</p>}
        {!value && loading && <p className="muted">Looking for error spikes, slowdowns and silent callers…</p>}
        {value && value.length === 0 && (
          <p className="muted">Nothing stands out: no error spikes, slowdowns, repeated failures or silent callers.</p>
        )}
        {value && value.length > 0 && (
          <ul className="finding-list" aria-label="Findings">
            {value.map((finding) => (
              <FindingItem key={finding.id} finding={finding} triage={triage} />
            ))}
          </ul>
        )}
      </div>
    </aside>
  )
}

function FindingItem({ finding, triage }: { finding: Finding; triage: Triage }) {
  const { timeMode } = useSettings()
  const active = triage.activeFinding === finding.id
  const canTriage = findingForm(finding) !== null
  return (
    <li className={active ? 'finding is-active' : 'finding'}>
      <button type="button" className="finding-main" aria-pressed={active} onClick={() => triage.showFinding(finding)}>
        <span className="finding-head">
          <span className={`finding-kind tone-${FINDING_TONES[finding.kind]}`}>{FINDING_LABELS[finding.kind]}</span>
          <span className="finding-subject">
            <VisibleText text={finding.subject} />
          </span>
        </span>
        <span className="finding-span">
          {formatTimeSpan(finding.from, finding.to, timeMode)}
        </span>
        <span className="finding-numbers">
          {findingNumbers(finding).map((n) => (
            <span key={n} className="finding-number">
              {n}
            </span>
          ))}
        </span>
        <span className="finding-summary">
          <VisibleText text={finding.summary} />
        </span>
      </button>
      {canTriage && (
        <button type="button" className="btn btn-small btn-ghost finding-triage" onClick={() => triage.triageFinding(finding)}>
          Triage this caller…
        </button>
      )}
    </li>
  )
}
