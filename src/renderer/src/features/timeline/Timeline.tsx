// Entries over time, stacked by result. Hand-written SVG: ~100 server-aggregated buckets are cheap to
// draw, colours come from the same CSS variables as the grid in both themes, and every bar is plain
// DOM that tests can see. Drag (or click a bar, or ←/→ then Enter) to set the time range.
import { useMemo } from 'react'
import type { Histogram } from '../../../../shared/types'
import { formatCount, plural } from '../../lib/format'
import { formatAxisLabel, formatDateTime, type TimeMode } from '../../lib/time-format'
import { useSettings } from '../../settings'
import { axisTicks, buildModel, describeBucketWidth, snapRange, timeToX, type TimelineModel } from './timeline-scale'
import { useElementWidth } from './use-element-width'
import { useTimelinePointer, type Drag } from './use-timeline-pointer'

const PLOT_HEIGHT = 56
const AXIS_HEIGHT = 18

export interface TimelineProps {
  histogram: Histogram | undefined
  loading: boolean
  /** why the histogram could not be read */
  error?: Error | null
  from: string | undefined
  to: string | undefined
  onRange: (from: string, to: string) => void
  onClearRange: () => void
}

export function Timeline({ histogram, loading, error = null, from, to, onRange, onClearRange }: TimelineProps) {
  const { timeMode } = useSettings()
  const [box, width] = useElementWidth<HTMLDivElement>()
  const model = useMemo(() => buildModel(histogram), [histogram])
  const { plot, hover, drag, svgHandlers, onKeyDown, clearHover } = useTimelinePointer(model, width, onRange)
  const label = model
    ? `Timeline: ${plural(model.total, 'entry', 'entries')} from ${formatDateTime(model.start, timeMode)} to ${formatDateTime(model.end, timeMode)}, ${describeBucketWidth(model.bucketMs)} per bar. Drag, or use the arrow keys and Enter, to select a time range.`
    : 'Timeline: no timestamps to show'

  return (
    <div className="timeline">
      <TimelineHeader model={model} hasRange={Boolean(from || to)} onClearRange={onClearRange} />
      <div
        ref={box}
        className="timeline-plot"
        tabIndex={model ? 0 : -1}
        role="group"
        aria-label={label}
        aria-busy={loading}
        onKeyDown={onKeyDown}
        onBlur={clearHover}
      >
        {model && width > 0 ? (
          <svg ref={plot} width={width} height={PLOT_HEIGHT + AXIS_HEIGHT} className={drag ? 'is-dragging' : undefined} {...svgHandlers}>
            <Bars model={model} width={width} hover={hover} />
            <RangeShade model={model} width={width} from={from} to={to} drag={drag} />
            <Axis model={model} width={width} mode={timeMode} />
          </svg>
        ) : (
          <div className="timeline-empty" title={error?.message}>
            {loading ? 'Loading timeline…' : error ? 'The timeline could not be read' : 'No timestamps to show for these filters'}
          </div>
        )}
        {model && hover !== null && <Tooltip model={model} index={hover} width={width} mode={timeMode} />}
      </div>
    </div>
  )
}

interface HeaderProps {
  model: TimelineModel | null
  hasRange: boolean
  onClearRange: () => void
}

function TimelineHeader({ model, hasRange, onClearRange }: HeaderProps) {
  return (
    <div className="timeline-header">
      <span className="legend" aria-hidden="true">
        <span className="legend-item">
          <span className="swatch swatch-success" />
          Success
        </span>
        <span className="legend-item">
          <span className="swatch swatch-notice" />
          Notice
        </span>
        <span className="legend-item">
          <span className="swatch swatch-error" />
          Error
        </span>
      </span>
      <span className="timeline-hint">
        {model ? `1 bar = ${describeBucketWidth(model.bucketMs)} · drag to select a time range` : ''}
      </span>
      {hasRange && (
        <button type="button" className="btn btn-small btn-ghost" onClick={onClearRange}>
          Show whole log
        </button>
      )}
    </div>
  )
}

function Bars({ model, width, hover }: { model: TimelineModel; width: number; hover: number | null }) {
  const slot = width / model.buckets.length
  const gap = slot > 4 ? 1 : 0
  const scale = (n: number) => (n / model.max) * (PLOT_HEIGHT - 4)
  return (
    <g className="bars">
      {model.buckets.map((b, i) => {
        const x = i * slot
        const err = scale(b.error)
        const notice = scale(b.notice)
        const ok = scale(b.success)
        return (
          <g key={i} className={i === hover ? 'bar is-hover' : 'bar'}>
            {ok > 0 && <rect className="bar-success" x={x} width={Math.max(1, slot - gap)} y={PLOT_HEIGHT - err - notice - ok} height={ok} />}
            {notice > 0 && <rect className="bar-notice" x={x} width={Math.max(1, slot - gap)} y={PLOT_HEIGHT - err - notice} height={notice} />}
            {err > 0 && <rect className="bar-error" x={x} width={Math.max(1, slot - gap)} y={PLOT_HEIGHT - err} height={err} />}
          </g>
        )
      })}
    </g>
  )
}

interface ShadeProps {
  model: TimelineModel
  width: number
  from: string | undefined
  to: string | undefined
  drag: Drag | null
}

/** Dims what lies outside the selected range (or the range being dragged). */
function RangeShade({ model, width, from, to, drag }: ShadeProps) {
  let a: number | null = null
  let b: number | null = null
  if (drag?.moved) {
    const snapped = snapRange(model, drag.anchor, drag.current)
    ;[a, b] = [snapped.from, snapped.to]
  } else if (from || to) {
    a = from ? Date.parse(from) : model.start
    b = to ? Date.parse(to) : model.end
  }
  if (a === null || b === null) return null
  const x1 = Math.max(0, Math.min(width, timeToX(model, a, width)))
  const x2 = Math.max(x1, Math.min(width, timeToX(model, b, width)))
  return (
    <g className={drag?.moved ? 'range-shade is-dragging' : 'range-shade'}>
      <rect className="shade" x={0} y={0} width={x1} height={PLOT_HEIGHT} />
      <rect className="shade" x={x2} y={0} width={Math.max(0, width - x2)} height={PLOT_HEIGHT} />
      <rect className="range-outline" x={x1} y={0.5} width={Math.max(1, x2 - x1)} height={PLOT_HEIGHT - 1} />
    </g>
  )
}

function Axis({ model, width, mode }: { model: TimelineModel; width: number; mode: TimeMode }) {
  const { ticks, step } = axisTicks(model, width, mode)
  return (
    <g className="axis" aria-hidden="true">
      <line x1={0} x2={width} y1={PLOT_HEIGHT + 0.5} y2={PLOT_HEIGHT + 0.5} />
      {ticks.map((t) => {
        const x = timeToX(model, t, width)
        return (
          <g key={t} transform={`translate(${x},0)`}>
            <line y1={PLOT_HEIGHT} y2={PLOT_HEIGHT + 4} />
            <text y={PLOT_HEIGHT + 14} textAnchor={x < 30 ? 'start' : x > width - 30 ? 'end' : 'middle'}>
              {formatAxisLabel(t, step, mode)}
            </text>
          </g>
        )
      })}
    </g>
  )
}

function Tooltip({ model, index, width, mode }: { model: TimelineModel; index: number; width: number; mode: TimeMode }) {
  const b = model.buckets[index]
  const start = model.starts[index]
  const x = ((index + 0.5) / model.buckets.length) * width
  const total = b.success + b.error + b.notice
  return (
    <div className="timeline-tooltip" role="status" style={{ left: Math.max(90, Math.min(width - 90, x)) }}>
      <div className="tooltip-time">
        {formatDateTime(start, mode, false)} – {formatDateTime(start + model.bucketMs, mode)}
      </div>
      <div>
        <strong>{plural(total, 'entry', 'entries')}</strong>
        {b.error > 0 && <span className="tt-error"> · {formatCount(b.error)} error{b.error === 1 ? '' : 's'}</span>}
        {b.notice > 0 && <span className="tt-notice"> · {formatCount(b.notice)} notice{b.notice === 1 ? '' : 's'}</span>}
      </div>
    </div>
  )
}
