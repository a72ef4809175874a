// Backend access for components, through context so tests can supply a fake backend.
import { createContext, useContext } from 'react'
import type { InspectorApi, Subscribe } from '../../shared/api'
import type { ImportFileRef } from '../../shared/types'

export interface Services {
  api: InspectorApi
  on: Subscribe
  toFileRef(file: File): Promise<ImportFileRef>
  /** true in the desktop app, where an export is written to a chosen path instead of downloaded */
  isDesktop?: boolean
  /** desktop: asks where to save a file (native save dialog); the path, or null when cancelled */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>
}

export const ServicesContext = createContext<Services | null>(null)

export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('useServices: no ServicesContext provider')
  return services
}

export function useApi(): InspectorApi {
  return useServices().api
}
