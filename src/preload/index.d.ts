import type { InspectorBridge } from '../shared/api'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser, where the HTTP bridge is used instead. */
    inspector?: InspectorBridge
  }
}

export {}
