// Everything the shell keeps for triage: which side panel is open, the wizard, the findings, and the
// two ways triage drives the workspace (a filter per step, and "show this entry").
import { useCallback, useEffect, useRef, useState } from 'react'
import type { EntryRef, Finding } from '../../../../shared/triage-types'
import type { EntryFilter } from '../../../../shared/types'
import type { AsyncState } from '../../hooks/use-async'
import type { RevealRequest } from '../entries/use-reveal-entry'
import { evidenceFilter, pageFilter } from './evidence'
import { formFromFilter, EMPTY_FORM } from './triage-form'
import { findingForm } from './findings-format'
import { useFindings } from './use-findings'
import { useMenuCommand } from './use-menu-command'
import { useTriageWizard, type TriageWizard } from './use-triage-wizard'

export type TriagePanelKind = 'triage' | 'findings'

export interface TriageOptions {
  filter: EntryFilter
  onFilter: (filter: EntryFilter) => void
  revision: number
  importing: boolean
  /** false while the store is empty (nothing to triage) */
  enabled: boolean
}

export interface Triage {
  panel: TriagePanelKind | null
  open: (panel: TriagePanelKind) => void
  toggle: (panel: TriagePanelKind) => void
  close: () => void
  enabled: boolean
  wizard: TriageWizard
  findings: AsyncState<Finding[]>
  /** the finding whose rows the grid shows */
  activeFinding: string | null
  showFinding: (finding: Finding) => void
  triageFinding: (finding: Finding) => void
  /** the entry to select and scroll to (read by the workspace) */
  reveal: RevealRequest | null
  showEntry: (ref: Pick<EntryRef, 'id' | 'ts'>) => void
  /** applies the current step's filter again (after the user changed the grid's filters) */
  showStep: () => void
  filter: EntryFilter
}

export function useTriage({ filter, onFilter, revision, importing, enabled }: TriageOptions): Triage {
  const [panel, setPanel] = useState<TriagePanelKind | null>(null)
  const [reveal, setReveal] = useState<RevealRequest | null>(null)
  const [activeFinding, setActiveFinding] = useState<string | null>(null)
  const wizard = useTriageWizard()
  const findings = useFindings(revision, importing, enabled)
  const { state, dispatch } = wizard

  const open = useCallback(
    (kind: TriagePanelKind) => {
      // a fresh wizard starts from the caller the grid is filtered to
      if (kind === 'triage' && state.result === null && state.form.caller === '') {
        dispatch({ type: 'reset', form: formFromFilter(filter, EMPTY_FORM) })
      }
      setPanel(kind)
    },
    [dispatch, filter, state.result, state.form.caller],
  )
  const toggle = (kind: TriagePanelKind) => (panel === kind ? setPanel(null) : open(kind))
  useMenuCommand('triage', () => enabled && open('triage'))

  useStepFilter(wizard, onFilter)

  const showEntry = (ref: Pick<EntryRef, 'id' | 'ts'>) => {
    if (!state.result) return
    const target = evidenceFilter(state.result, ref)
    onFilter(target)
    setReveal((r) => ({ id: ref.id, ts: ref.ts, filter: target, seq: (r?.seq ?? 0) + 1 }))
  }
  const showFinding = (finding: Finding) => {
    setActiveFinding(finding.id)
    onFilter(finding.filter)
  }
  const triageFinding = (finding: Finding) => {
    const form = findingForm(finding)
    if (!form) return
    dispatch({ type: 'reset', form })
    setPanel('triage')
  }
  const showStep = () => {
    const target = state.result ? pageFilter(state.result, state.page) : null
    if (target) onFilter(target)
  }

  return {
    panel,
    open,
    toggle,
    close: () => setPanel(null),
    enabled,
    wizard,
    findings,
    activeFinding,
    showFinding,
    triageFinding,
    reveal,
    showEntry,
    showStep,
    filter,
  }
}

/** Each page of a result shows its rows: the step's filter goes to the grid when the page changes. */
function useStepFilter(wizard: TriageWizard, onFilter: (filter: EntryFilter) => void) {
  const { result, page, runId } = wizard.state
  const applied = useRef('')
  const onFilterRef = useRef(onFilter)
  useEffect(() => {
    onFilterRef.current = onFilter
  })
  useEffect(() => {
    const key = `${runId}:${page}`
    if (!result || page < 0 || applied.current === key) return
    applied.current = key
    const target = pageFilter(result, page)
    if (target) onFilterRef.current(target)
  }, [result, page, runId])
}
