// Grid cell renderers: every log value goes through VisibleText, times through the zone setting.
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { EntryRow } from '../../../../shared/types'
import { ResultBadge } from '../../components/ResultBadge'
import { VisibleText } from '../../components/VisibleText'
import { formatDuration, formatTimestamp, type TimeMode } from '../../lib/time-format'
import { toVisibleText } from '../../lib/visible-text'

export interface GridContext {
  timeMode: TimeMode
  sourceNames: ReadonlyMap<number, string>
}

type CellProps<V> = CustomCellRendererProps<EntryRow, V, GridContext>

export function TextCell({ value }: CellProps<string | null>) {
  if (value === null || value === undefined || value === '') return null
  const text = String(value)
  return (
    <span className="cell-text" title={toVisibleText(text)}>
      <VisibleText text={text} />
    </span>
  )
}

export function TimeCell({ value, data, context }: CellProps<string | null>) {
  if (!data) return null // a row still loading
  if (!value) return <span className="empty-value">no time</span>
  return <span className="cell-time">{formatTimestamp(value, context.timeMode)}</span>
}

export function ResultCell({ data }: CellProps<string>) {
  return data ? <ResultBadge result={data.result} /> : null
}

export function StatusCell({ data }: CellProps<number | null>) {
  if (!data) return null
  if (data.statusCode === null) return null
  const cls = data.statusCode >= 500 || data.statusCode === 0 ? 'status-5xx' : data.statusCode >= 400 ? 'status-4xx' : 'status-ok'
  // 0: the call got no response at all (HAR, browsers)
  const text = data.statusText ? ` ${toVisibleText(data.statusText)}` : data.statusCode === 0 ? ' no response' : ''
  return (
    <span className={`cell-status ${cls}`} title={`${data.statusCode}${text}`}>
      <span className="status-code">{data.statusCode}</span>
      {text && <span className="status-text">{text}</span>}
    </span>
  )
}

export function UrlCell({ data }: CellProps<string | null>) {
  if (!data) return null
  const text = data.url ?? data.endpoint ?? data.path
  if (!text) return null
  return (
    <span className="cell-text cell-mono" title={toVisibleText(text)}>
      <VisibleText text={text} />
    </span>
  )
}

export function DurationCell({ value }: CellProps<number | null>) {
  if (value === null || value === undefined) return null
  return <span className="cell-number">{formatDuration(value)}</span>
}

export function SourceCell({ value, context }: CellProps<number>) {
  if (value === null || value === undefined) return null
  const name = context.sourceNames.get(value)
  return (
    <span className="cell-text" title={name ? toVisibleText(name) : undefined}>
      {name ? <VisibleText text={name} /> : `source ${value}`}
    </span>
  )
}
