// The support flowchart, hand-drawn in SVG: the path walked is marked, the current node highlighted,
// and walked nodes are buttons that jump to their page. A text line says the same for screen readers.
import type { KeyboardEvent } from 'react'
import { edgeKey, FLOW_EDGES, FLOW_NODES, flowNode, type FlowNode, type FlowNodeId } from './triage-flow'

const COL_W = 66
const BOX_W = 50
const BOX_H = 32
const ROW_Y = [28, 90]
const WIDTH = COL_W * 6
const HEIGHT = 110

const cx = (n: FlowNode) => n.col * COL_W + COL_W / 2
const cy = (n: FlowNode) => ROW_Y[n.row]

export interface FlowchartProps {
  walked: readonly FlowNodeId[]
  walkedEdges: ReadonlySet<string>
  current: FlowNodeId
  /** nodes that can be jumped to */
  onSelect?: (id: FlowNodeId) => void
}

export function Flowchart({ walked, walkedEdges, current, onSelect }: FlowchartProps) {
  const path = walked.map((id) => flowNode(id).title).join(' → ')
  return (
    <figure className="flowchart" aria-label="Triage flowchart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="presentation" focusable="false">
        <defs>
          <marker id="flow-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0 0L8 4L0 8z" className="flow-arrow-head" />
          </marker>
          <marker id="flow-arrow-walked" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0 0L8 4L0 8z" className="flow-arrow-head is-walked" />
          </marker>
        </defs>
        {FLOW_EDGES.map((edge) => (
          <Edge key={edgeKey(edge)} edge={edge} walked={walkedEdges.has(edgeKey(edge))} />
        ))}
        {FLOW_NODES.map((node) => (
          <Node
            key={node.id}
            node={node}
            state={node.id === current ? 'current' : walked.includes(node.id) ? 'walked' : 'pending'}
            onSelect={walked.includes(node.id) ? onSelect : undefined}
          />
        ))}
      </svg>
      <figcaption className="sr-only">
        Path walked: {path}. Current step: {flowNode(current).title}.
      </figcaption>
    </figure>
  )
}

function Edge({ edge, walked }: { edge: (typeof FLOW_EDGES)[number]; walked: boolean }) {
  const a = flowNode(edge.from)
  const b = flowNode(edge.to)
  const down = b.row > a.row
  const [x1, y1] = down ? [cx(a), cy(a) + BOX_H / 2] : [cx(a) + BOX_W / 2, cy(a)]
  const [x2, y2] = down ? [cx(b), cy(b) - BOX_H / 2 - 1] : [cx(b) - BOX_W / 2 - 1, cy(b)]
  const labelX = down ? x1 + 4 : (x1 + x2) / 2
  // above the boxes' tops, where a horizontal edge's label has room
  const labelY = down ? (y1 + y2) / 2 + 3 : y1 - BOX_H / 2 - 3
  return (
    <g className={walked ? 'flow-edge is-walked' : 'flow-edge'}>
      <line x1={x1} y1={y1} x2={x2} y2={y2} markerEnd={`url(#${walked ? 'flow-arrow-walked' : 'flow-arrow'})`} />
      {edge.label && (
        <text x={labelX} y={labelY} textAnchor={down ? 'start' : 'middle'} className="flow-edge-label">
          {edge.label.toLowerCase()}
        </text>
      )}
    </g>
  )
}

function shapePath(node: FlowNode): string {
  const [x, y, w, h] = [cx(node) - BOX_W / 2, cy(node) - BOX_H / 2, BOX_W, BOX_H]
  if (node.shape === 'decision') {
    const k = 7
    return `M${x} ${y + h / 2}L${x + k} ${y}H${x + w - k}L${x + w} ${y + h / 2}L${x + w - k} ${y + h}H${x + k}Z`
  }
  const r = node.shape === 'leaf' ? 12 : 4
  const arc = `A${r} ${r} 0 0 1`
  return (
    `M${x + r} ${y}H${x + w - r}${arc} ${x + w} ${y + r}V${y + h - r}${arc} ${x + w - r} ${y + h}` +
    `H${x + r}${arc} ${x} ${y + h - r}V${y + r}${arc} ${x + r} ${y}Z`
  )
}

interface NodeProps {
  node: FlowNode
  state: 'current' | 'walked' | 'pending'
  onSelect?: (id: FlowNodeId) => void
}

function Node({ node, state, onSelect }: NodeProps) {
  const lines = node.short
  const top = cy(node) - ((lines.length - 1) * 11) / 2 + 3.5
  const interactive = onSelect !== undefined
  const activate = () => onSelect?.(node.id)
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    activate()
  }
  return (
    <g
      className={`flow-node is-${state} shape-${node.shape}${interactive ? ' is-interactive' : ''}`}
      data-node={node.id}
      role={interactive ? 'button' : undefined}
      tabIndex={interactive ? 0 : undefined}
      aria-label={interactive ? `Go to step: ${node.title}` : undefined}
      aria-current={state === 'current' ? 'step' : undefined}
      onClick={interactive ? activate : undefined}
      onKeyDown={interactive ? onKeyDown : undefined}
    >
      <title>{`${node.id}: ${node.title}`}</title>
      <path d={shapePath(node)} />
      {lines.map((line, i) => (
        <text key={i} x={cx(node)} y={top + i * 11} textAnchor="middle">
          {line}
        </text>
      ))}
    </g>
  )
}
