// A scripted backend for component tests: records calls and answers from canned data.
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import type { InspectorApi, InspectorEventName, InspectorEvents } from '../../src/shared/api'
import type { FacetRequest, FacetResult } from '../../src/shared/types'
import { ServicesContext, type Services } from '../../src/renderer/src/services'
import { SettingsProvider } from '../../src/renderer/src/settings'

export interface FakeBackend {
  services: Services
  calls: Array<{ method: string; arg: unknown }>
  emit<K extends InspectorEventName>(event: K, payload: InspectorEvents[K]): void
}

export function fakeBackend(overrides: Partial<InspectorApi> = {}, facets: FacetResult = {}): FakeBackend {
  const calls: FakeBackend['calls'] = []
  const handlers = new Map<string, Set<(p: unknown) => void>>()
  const record =
    <T,>(method: string, value: (arg: never) => T) =>
    async (arg?: unknown) => {
      calls.push({ method, arg })
      return value(arg as never)
    }
  const api = {
    getStoreInfo: record('getStoreInfo', () => ({ dbPath: ':memory:', entryCount: 0, sourceCount: 0, firstTs: null, lastTs: null, hasSecretsKept: false })),
    listSources: record('listSources', () => []),
    removeSource: record('removeSource', () => undefined),
    startImport: record('startImport', () => ({ jobId: 'job-1' })),
    cancelImport: record('cancelImport', () => undefined),
    importSample: record('importSample', () => ({ jobId: 'job-sample' })),
    queryEntries: record('queryEntries', () => ({ rows: [], offset: 0 })),
    countEntries: record('countEntries', () => ({ count: 0 })),
    getFacets: record('getFacets', (req: FacetRequest) =>
      Object.fromEntries(req.fields.map((f) => [f, (facets[f] ?? []).filter((v) => !req.contains || String(v.value).includes(req.contains))])),
    ),
    getHistogram: record('getHistogram', () => ({ bucketMs: 60_000, from: null, to: null, buckets: [] })),
    getEntry: record('getEntry', () => null),
    getStoreHealth: record('getStoreHealth', () => ({ status: 'ok', dbPath: ':memory:', message: null, backupPath: null })),
    ...overrides,
  } as InspectorApi
  const services: Services = {
    api,
    on: (event, handler) => {
      let set = handlers.get(event)
      if (!set) handlers.set(event, (set = new Set()))
      set.add(handler as (p: unknown) => void)
      return () => set.delete(handler as (p: unknown) => void)
    },
    toFileRef: async (file) => ({ uploadId: `up-${file.name}`, name: file.name }),
  }
  return {
    services,
    calls,
    emit: (event, payload) => handlers.get(event)?.forEach((h) => h(payload)),
  }
}

export function renderWith(backend: FakeBackend, ui: ReactElement) {
  return render(
    <ServicesContext.Provider value={backend.services}>
      <SettingsProvider>{ui}</SettingsProvider>
    </ServicesContext.Provider>,
  )
}
