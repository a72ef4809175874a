// Pure filter logic behind the filter bar: value lists per field, chips, presets and summaries.
import type { EntryFilter, FacetField } from '../../../../shared/types'
import { formatDateTime, type TimeMode } from '../../lib/time-format'

/** Multi-value fields the UI edits. */
export type ListField = FacetField | 'correlationId'
export type FilterValue = string | number | null

export const PRIMARY_FIELDS = ['apiUser', 'agentUser', 'function', 'result'] as const satisfies readonly FacetField[]
export const MORE_FIELDS = [
  'statusCode',
  'method',
  'service',
  'tenant',
  'clientIp',
  'sourceId',
] as const satisfies readonly FacetField[]
const LIST_FIELDS: readonly ListField[] = [...PRIMARY_FIELDS, ...MORE_FIELDS, 'correlationId']

export const FIELD_LABELS: Record<ListField, string> = {
  apiUser: 'API User',
  agentUser: 'Agent User',
  function: 'Function',
  result: 'Result',
  statusCode: 'Status',
  method: 'Method',
  service: 'Service',
  tenant: 'Tenant',
  clientIp: 'Client IP',
  sourceId: 'Source file',
  correlationId: 'Correlation ID',
}

export type Chip =
  | { key: string; kind: 'value'; field: ListField; value: FilterValue; label: string }
  | { key: string; kind: 'time'; label: string }
  | { key: string; kind: 'search'; label: string }

export interface ValueFormatter {
  (field: ListField, value: FilterValue): string
}

export function valuesOf(filter: EntryFilter, field: ListField): FilterValue[] {
  return (filter[field] as FilterValue[] | undefined) ?? []
}

/** Facet values are typed per field; the filter wants status codes as text and "none" for no status. */
export function toFilterValue(field: ListField, value: FilterValue): FilterValue {
  if (field === 'statusCode') return value === null ? 'none' : String(value)
  return value
}

export function setValues(filter: EntryFilter, field: ListField, values: FilterValue[]): EntryFilter {
  const next: EntryFilter = { ...filter }
  if (values.length === 0) delete next[field]
  else (next as Record<string, unknown>)[field] = values
  return next
}

export function hasValue(filter: EntryFilter, field: ListField, value: FilterValue): boolean {
  return valuesOf(filter, field).some((v) => v === value)
}

export function toggleValue(filter: EntryFilter, field: ListField, value: FilterValue): EntryFilter {
  const current = valuesOf(filter, field)
  const next = hasValue(filter, field, value) ? current.filter((v) => v !== value) : [...current, value]
  return setValues(filter, field, next)
}

export function setTimeRange(filter: EntryFilter, from: string | undefined, to: string | undefined): EntryFilter {
  const next: EntryFilter = { ...filter, from, to }
  if (from === undefined) delete next.from
  if (to === undefined) delete next.to
  return next
}

export function setSearch(filter: EntryFilter, search: string): EntryFilter {
  const next: EntryFilter = { ...filter, search }
  if (search.trim() === '') delete next.search
  return next
}

/** The filter without its time range (what the timeline shows). */
export function withoutTime(filter: EntryFilter): EntryFilter {
  return setTimeRange(filter, undefined, undefined)
}

export function isEmptyFilter(filter: EntryFilter): boolean {
  return filterChips(filter, () => '', 'utc').length === 0
}

/** Removes every filter. */
export function clearAll(): EntryFilter {
  return {}
}

export function describeTimeRange(filter: EntryFilter, mode: TimeMode): string | null {
  if (!filter.from && !filter.to) return null
  if (filter.from && filter.to) return `${formatDateTime(filter.from, mode)} → ${formatDateTime(filter.to, mode)}`
  if (filter.from) return `from ${formatDateTime(filter.from, mode)}`
  return `before ${formatDateTime(filter.to as string, mode)}`
}

export function filterChips(filter: EntryFilter, format: ValueFormatter, mode: TimeMode): Chip[] {
  const chips: Chip[] = []
  const time = describeTimeRange(filter, mode)
  if (time) chips.push({ key: 'time', kind: 'time', label: `Time: ${time}` })
  for (const field of LIST_FIELDS) {
    for (const value of valuesOf(filter, field)) {
      chips.push({
        key: `${field}:${String(value)}`,
        kind: 'value',
        field,
        value,
        label: `${FIELD_LABELS[field]}: ${format(field, value)}`,
      })
    }
  }
  if (filter.search && filter.search.trim() !== '') {
    chips.push({ key: 'search', kind: 'search', label: `Search: “${filter.search.trim()}”` })
  }
  return chips
}

export function removeChip(filter: EntryFilter, chip: Chip): EntryFilter {
  if (chip.kind === 'time') return setTimeRange(filter, undefined, undefined)
  if (chip.kind === 'search') return setSearch(filter, '')
  return setValues(filter, chip.field, valuesOf(filter, chip.field).filter((v) => v !== chip.value))
}

/** One line for the status bar: "API User: 6666, apiuser · Result: Error · Time: …". */
export function summarizeFilter(filter: EntryFilter, format: ValueFormatter, mode: TimeMode): string {
  const parts: string[] = []
  const time = describeTimeRange(filter, mode)
  if (time) parts.push(time)
  for (const field of LIST_FIELDS) {
    const values = valuesOf(filter, field)
    if (values.length > 0) parts.push(`${FIELD_LABELS[field]}: ${values.map((v) => format(field, v)).join(', ')}`)
  }
  if (filter.search && filter.search.trim() !== '') parts.push(`search “${filter.search.trim()}”`)
  return parts.join(' · ')
}

export type RangePreset = 'all' | '15m' | '1h' | '24h'
export const PRESET_LABELS: Record<RangePreset, string> = {
  all: 'Whole log',
  '15m': 'Last 15 min',
  '1h': 'Last 1 h',
  '24h': 'Last 24 h',
}
const PRESET_MS: Record<Exclude<RangePreset, 'all'>, number> = { '15m': 15 * 60_000, '1h': 3_600_000, '24h': 86_400_000 }

/**
 * A preset range relative to the newest entry in the log (not the wall clock: logs are old).
 * `to` is exclusive, so it sits one millisecond after the newest entry.
 */
export function presetRange(preset: RangePreset, lastTs: string | null): { from?: string; to?: string } {
  if (preset === 'all' || !lastTs) return {}
  const end = Date.parse(lastTs) + 1
  return { from: new Date(end - PRESET_MS[preset]).toISOString(), to: new Date(end).toISOString() }
}

/** ± minutes around a point in time. */
export function aroundRange(pointIso: string, minutes: number): { from: string; to: string } {
  const point = Date.parse(pointIso)
  const half = Math.max(0, minutes) * 60_000
  return { from: new Date(point - half).toISOString(), to: new Date(point + half + 1).toISOString() }
}
