// Exposes exactly the reviewed bridge as window.inspector: the API client, event subscription and
// the path of a dropped file. Nothing else of Node or Electron reaches the page.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { API_CHANNEL, EVENT_CHANNEL, EVENT_NAMES, SAVE_DIALOG_CHANNEL, type InspectorBridge, type InspectorEventName } from '../shared/api'
import { createClient, type Envelope } from '../shared/transport'

export function buildBridge(): InspectorBridge {
  const api = createClient((method, arg) => ipcRenderer.invoke(API_CHANNEL, method, arg) as Promise<Envelope>)
  return {
    // contextBridge copies plain objects only, so spread the client into one
    api: { ...api },
    on: (event, handler) => {
      if (!Object.hasOwn(EVENT_NAMES, event)) throw new Error(`unknown event ${String(event)}`)
      const listener = (_e: unknown, name: InspectorEventName, payload: unknown) => {
        if (name === event) (handler as (p: unknown) => void)(payload)
      }
      ipcRenderer.on(EVENT_CHANNEL, listener)
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener)
    },
    chooseSavePath: (suggestedName) =>
      typeof suggestedName === 'string'
        ? (ipcRenderer.invoke(SAVE_DIALOG_CHANNEL, suggestedName.slice(0, 255)) as Promise<string | null>)
        : Promise.resolve(null),
    pathForFile: (file) => {
      try {
        return webUtils.getPathForFile(file) || null
      } catch {
        return null
      }
    },
  }
}

contextBridge.exposeInMainWorld('inspector', buildBridge())
