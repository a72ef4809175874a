// Everything that depends on the filter: the grid's result set with its exact count, and the
// timeline (the same filter without its time range). A single filter edit applies at once; a burst
// of edits is coalesced into its last one.
import { useMemo } from 'react'
import type { EntryFilter } from '../../../../shared/types'
import { useAsync } from '../../hooks/use-async'
import { useCoalescedValue } from '../../hooks/use-coalesced-value'
import { useApi } from '../../services'
import { createEntrySource } from '../entries/entry-source'
import { withoutTime } from '../filters/filter-model'

export const FILTER_SETTLE_MS = 120
export const HISTOGRAM_BUCKETS = 100

export function useWorkspaceData(filter: EntryFilter, revision: number) {
  const api = useApi()
  const settled = useCoalescedValue(filter, FILTER_SETTLE_MS)
  const filterKey = JSON.stringify(settled)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const source = useMemo(() => createEntrySource(api, settled, revision), [api, filterKey, revision])
  const count = useAsync(() => source.count, source.key)
  const timelineFilter = withoutTime(settled)
  // The backend answers one request at a time and the histogram is the slowest query on a big
  // store, so it goes after the count (and the grid's first page, requested alongside the count).
  const histogram = useAsync(async () => {
    await source.count.catch(() => undefined)
    return api.getHistogram({ filter: timelineFilter, buckets: HISTOGRAM_BUCKETS })
  }, `${JSON.stringify(timelineFilter)}#${revision}`)
  return { source, count, histogram, settled }
}
