// A small stacked histogram of a step's rows over the searched window and the time around it, with
// the window shaded: an absence or a burst of errors is visible at a glance.
import type { EntryFilter, Histogram } from '../../../../shared/types'
import type { TriageWindow } from '../../../../shared/triage-types'
import { useAsync } from '../../hooks/use-async'
import { plural } from '../../lib/format'
import { formatAxisLabel, type TimeMode } from '../../lib/time-format'
import { useApi } from '../../services'
import { useSettings } from '../../settings'
import { formatTimeSpan } from './triage-time'

const WIDTH = 380
const HEIGHT = 56
const AXIS = 14
export const MINI_BUCKETS = 48

export function MiniHistogram({ filter, window }: { filter: EntryFilter; window: TriageWindow }) {
  const api = useApi()
  const { timeMode } = useSettings()
  const histogram = useAsync(() => api.getHistogram({ filter, buckets: MINI_BUCKETS }), JSON.stringify(filter))
  if (histogram.error) return <p className="muted small">Could not load the histogram: {histogram.error.message}</p>
  const data = histogram.value
  const total = data ? data.buckets.reduce((s, b) => s + b.success + b.error + b.notice, 0) : 0
  const label = data
    ? `Histogram: ${plural(total, 'request')} in ${formatTimeSpan(filter.from ?? null, filter.to ?? null, timeMode)}; ` +
      'the searched window is shaded'
    : 'Loading histogram'
  return (
    <figure className="mini-histogram" aria-busy={histogram.loading}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} width="100%" role="img" aria-label={label}>
        {data && <Plot data={data} filter={filter} window={window} mode={timeMode} />}
      </svg>
    </figure>
  )
}

interface PlotProps {
  data: Histogram
  filter: EntryFilter
  window: TriageWindow
  mode: TimeMode
}

function Plot({ data, filter, window, mode }: PlotProps) {
  const start = filter.from ? Date.parse(filter.from) : data.from ? Date.parse(data.from) : 0
  const end = filter.to ? Date.parse(filter.to) : data.to ? Date.parse(data.to) + data.bucketMs : start + 1
  const span = Math.max(1, end - start)
  const x = (ms: number) => Math.max(0, Math.min(WIDTH, ((ms - start) / span) * WIDTH))
  const max = Math.max(1, ...data.buckets.map((b) => b.success + b.error + b.notice))
  const scale = (n: number) => (n / max) * (HEIGHT - 6)
  const w = Math.max(1, (data.bucketMs / span) * WIDTH - 1)
  const winFrom = x(Date.parse(window.from))
  const winTo = x(Date.parse(window.to))
  return (
    <>
      <rect className="mini-window" x={winFrom} y={0} width={Math.max(1, winTo - winFrom)} height={HEIGHT} />
      {data.buckets.map((b) => {
        const bx = x(Date.parse(b.start))
        const [ok, notice, err] = [scale(b.success), scale(b.notice), scale(b.error)]
        return (
          <g key={b.start}>
            {ok > 0 && <rect className="bar-success" x={bx} width={w} y={HEIGHT - err - notice - ok} height={ok} />}
            {notice > 0 && <rect className="bar-notice" x={bx} width={w} y={HEIGHT - err - notice} height={notice} />}
            {err > 0 && <rect className="bar-error" x={bx} width={w} y={HEIGHT - err} height={err} />}
          </g>
        )
      })}
      <line className="mini-axis" x1={0} x2={WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} />
      <text className="mini-tick" x={2} y={HEIGHT + 11} textAnchor="start">
        {formatAxisLabel(start, 3_600_000, mode)}
      </text>
      <text className="mini-tick" x={(winFrom + winTo) / 2} y={HEIGHT + 11} textAnchor="middle">
        window
      </text>
      <text className="mini-tick" x={WIDTH - 2} y={HEIGHT + 11} textAnchor="end">
        {formatAxisLabel(end, 3_600_000, mode)}
      </text>
    </>
  )
}
