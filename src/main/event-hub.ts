import { EVENT_NAMES, type InspectorEventName, type InspectorEvents, type Subscribe } from '../shared/api'

type Handler = (payload: never) => void

/** A tiny typed publish/subscribe hub for backend push events. */
export class EventHub {
  private readonly handlers = new Map<InspectorEventName, Set<Handler>>()

  on: Subscribe = (event, handler) => {
    let set = this.handlers.get(event)
    if (!set) this.handlers.set(event, (set = new Set()))
    set.add(handler as Handler)
    return () => set.delete(handler as Handler)
  }

  /** Every event, for transports that forward all of them. */
  onAny(handler: <K extends InspectorEventName>(event: K, payload: InspectorEvents[K]) => void): () => void {
    const offs = (Object.keys(EVENT_NAMES) as InspectorEventName[]).map((event) =>
      this.on(event, (payload) => handler(event, payload)),
    )
    return () => offs.forEach((off) => off())
  }

  emit<K extends InspectorEventName>(event: K, payload: InspectorEvents[K]): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (p: InspectorEvents[K]) => void)(payload)
  }
}
