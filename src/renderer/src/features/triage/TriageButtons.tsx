// Toolbar buttons: open the triage wizard, and the findings with how many there are.
import { Icon } from '../../components/Icon'
import { formatCount } from '../../lib/format'
import type { Triage } from './use-triage'

export function TriageButtons({ triage }: { triage: Triage }) {
  const count = triage.findings.value?.length
  const countText = count === undefined ? (triage.findings.loading ? 'counting' : 'not available') : formatCount(count)
  return (
    <>
      <button
        type="button"
        className={triage.panel === 'triage' ? 'btn btn-ghost is-pressed' : 'btn btn-ghost'}
        aria-pressed={triage.panel === 'triage'}
        disabled={!triage.enabled}
        title="Why does an integration fail? Walk the support flowchart to a verdict with evidence"
        onClick={() => triage.toggle('triage')}
      >
        <Icon name="target" size={15} />
        Triage
      </button>
      <button
        type="button"
        className={triage.panel === 'findings' ? 'btn btn-ghost is-pressed' : 'btn btn-ghost'}
        aria-pressed={triage.panel === 'findings'}
        aria-label={`Findings (${countText})`}
        disabled={!triage.enabled}
        title="Error spikes, slowdowns, repeated failures and silent callers found automatically"
        onClick={() => triage.toggle('findings')}
      >
        <Icon name="alert" size={15} />
        Findings
        {count !== undefined && (
          <span className={count > 0 ? 'count-badge is-alert' : 'count-badge'}>{formatCount(count)}</span>
        )}
      </button>
    </>
  )
}
