// The wizard's state, kept by the shell so closing the panel does not lose a result, and the one
// side effect of running it.
import { useCallback, useReducer, type Dispatch } from 'react'
import { useApi } from '../../services'
import { buildRequest, type TriageForm } from './triage-form'
import { INITIAL_STATE, wizardReducer, type WizardAction, type WizardState } from './wizard-state'

export interface TriageWizard {
  state: WizardState
  dispatch: Dispatch<WizardAction>
  /** checks the form (with `changes` applied first) and runs the triage */
  run: (changes?: Partial<TriageForm>) => Promise<void>
}

export function useTriageWizard(): TriageWizard {
  const api = useApi()
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_STATE)
  const current = state.form
  const run = useCallback(
    async (changes?: Partial<TriageForm>) => {
      if (changes) dispatch({ type: 'edit', patch: changes })
      const check = buildRequest({ ...current, ...changes })
      if (!check.ok) return dispatch({ type: 'invalid', field: check.field, message: check.message })
      dispatch({ type: 'run' })
      try {
        const result = await api.runTriage(check.request)
        dispatch({ type: 'succeeded', request: check.request, result })
      } catch (error) {
        dispatch({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
      }
    },
    [api, current],
  )
  return { state, dispatch, run }
}
