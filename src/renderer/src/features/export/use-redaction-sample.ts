// The entry whose redaction the export dialog previews: the selected one, else the first entry of the
// export — preferring one from a source imported with credentials kept, where there is something to mask.
import type { InspectorApi } from '../../../../shared/api'
import type { RedactionPreviewItem } from '../../../../shared/export-types'
import type { EntryFilter, EntryRow, SortSpec, SourceInfo } from '../../../../shared/types'
import { useAsync } from '../../hooks/use-async'

export interface RedactionSample {
  entry: EntryRow | null
  /** "the selected entry" / "a sample entry" */
  which: 'selected' | 'sample'
  /** the entry's source was imported with credentials kept (else they were masked on import) */
  secretsKept: boolean
  items: RedactionPreviewItem[]
}

async function firstEntry(api: InspectorApi, filter: EntryFilter, sort?: SortSpec): Promise<EntryRow | null> {
  const page = await api.queryEntries({ filter, sort, offset: 0, limit: 1 })
  return page.rows[0] ?? null
}

/** The first entry of the export from a source with credentials kept, else its first entry. */
async function sampleEntry(
  api: InspectorApi,
  filter: EntryFilter,
  sources: readonly SourceInfo[],
  sort?: SortSpec,
): Promise<EntryRow | null> {
  const kept = sources.filter((s) => s.secretsKept).map((s) => s.id)
  const within = filter.sourceId ? kept.filter((id) => filter.sourceId?.includes(id)) : kept
  if (within.length > 0) {
    const row = await firstEntry(api, { ...filter, sourceId: within }, sort)
    if (row) return row
  }
  return firstEntry(api, filter, sort)
}

export async function loadRedactionSample(
  api: InspectorApi,
  request: { filter: EntryFilter; sort?: SortSpec; selected: EntryRow | null; sources: readonly SourceInfo[] },
): Promise<RedactionSample> {
  const { filter, sort, selected, sources } = request
  const entry = selected ?? (await sampleEntry(api, filter, sources, sort))
  const items = entry ? await api.previewRedaction({ id: entry.id }) : []
  const secretsKept = entry !== null && sources.some((s) => s.id === entry.sourceId && s.secretsKept)
  return { entry, which: selected ? 'selected' : 'sample', secretsKept, items }
}

export function useRedactionSample(
  api: InspectorApi,
  filter: EntryFilter,
  selected: EntryRow | null,
  sources: readonly SourceInfo[],
  sort?: SortSpec,
) {
  const key = JSON.stringify([filter, selected?.id ?? null, sort ?? null, sources.map((s) => [s.id, s.secretsKept])])
  return useAsync(() => loadRedactionSample(api, { filter, sort, selected, sources }), key)
}
