// Counts the page's backend calls in flight (POST /api/…), so a measurement can start once the
// server has finished what the previous step asked of it (timeline, facet counts). The event
// stream is a long-lived request and is left out, which is why Playwright's 'networkidle' won't do.
import type * as Playwright from 'playwright'

export interface ApiTracker {
  inFlight(): number
  /** resolves once no call has been in flight for `quietMs` */
  idle(timeoutMs: number, quietMs?: number): Promise<void>
}

export function trackApi(page: Playwright.Page): ApiTracker {
  const pending = new Set<Playwright.Request>()
  let lastChange = performance.now()
  const isApiCall = (request: Playwright.Request) => request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/api/')
  const done = (request: Playwright.Request) => {
    if (pending.delete(request)) lastChange = performance.now()
  }
  page.on('request', (request) => {
    if (!isApiCall(request)) return
    pending.add(request)
    lastChange = performance.now()
  })
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return {
    inFlight: () => pending.size,
    async idle(timeoutMs, quietMs = 300) {
      const deadline = performance.now() + timeoutMs
      while (pending.size > 0 || performance.now() - lastChange < quietMs) {
        if (performance.now() > deadline) throw new Error(`${pending.size} backend calls still running after ${timeoutMs} ms`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}
