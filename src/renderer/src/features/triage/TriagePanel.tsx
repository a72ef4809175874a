// The triage wizard beside the grid: the flowchart on top, the current node's page below (the form
// for node A, then one page per step walked, then the verdict), Back / Next at the bottom.
import { useEffect, useRef } from 'react'
import type { EntryRef } from '../../../../shared/triage-types'
import { Icon } from '../../components/Icon'
import { Flowchart } from './Flowchart'
import { StepView, type StepActions } from './StepView'
import type { TriageForm } from './triage-form'
import { pageNode, walkedPath, wizardPages, type FlowNodeId } from './triage-flow'
import { TRIAGE_FORM_ID, TriageFormView } from './TriageFormView'
import type { Triage } from './use-triage'
import { VerdictView, type VerdictActions } from './VerdictView'
import { canGoBack, canGoNext, FORM_PAGE, isVerdictPage, pageCount } from './wizard-state'

export interface TriagePanelProps {
  triage: Triage
  span: { from: string | null; to: string | null }
}

export function TriagePanel({ triage, span }: TriagePanelProps) {
  const { state, dispatch, run } = triage.wizard
  const { result } = state
  const shown = state.dirty ? null : result
  const body = useRef<HTMLDivElement>(null)
  const path = walkedPath(shown, state.page)
  const current = pageNode(shown, state.page)

  // a new page starts at its top, and its heading is where a keyboard user continues
  useEffect(() => {
    body.current?.scrollTo?.({ top: 0 })
    const panel = body.current?.parentElement
    const heading = state.page >= 0 ? body.current?.querySelector('h3') : panel?.querySelector('h2')
    heading?.focus()
  }, [state.page, state.runId])

  const gotoNode = (id: FlowNodeId) => {
    if (id === 'A' || !shown) return dispatch({ type: 'goto', page: FORM_PAGE })
    const index = shown.steps.findIndex((s) => s.id === id)
    if (index >= 0) dispatch({ type: 'goto', page: index })
  }
  const showId = (id: number) => triage.showEntry({ id, ts: null })
  const stepActions: StepActions = {
    onShowEntry: (entry: EntryRef) => triage.showEntry(entry),
    onShowId: showId,
    onShowStep: triage.showStep,
  }
  const verdictActions: VerdictActions = {
    ...stepActions,
    onRetry: (changes) => {
      const patch: Partial<TriageForm> = { ...changes }
      if (changes.from !== undefined) Object.assign(patch, { when: 'range', zone: 'UTC' })
      void run(patch)
    },
  }

  return (
    <aside className="side-panel triage-panel" aria-label="Triage">
      <header className="side-panel-header">
        <h2 tabIndex={-1}>Triage</h2>
        <span className="side-panel-sub muted">{stepCaption(state.page, shown ? pageCount(state) : 0)}</span>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label="Close triage"
          title="Close triage"
          onClick={triage.close}
        >
          <Icon name="close" />
        </button>
      </header>
      <Flowchart walked={path.nodes} walkedEdges={path.edges} current={current} onSelect={gotoNode} />
      <div className="side-panel-body" ref={body}>
        {state.page === FORM_PAGE || !shown ? (
          <TriageFormView
            form={state.form}
            invalid={state.invalid}
            error={state.error}
            running={state.running}
            span={span}
            onEdit={(patch) => dispatch({ type: 'edit', patch })}
            onRun={() => void run()}
          />
        ) : (
          <ResultPage triage={triage} stepActions={stepActions} verdictActions={verdictActions} />
        )}
      </div>
      <Footer triage={triage} />
    </aside>
  )
}

function stepCaption(page: number, pages: number): string {
  if (page === FORM_PAGE || pages === 0) return 'What is failing?'
  return page === pages - 1 ? 'Verdict' : `Step ${page + 1} of ${pages - 1}`
}

interface ResultPageProps {
  triage: Triage
  stepActions: StepActions
  verdictActions: VerdictActions
}

function ResultPage({ triage, stepActions, verdictActions }: ResultPageProps) {
  const { result, request, page } = triage.wizard.state
  if (!result || !request) return null
  const current = wizardPages(result)[page]
  if (!current) return null
  if (current.kind === 'verdict') return <VerdictView result={result} request={request} actions={verdictActions} />
  return <StepView key={current.step.id} result={result} step={current.step} actions={stepActions} />
}

function Footer({ triage }: { triage: Triage }) {
  const { state, dispatch } = triage.wizard
  const onForm = state.page === FORM_PAGE
  const toVerdict = () => dispatch({ type: 'goto', page: pageCount(state) - 1 })
  return (
    <footer className="side-panel-footer">
      <button type="button" className="btn" disabled={!canGoBack(state)} onClick={() => dispatch({ type: 'back' })}>
        Back
      </button>
      {onForm && state.result && !state.dirty && (
        <button type="button" className="btn btn-ghost" onClick={toVerdict}>
          Back to the verdict
        </button>
      )}
      {!onForm && !isVerdictPage(state) && (
        <button type="button" className="btn btn-ghost" onClick={toVerdict}>
          Skip to verdict
        </button>
      )}
      <span className="spacer" />
      {/* keys: React must not turn the clicked "New triage" button into the submit button in place
          (the browser would then submit the form at the end of that same click) */}
      {onForm ? (
        <button key="run" type="submit" form={TRIAGE_FORM_ID} className="btn btn-primary" disabled={state.running}>
          {state.running ? 'Running…' : 'Run triage'}
        </button>
      ) : isVerdictPage(state) ? (
        <button key="new" type="button" className="btn" onClick={() => dispatch({ type: 'goto', page: FORM_PAGE })}>
          New triage
        </button>
      ) : (
        <button
          key="next"
          type="button"
          className="btn btn-primary"
          disabled={!canGoNext(state)}
          onClick={() => dispatch({ type: 'next' })}
        >
          Next
        </button>
      )}
    </footer>
  )
}
