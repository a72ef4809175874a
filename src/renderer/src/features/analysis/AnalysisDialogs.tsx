// The open analyst dialog (export, compare or tenants), wired to the grid's filter.
import type { EntryFilter, SourceInfo } from '../../../../shared/types'
import { CompareDialog } from '../compare/CompareDialog'
import { ExportDialog } from '../export/ExportDialog'
import type { ValueFormatter } from '../filters/filter-model'
import { TenantsDialog } from '../tenants/TenantsDialog'
import type { AnalysisDialog } from './use-analysis'

export interface AnalysisDialogsProps {
  dialog: AnalysisDialog | null
  filter: EntryFilter
  onFilter: (filter: EntryFilter) => void
  sources: readonly SourceInfo[]
  format: ValueFormatter
  onClose: () => void
}

export function AnalysisDialogs({ dialog, filter, onFilter, sources, format, onClose }: AnalysisDialogsProps) {
  if (!dialog) return null
  if (dialog.kind === 'export') {
    return (
      <ExportDialog filter={filter} sort={dialog.sort} selected={dialog.selected} sources={sources} format={format} onClose={onClose} />
    )
  }
  if (dialog.kind === 'compare') return <CompareDialog sources={sources} filter={filter} onFilter={onFilter} onClose={onClose} />
  return <TenantsDialog filter={filter} format={format} onFilter={onFilter} onClose={onClose} />
}
