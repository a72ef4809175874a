// The wizard as a state machine: the form (page -1, flowchart node A), a run in flight, then one
// page per step walked and the verdict. Pure, so every transition is tested without a DOM.
import type { TriageRequest, TriageResult } from '../../../../shared/triage-types'
import { EMPTY_FORM, type FormField, type TriageForm } from './triage-form'
import { wizardPages } from './triage-flow'

export const FORM_PAGE = -1

export interface WizardState {
  form: TriageForm
  /** the field the last check complained about */
  invalid: FormField | null
  running: boolean
  error: string | null
  /** the request of the shown result (what the report is made from) */
  request: TriageRequest | null
  result: TriageResult | null
  /** FORM_PAGE, or an index into wizardPages(result) */
  page: number
  /** the form changed since the shown result was computed */
  dirty: boolean
  /** bumps on every finished run, so effects can tell two runs with the same page apart */
  runId: number
}

export type WizardAction =
  | { type: 'edit'; patch: Partial<TriageForm> }
  | { type: 'reset'; form?: TriageForm }
  | { type: 'invalid'; field: FormField; message: string }
  | { type: 'run' }
  | { type: 'succeeded'; request: TriageRequest; result: TriageResult }
  | { type: 'failed'; message: string }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'goto'; page: number }

export const INITIAL_STATE: WizardState = {
  form: EMPTY_FORM,
  invalid: null,
  running: false,
  error: null,
  request: null,
  result: null,
  page: FORM_PAGE,
  dirty: false,
  runId: 0,
}

export function pageCount(state: WizardState): number {
  return state.result ? wizardPages(state.result).length : 0
}

const clampPage = (state: WizardState, page: number) =>
  state.result && !state.dirty ? Math.max(FORM_PAGE, Math.min(pageCount(state) - 1, page)) : FORM_PAGE

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'edit': {
      const invalid = state.invalid !== null && state.invalid in action.patch ? null : state.invalid
      const error = invalid ? state.error : null
      return { ...state, form: { ...state.form, ...action.patch }, invalid, error, dirty: true }
    }
    case 'reset':
      return { ...INITIAL_STATE, form: action.form ?? EMPTY_FORM, runId: state.runId }
    case 'invalid':
      return { ...state, invalid: action.field, error: action.message }
    case 'run':
      return { ...state, running: true, error: null, invalid: null }
    case 'succeeded':
      if (!state.running) return state
      return {
        ...state,
        running: false,
        request: action.request,
        result: action.result,
        page: 0,
        dirty: false,
        runId: state.runId + 1,
      }
    case 'failed':
      if (!state.running) return state
      return { ...state, running: false, error: action.message }
    case 'next':
      return { ...state, page: clampPage(state, state.page + 1) }
    case 'back':
      return { ...state, page: clampPage(state, state.page - 1) }
    case 'goto':
      return { ...state, page: clampPage(state, action.page) }
  }
}

export function canGoBack(state: WizardState): boolean {
  return !state.running && state.page > FORM_PAGE
}

export function canGoNext(state: WizardState): boolean {
  return !state.running && state.result !== null && !state.dirty && state.page < pageCount(state) - 1
}

export function isVerdictPage(state: WizardState): boolean {
  return state.result !== null && state.page === pageCount(state) - 1
}
