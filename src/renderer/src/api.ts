// The one bridge the renderer uses: Electron's preload when present, else the loopback HTTP host.
import type { InspectorBridge } from '../../shared/api'
import type { ImportFileRef } from '../../shared/types'
import { createHttpBridge, type HttpBridge } from './http-bridge'

const httpBridge: HttpBridge | null = window.inspector ? null : createHttpBridge()

export const bridge: InspectorBridge = window.inspector ?? (httpBridge as HttpBridge)

/** How the backend can reach a picked or dropped file: its path (desktop) or an upload (browser). */
export async function toFileRef(file: File): Promise<ImportFileRef> {
  const path = bridge.pathForFile(file)
  if (path) return { path }
  if (!httpBridge) throw new Error(`cannot read ${file.name}: the file has no path on disk`)
  return { uploadId: await httpBridge.upload(file, file.name), name: file.name }
}
