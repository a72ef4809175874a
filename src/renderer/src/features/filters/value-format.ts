// How filter values read in buttons, chips and lists.
import type { ResultKind, SourceInfo } from '../../../../shared/types'
import { RESULT_LABELS } from '../../components/ResultBadge'
import { toVisibleText } from '../../lib/visible-text'
import type { FilterValue, ListField, ValueFormatter } from './filter-model'

export const NONE_LABEL = '(none)'

export function makeValueFormatter(sources: readonly SourceInfo[]): ValueFormatter {
  const names = new Map(sources.map((s) => [s.id, s.name]))
  return (field: ListField, value: FilterValue) => {
    if (value === null) return NONE_LABEL
    if (field === 'result') return RESULT_LABELS[value as ResultKind] ?? String(value)
    if (field === 'statusCode' && value === 'none') return '(no status)'
    if (field === 'sourceId') {
      const name = names.get(Number(value))
      return name ? toVisibleText(name) : `source ${value}`
    }
    return toVisibleText(String(value))
  }
}
