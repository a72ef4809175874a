// Code run inside the page (Playwright serializes these functions, so they use nothing from outside
// themselves). They time what the user sees: the first grid rows after opening the app, and the
// entry count and first grid row after a filter change, from the input event to the next frame.

interface WatchNode {
  textContent: string | null
  querySelector(selector: string): WatchNode | null
  getAttribute(name: string): string | null
}
interface InputEvent {
  type: string
  key?: string
  timeStamp: number
}
interface WatchGlobals {
  document: WatchNode
  performance: { now(): number }
  requestAnimationFrame(callback: () => void): void
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void }
  addEventListener(type: string, listener: (event: InputEvent) => void, capture: boolean): void
  removeEventListener(type: string, listener: (event: InputEvent) => void, capture: boolean): void
  __benchOpen?: OpenState
  __benchChange?: ChangeState
}

export interface OpenState {
  /** ms after navigation start: first grid row in the DOM, the frame after it, the count shown */
  rows: number | null
  rowsPainted: number | null
  count: number | null
}

export interface ChangeExpectation {
  countText: string
  /** row id of the first grid row, null when nothing matches */
  firstId: string | null
  /** what starts the change: a click, or a key (Enter in the search box) */
  trigger: 'click' | 'Enter' | 'Escape'
}

export interface ChangeState {
  t0: number | null
  /** last text input before the trigger (the search box commits by itself 300 ms after typing) */
  lastInput: number | null
  tCount: number | null
  tGrid: number | null
  tPaint: number | null
}

/** Init script: when the first grid row and the entry count appear after navigation. */
export function watchFirstRows(): void {
  const g = globalThis as unknown as WatchGlobals
  const state: OpenState = { rows: null, rowsPainted: null, count: null }
  g.__benchOpen = state
  const check = () => {
    const now = g.performance.now()
    if (state.rows === null && g.document.querySelector('[data-testid="entry-grid"] [role="row"] [role="gridcell"]')) {
      state.rows = now
      g.requestAnimationFrame(() => (state.rowsPainted = g.performance.now()))
    }
    const count = g.document.querySelector('[data-testid="entry-count"]')?.textContent ?? ''
    if (state.count === null && /\d entr/.test(count)) state.count = now
    if (state.rows !== null && state.count !== null) observer.disconnect()
  }
  const observer = new g.MutationObserver(check)
  observer.observe(g.document, { childList: true, subtree: true, characterData: true })
}

/** Arms a watch for one filter change; the state lands in window.__benchChange. */
export function armChange(expected: ChangeExpectation): void {
  const g = globalThis as unknown as WatchGlobals
  const state: ChangeState = { t0: null, lastInput: null, tCount: null, tGrid: null, tPaint: null }
  g.__benchChange = state
  const gridOk = () => {
    const first = g.document.querySelector('[data-testid="entry-grid"] .ag-row[row-index="0"]')
    return expected.firstId === null ? first === null : first?.getAttribute('row-id') === expected.firstId
  }
  const check = () => {
    if (state.t0 === null || state.tPaint !== null) return
    const now = g.performance.now()
    const count = g.document.querySelector('[data-testid="entry-count"]')?.textContent?.trim()
    if (state.tCount === null && count === expected.countText) state.tCount = now
    if (state.tGrid === null && gridOk()) state.tGrid = now
    if (state.tCount !== null && state.tGrid !== null) {
      observer.disconnect()
      g.requestAnimationFrame(() => (state.tPaint = g.performance.now()))
    }
  }
  const observer = new g.MutationObserver(check)
  observer.observe(g.document, { childList: true, subtree: true, characterData: true, attributes: true })
  const onEvent = (event: InputEvent) => {
    if (event.type === 'input') {
      state.lastInput = event.timeStamp
      return
    }
    const hit = expected.trigger === 'click' ? event.type === 'click' : event.type === 'keydown' && event.key === expected.trigger
    if (!hit || state.t0 !== null) return
    state.t0 = event.timeStamp
    for (const type of ['click', 'keydown', 'input']) g.removeEventListener(type, onEvent, true)
    check()
  }
  for (const type of ['click', 'keydown', 'input']) g.addEventListener(type, onEvent, true)
}
