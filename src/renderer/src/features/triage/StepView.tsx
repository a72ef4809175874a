// One flowchart node walked: its question, the answer, the numbers and rows that answer it.
import type { EntryRef, TriageCounts, TriageResult, WizardStep } from '../../../../shared/triage-types'
import { VisibleText } from '../../components/VisibleText'
import { formatCount, plural } from '../../lib/format'
import { histogramFilter } from './evidence'
import { MiniHistogram } from './MiniHistogram'
import { StepDetails } from './StepDetails'
import { outcomeLabel } from './triage-flow'

export interface StepActions {
  onShowEntry: (entry: EntryRef) => void
  onShowId: (id: number) => void
  onShowStep: () => void
}

export function StepView({ result, step, actions }: { result: TriageResult; step: WizardStep; actions: StepActions }) {
  const outcome = outcomeLabel(step)
  return (
    <section className="triage-step" aria-labelledby={`step-${step.id}-title`}>
      <h3 id={`step-${step.id}-title`} className="step-title" tabIndex={-1}>
        {step.title}
      </h3>
      <p className="step-question">
        <VisibleText text={step.question} />
      </p>
      <p className="step-answer" data-testid="step-answer">
        {outcome && <span className={`outcome-tag outcome-${step.outcome}`}>{outcome}</span>}
        <VisibleText text={outcome ? withoutPrefix(step.answer, outcome) : step.answer} />
      </p>
      <CountsLine counts={step.counts} onShow={actions.onShowStep} />
      <MiniHistogram filter={histogramFilter(result, step.filter)} window={result.window} />
      <StepDetails result={result} step={step} actions={actions} />
    </section>
  )
}

/** "Yes: 53 requests" → "53 requests" when a Yes tag is shown in front. */
function withoutPrefix(answer: string, outcome: string): string {
  const prefix = `${outcome}:`
  return answer.startsWith(prefix) ? answer.slice(prefix.length).trimStart() : answer
}

function CountsLine({ counts, onShow }: { counts: TriageCounts; onShow: () => void }) {
  return (
    <div className="counts-line">
      <span>
        <strong>{plural(counts.total, 'entry', 'entries')}</strong>
        {counts.total > 0 && (
          <>
            {' · '}
            <span className="count-ok">{formatCount(counts.success)} success</span>
            {' · '}
            <span className="count-err">{formatCount(counts.error)} error</span>
            {counts.notice > 0 && (
              <>
                {' · '}
                <span className="count-notice">{formatCount(counts.notice)} notice</span>
              </>
            )}
          </>
        )}
      </span>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={onShow}
        title="The grid shows these entries; click to apply this step's filters again"
      >
        Show in grid
      </button>
    </div>
  )
}
