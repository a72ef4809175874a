// The last page: the verdict, how sure it is and why, the window searched, what to do next, what
// changed, and the entries that prove it. An inconclusive result says why and what to try.
import type { EntryRef, TriageRequest, TriageResult } from '../../../../shared/triage-types'
import { VisibleText } from '../../components/VisibleText'
import { ChangesTable } from './ChangesTable'
import { EntryLink, ExampleLinks } from './EntryLink'
import { evidenceLinks, exampleIds } from './evidence'
import { InconclusiveHelp } from './InconclusiveHelp'
import { ReportButtons } from './ReportButtons'
import { VERDICT_LABELS, VERDICT_TONES } from './triage-flow'
import { formatTimeSpan } from './triage-time'

export interface VerdictActions {
  onShowEntry: (entry: EntryRef) => void
  onShowId: (id: number) => void
  /** run again with another caller name, or over the whole log */
  onRetry: (changes: { caller?: string; from?: string; to?: string }) => void
}

export interface VerdictViewProps {
  result: TriageResult
  request: TriageRequest
  actions: VerdictActions
}

export function VerdictView({ result, request, actions }: VerdictViewProps) {
  const tone = VERDICT_TONES[result.verdict]
  const confidence = Math.round(result.confidence * 100)
  return (
    <section className="verdict" aria-labelledby="verdict-title">
      <h3 id="verdict-title" className="verdict-title" tabIndex={-1}>
        <span className={`verdict-badge tone-${tone}`}>{VERDICT_LABELS[result.verdict]}</span>
        {result.causeLabel && <span className="verdict-cause">{result.causeLabel}</span>}
      </h3>
      <p className="verdict-headline" data-testid="verdict-headline">
        <VisibleText text={result.headline} />
      </p>
      {result.verdict !== 'inconclusive' && (
        <div className="confidence">
          <span className="confidence-label">Confidence</span>
          <meter min={0} max={100} value={confidence} aria-label={`Confidence ${confidence}%`} />
          <strong>{confidence}%</strong>
          <p className="confidence-reason">
            <VisibleText text={result.confidenceReason} />
          </p>
        </div>
      )}
      <dl className="verdict-facts">
        <dt>Window searched</dt>
        <dd>
          {formatTimeSpan(result.window.from, result.window.to, 'utc')}
          <div className="muted small">
            <VisibleText text={result.window.description} />
          </div>
        </dd>
        {result.fixHint && (
          <>
            <dt>Usual fix</dt>
            <dd>
              <VisibleText text={result.fixHint} />
            </dd>
          </>
        )}
      </dl>
      {result.verdict === 'inconclusive' && <InconclusiveHelp result={result} onRetry={actions.onRetry} />}
      <h4>Next steps</h4>
      <ol className="next-steps">
        {result.nextSteps.map((step, i) => (
          <li key={i}>
            <VisibleText text={step} />
          </li>
        ))}
      </ol>
      {result.evidence.diff && (
        <>
          <h4>What changed</h4>
          <ChangesTable diff={result.evidence.diff} />
        </>
      )}
      <Evidence result={result} actions={actions} />
      <h4>Report</h4>
      <ReportButtons request={request} />
    </section>
  )
}

function Evidence({ result, actions }: { result: TriageResult; actions: VerdictActions }) {
  const links = evidenceLinks(result)
  const examples = exampleIds(result)
  if (links.length === 0 && examples.length === 0) return null
  return (
    <>
      <h4>Evidence</h4>
      <div className="evidence-list">
        {links.map((link) => (
          <EntryLink key={link.key} label={link.label} entry={link.ref} onShow={actions.onShowEntry} />
        ))}
      </div>
      {examples.length > 0 && (
        <p className="examples">
          <span className="muted">More failing examples: </span>
          <ExampleLinks ids={examples} onShow={actions.onShowId} />
        </p>
      )}
    </>
  )
}
