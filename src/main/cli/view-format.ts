// Saved views as terminal text: one line per view for `views list`, a block for `views show`.
import type { EntryFilter } from '../../shared/types'
import { VIEW_FILTER_FIELDS, type SavedView, type ViewTimeRange } from '../../shared/view-types'
import { escapeForCell } from '../util/visible-text'

export function describeTimeRange(range: ViewTimeRange): string {
  if (range.kind === 'all') return 'whole log'
  if (range.kind === 'relative') return `last ${range.lastMinutes} min of the log`
  if (range.from && range.to) return `${range.from} .. ${range.to}`
  return range.from ? `from ${range.from}` : `before ${range.to}`
}

const show = (value: string | number | null) => (value === null ? '(none)' : escapeForCell(String(value)))

/** "apiUser=a,b result=error search=\"timeout\"", or "everything". */
export function describeFilter(filter: EntryFilter): string {
  const parts: string[] = []
  for (const field of [...VIEW_FILTER_FIELDS, 'sourceId'] as const) {
    const values = filter[field] as Array<string | number | null> | undefined
    if (values && values.length > 0) parts.push(`${field}=${values.map(show).join(',')}`)
  }
  if (filter.from || filter.to) parts.push(`time=${filter.from ?? ''}..${filter.to ?? ''}`)
  if (filter.search) parts.push(`search=${JSON.stringify(escapeForCell(filter.search))}`)
  return parts.length > 0 ? parts.join(' ') : 'everything'
}

function viewFilterText(view: SavedView): string {
  return describeFilter({ ...view.filter, ...(view.search ? { search: view.search } : {}) })
}

export function formatViewList(views: SavedView[]): string {
  if (views.length === 0) return 'no saved views (save one: apilog views save NAME [filters])\n'
  const width = Math.min(40, Math.max(4, ...views.map((v) => escapeForCell(v.name).length)))
  const lines = views.map((v) => {
    const name = escapeForCell(v.name).padEnd(width)
    return `${name}  ${describeTimeRange(v.timeRange).padEnd(28)}  ${viewFilterText(v)}`
  })
  return `${'NAME'.padEnd(width)}  ${'TIME RANGE'.padEnd(28)}  FILTER\n${lines.join('\n')}\n`
}

export function formatViewDetail(view: SavedView, resolved: EntryFilter | null): string {
  const columns = view.columns
    .map((c) => `${c.id}${c.width ? `:${c.width}px` : ''}${c.hidden ? ' (hidden)' : ''}`)
    .join(', ')
  const lines = [
    `name:        ${escapeForCell(view.name)}`,
    `time range:  ${describeTimeRange(view.timeRange)}`,
    `filter:      ${viewFilterText(view)}`,
    `sort:        ${view.sort ? `${view.sort.field}:${view.sort.dir}` : 'default'}`,
    `columns:     ${columns || 'default layout'}`,
    `created:     ${view.createdAt}`,
    `updated:     ${view.updatedAt}`,
    `last used:   ${view.lastUsedAt ?? 'never'}`,
  ]
  if (resolved) lines.push(`on this store: ${describeFilter(resolved)}`)
  return `${lines.join('\n')}\n`
}
