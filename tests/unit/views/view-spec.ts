// A complete view spec for tests, with parts overridable.
import type { SavedViewSpec } from '../../../src/shared/view-types'

export function spec(name: string, extra: Partial<SavedViewSpec> = {}): SavedViewSpec {
  return {
    name,
    filter: { result: ['error'], tenant: ['acme'] },
    timeRange: { kind: 'relative', lastMinutes: 60 },
    search: 'timeout',
    columns: [{ id: 'ts', width: 180 }, { id: 'apiUser' }, { id: 'raw', hidden: true }],
    sort: { field: 'ts', dir: 'desc' },
    ...extra,
  }
}
