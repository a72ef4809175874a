// The browser-mode bridge: the same InspectorBridge the Electron preload exposes, carried over the
// loopback HTTP host (POST /api/<method>, Server-Sent Events on /events, POST /upload).
import {
  EVENT_NAMES,
  type InspectorBridge,
  type InspectorEventName,
  type InspectorEvents,
} from '../../shared/api'
import { createClient, httpCall } from '../../shared/transport'

export const TOKEN_STORAGE_KEY = 'inspector.token'

/** What the bridge needs from the page; injectable so tests can run it against fakes. */
export interface BrowserEnv {
  location: Pick<Location, 'origin' | 'href'>
  history: Pick<History, 'replaceState' | 'state'>
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>
  fetch: typeof fetch
  createEventSource(url: string): EventSourceLike
}

export interface EventSourceLike {
  onmessage: ((event: { data: string }) => void) | null
  onopen: ((event: unknown) => void) | null
  close(): void
}

export interface HttpBridge extends InspectorBridge {
  /** Sends a file's bytes to the host; resolves to the upload id that startImport accepts. */
  upload(file: Blob, name: string): Promise<string>
}

type AnyHandler = (payload: unknown) => void

/**
 * Takes the per-run token from `?token=` (keeping it in sessionStorage so a reload still works) and
 * removes it from the address bar so it does not end up in screenshots or the history.
 */
export function takeToken(env: Pick<BrowserEnv, 'location' | 'history' | 'sessionStorage'>): string {
  const url = new URL(env.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    env.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    url.searchParams.delete('token')
    env.history.replaceState(env.history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return env.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? ''
}

function parseEvent(data: string): { event: InspectorEventName; payload: unknown } | null {
  try {
    const message = JSON.parse(data) as { event?: unknown; payload?: unknown }
    if (typeof message.event !== 'string' || !Object.hasOwn(EVENT_NAMES, message.event)) return null
    return { event: message.event as InspectorEventName, payload: message.payload }
  } catch {
    return null
  }
}

export function createHttpBridge(env: BrowserEnv = browserEnv()): HttpBridge {
  const token = takeToken(env)
  const origin = env.location.origin
  const handlers = new Map<InspectorEventName, Set<AnyHandler>>()
  let source: EventSourceLike | null = null
  let opened = false

  function deliver(event: InspectorEventName, payload: unknown): void {
    for (const handler of [...(handlers.get(event) ?? [])]) handler(payload)
  }

  function connect(): void {
    if (source) return
    source = env.createEventSource(`${origin}/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (message) => {
      const parsed = parseEvent(message.data)
      if (parsed) deliver(parsed.event, parsed.payload)
    }
    source.onopen = () => {
      // After a reconnect some events may have been missed: tell listeners to reload.
      if (opened) deliver('storeChanged', { reason: 'other' } satisfies InspectorEvents['storeChanged'])
      opened = true
    }
  }

  return {
    api: createClient(httpCall(origin, token, env.fetch)),
    on: (event, handler) => {
      if (!Object.hasOwn(EVENT_NAMES, event)) throw new Error(`unknown event ${String(event)}`)
      let set = handlers.get(event)
      if (!set) handlers.set(event, (set = new Set()))
      set.add(handler as AnyHandler)
      connect()
      return () => {
        set.delete(handler as AnyHandler)
      }
    },
    pathForFile: () => null,
    chooseSavePath: async () => null,
    upload: async (file, name) => {
      const response = await env.fetch(`${origin}/upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-inspector-token': token },
        body: file,
      })
      const text = await response.text()
      if (!response.ok) throw new Error(`upload of ${name} failed (HTTP ${response.status}): ${text.slice(0, 200)}`)
      const reply = JSON.parse(text) as { uploadId?: unknown }
      if (typeof reply.uploadId !== 'string') throw new Error(`upload of ${name} failed: no upload id in the reply`)
      return reply.uploadId
    },
  }
}

export function browserEnv(): BrowserEnv {
  return {
    location: window.location,
    history: window.history,
    sessionStorage: window.sessionStorage,
    fetch: window.fetch.bind(window),
    createEventSource: (url) => new EventSource(url) as unknown as EventSourceLike,
  }
}
