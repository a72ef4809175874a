// What answers each step beyond its counts: the baseline and the entries around a gap (C, D), the
// results per function (E), the first failure (F), the error table (G), the last success (H).
import type { ReactNode } from 'react'
import type { EntryRef, TriageBaseline, TriageResult, WizardStep, WizardStepId } from '../../../../shared/triage-types'
import { VisibleText } from '../../components/VisibleText'
import { formatCount, plural } from '../../lib/format'
import { EntryLink } from './EntryLink'
import type { StepActions } from './StepView'
import { TopErrorsTable } from './TopErrorsTable'

interface DetailProps {
  result: TriageResult
  step: WizardStep
  actions: StepActions
  /** an evidence link, or nothing when the entry is missing */
  link: (label: string, ref: EntryRef | null) => ReactNode
}

const BASIS: Record<TriageBaseline['basis'], string> = {
  before: 'in the hours before the window',
  after: 'in the hours after the window',
  day_before: 'in the same window a day earlier',
  last_good: 'around the last-known-good time',
  none: '',
}

function Baseline({ result }: { result: TriageResult }) {
  const b = result.evidence.baseline
  if (b.ratePerHour === null || b.basis === 'none') return null
  const expected = b.expectedInWindow !== null ? `, so about ${formatCount(b.expectedInWindow)} expected in the window` : ''
  return (
    <p className="step-note">
      Baseline: about {formatCount(b.ratePerHour)} requests per hour {BASIS[b.basis]}
      {expected}.
    </p>
  )
}

function GapLinks({ result, link }: DetailProps) {
  return (
    <div className="evidence-list">
      {link('Last request before the gap', result.evidence.lastSeenBefore)}
      {link('First request after the gap', result.evidence.firstSeenAfter)}
    </div>
  )
}

function OtherTraffic({ result }: { result: TriageResult }) {
  const o = result.evidence.otherTraffic
  return (
    <p className="step-note">
      Everyone else in the window: {plural(o.total, 'request')} from {plural(o.callers, 'caller')} (
      {formatCount(o.success)} succeeded, {formatCount(o.error)} failed).
    </p>
  )
}

function Retries({ result }: { result: TriageResult }) {
  const r = result.evidence.retries
  if (!r || r.distinctRequests >= r.failures) return null
  return (
    <p className="step-note">
      The {plural(r.failures, 'failure')} are {plural(r.distinctRequests, 'different request')}; the rest are retries.
    </p>
  )
}

function FunctionTable({ step }: { step: WizardStep }) {
  const rows = step.rows ?? []
  if (rows.length === 0) return null
  return (
    <table className="triage-table" aria-label="Results per function">
      <thead>
        <tr>
          <th scope="col">Function</th>
          <th scope="col" className="num">
            Success
          </th>
          <th scope="col" className="num">
            Error
          </th>
          <th scope="col" className="num">
            Notice
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i} className={row.counts.error > 0 ? 'has-errors' : undefined}>
            <th scope="row">
              <VisibleText text={row.label} empty="(none)" />
            </th>
            <td className="num">{formatCount(row.counts.success)}</td>
            <td className="num">{formatCount(row.counts.error)}</td>
            <td className="num">{formatCount(row.counts.notice)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const STEP_DETAILS: Record<WizardStepId, (props: DetailProps) => ReactNode> = {
  B: () => null,
  C: (p) => (
    <>
      <Baseline result={p.result} />
      {p.step.outcome === 'no' && <GapLinks {...p} />}
    </>
  ),
  D: (p) => (
    <>
      <OtherTraffic result={p.result} />
      <GapLinks {...p} />
    </>
  ),
  E: (p) => <FunctionTable step={p.step} />,
  F: ({ result, step, link }) => (
    <div className="evidence-list">
      {link('First failure', step.outcome === 'yes' ? result.evidence.firstFailure : null)}
      {link('Last success', result.evidence.lastSuccess)}
    </div>
  ),
  G: ({ result, actions }) => (
    <>
      <TopErrorsTable errors={result.evidence.topErrors} onShowId={actions.onShowId} />
      <Retries result={result} />
    </>
  ),
  H: ({ result, link }) => <div className="evidence-list">{link('Last success', result.evidence.lastSuccess)}</div>,
}

export function StepDetails({ result, step, actions }: Omit<DetailProps, 'link'>) {
  const link = (label: string, ref: EntryRef | null) =>
    ref && <EntryLink key={label} label={label} entry={ref} onShow={actions.onShowEntry} />
  const Details = STEP_DETAILS[step.id]
  return <>{Details({ result, step, actions, link })}</>
}
