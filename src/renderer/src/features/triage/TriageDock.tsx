// The side panel slot left of the workspace: the triage wizard or the findings, never both.
import { FindingsPanel } from './FindingsPanel'
import { TriagePanel } from './TriagePanel'
import type { Triage } from './use-triage'

export interface TriageDockProps {
  triage: Triage
  /** time span of the log */
  span: { from: string | null; to: string | null }
}

export function TriageDock({ triage, span }: TriageDockProps) {
  if (!triage.panel || !triage.enabled) return null
  return (
    <div className="side-dock">
      {triage.panel === 'triage' ? <TriagePanel triage={triage} span={span} /> : <FindingsPanel triage={triage} />}
    </div>
  )
}
