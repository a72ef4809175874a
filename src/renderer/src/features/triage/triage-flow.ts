// The support flowchart as data: its nodes and edges (drawn by Flowchart.tsx), the path a triage
// result walked, and the pages of the wizard (node A is the form, then one page per step walked,
// then the verdict).
import type { TriageResult, TriageVerdict, WizardStep, WizardStepId } from '../../../../shared/triage-types'

export type FlowNodeId = 'A' | WizardStepId
export type FlowShape = 'action' | 'decision' | 'leaf'

export interface FlowNode {
  id: FlowNodeId
  /** the flowchart's own wording */
  title: string
  /** one or two short lines under the node */
  short: string[]
  shape: FlowShape
  col: number
  row: number
}

export interface FlowEdge {
  from: FlowNodeId
  to: FlowNodeId
  label?: 'Yes' | 'No'
}

export const FLOW_NODES: readonly FlowNode[] = [
  { id: 'A', title: 'Integration broke', short: ['Failure', 'reported'], shape: 'action', col: 0, row: 0 },
  { id: 'B', title: 'Set time range around the failure', short: ['Time', 'range'], shape: 'action', col: 1, row: 0 },
  { id: 'C', title: 'Requests present in log?', short: ['Present?'], shape: 'decision', col: 2, row: 0 },
  { id: 'D', title: 'Caller never reached us: network or wrong URL', short: ['Never', 'reached'], shape: 'leaf', col: 2, row: 1 },
  { id: 'E', title: 'Filter by Function and Result', short: ['Function', '& Result'], shape: 'action', col: 3, row: 0 },
  { id: 'F', title: 'Result an error?', short: ['Error?'], shape: 'decision', col: 4, row: 0 },
  { id: 'G', title: 'Read the error: bad params or auth', short: ['Read the', 'error'], shape: 'leaf', col: 5, row: 0 },
  { id: 'H', title: 'Problem is on the caller side', short: ['Caller', 'side'], shape: 'leaf', col: 4, row: 1 },
]

export const FLOW_EDGES: readonly FlowEdge[] = [
  { from: 'A', to: 'B' },
  { from: 'B', to: 'C' },
  { from: 'C', to: 'D', label: 'No' },
  { from: 'C', to: 'E', label: 'Yes' },
  { from: 'E', to: 'F' },
  { from: 'F', to: 'G', label: 'Yes' },
  { from: 'F', to: 'H', label: 'No' },
]

export const edgeKey = (edge: { from: FlowNodeId; to: FlowNodeId }) => `${edge.from}-${edge.to}`

export function flowNode(id: FlowNodeId): FlowNode {
  return FLOW_NODES.find((n) => n.id === id) as FlowNode
}

/**
 * Nodes and edges walked so far: A (the form), then the result's steps up to the page shown; the
 * verdict page shows the whole path.
 */
export function walkedPath(result: TriageResult | null, page: number): { nodes: FlowNodeId[]; edges: Set<string> } {
  const all: FlowNodeId[] = ['A', ...(result?.steps.map((s) => s.id) ?? [])]
  const nodes = page < 0 ? all.slice(0, 1) : all.slice(0, page + 2)
  const edges = new Set<string>()
  for (let i = 1; i < nodes.length; i++) edges.add(edgeKey({ from: nodes[i - 1], to: nodes[i] }))
  return { nodes, edges }
}

export type WizardPage = { kind: 'step'; step: WizardStep } | { kind: 'verdict' }

/** The pages after the form: every step walked, then the verdict. */
export function wizardPages(result: TriageResult): WizardPage[] {
  return [...result.steps.map((step): WizardPage => ({ kind: 'step', step })), { kind: 'verdict' }]
}

/** The node highlighted on a page: the step's node; for the verdict, the leaf (or where the walk stopped). */
export function pageNode(result: TriageResult | null, page: number): FlowNodeId {
  if (!result || page < 0) return 'A'
  const pages = wizardPages(result)
  const current = pages[Math.min(page, pages.length - 1)]
  if (current.kind === 'step') return current.step.id
  return result.leaf ?? result.steps.at(-1)?.id ?? 'A'
}

export const VERDICT_LABELS: Record<TriageVerdict, string> = {
  caller_never_reached: 'Caller never reached us',
  request_rejected: 'Request rejected',
  caller_side: 'Problem on the caller side',
  inconclusive: 'Inconclusive',
}

/** How the verdict is coloured: arrived-but-rejected is an error, inconclusive is a warning. */
export const VERDICT_TONES: Record<TriageVerdict, 'error' | 'notice' | 'success' | 'neutral'> = {
  caller_never_reached: 'notice',
  request_rejected: 'error',
  caller_side: 'success',
  inconclusive: 'neutral',
}

/** "Yes" / "No" for decision steps. */
export function outcomeLabel(step: WizardStep): string | null {
  if (step.outcome === 'yes') return 'Yes'
  if (step.outcome === 'no') return 'No'
  return null
}
