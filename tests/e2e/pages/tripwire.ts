// Tripwires for hostile log content (tests/fixtures/hostile/README.md): every request, dialog and
// Content-Security-Policy violation of a browser context is recorded, and `expectInert` checks a page
// for the markers of anything that ran or any element that came from data, and for control or bidi
// characters reaching the screen raw.
import { expect, type BrowserContext, type Page, type Request } from 'playwright/test'

/** Characters VisibleText must show as escapes (TAB, LF and CR may stay in multi-line text). */
const RAW_INVISIBLE = String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]`

/** The page's DOM, typed just enough for the checks (e2e code compiles without lib.dom). */
interface El {
  outerHTML: string
  tagName: string
  href?: string
  value?: string
  type?: string
  parentElement: El | null
  getAttribute(name: string): string | null
  getAttributeNames(): string[]
  closest(selector: string): El | null
}
interface Doc {
  body: El
  querySelectorAll(selector: string): Iterable<El>
  createTreeWalker(root: El, what: number): { nextNode(): { nodeValue: string | null; parentElement: El | null } | null }
  addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void
}

/** What one page looks like to the checks: run inside the page, returns the problems found. */
function inspectPage(pattern: string): string[] {
  const invisible = new RegExp(pattern)
  const problems: string[] = []
  const g = globalThis as unknown as { __pwned?: unknown; location: { host: string } }
  const doc = (globalThis as unknown as { document: Doc }).document
  if (g.__pwned !== undefined) problems.push(`window.__pwned is ${String(g.__pwned)}`)
  const snippet = (el: El | null) => (el === null ? '(none)' : el.outerHTML.slice(0, 160))
  const markers = '[data-pwned], img[src="x"], iframe[srcdoc], svg[onload], [onerror], [onfocus], [onload], [srcdoc]'
  for (const el of doc.querySelectorAll(markers)) problems.push(`marker element: ${snippet(el)}`)
  // nothing that loads or runs anything, apart from the app's own bundle and styles in <head>
  for (const el of doc.querySelectorAll('img, iframe, frame, object, embed, video, audio, source, base, portal')) {
    // CodeMirror's cursor-placement buffers beside its widgets: empty images that load nothing
    const buffer = el.tagName === 'IMG' && el.getAttributeNames().join(' ') === 'class aria-hidden' && el.getAttribute('class') === 'cm-widgetBuffer'
    if (!buffer) problems.push(`element that loads content: ${snippet(el)}`)
  }
  for (const el of doc.querySelectorAll('script, link, meta, style')) {
    const src = el.getAttribute('src') ?? el.getAttribute('href')
    if (el.closest('head') === null && el.tagName !== 'STYLE') problems.push(`${el.tagName} outside <head>: ${snippet(el)}`)
    // index.html's own empty favicon (data:,) keeps the browser from asking for /favicon.ico
    const own = src === null || src === 'data:,' || /^(\/|\.\/)/.test(src) || src.startsWith(`http://${g.location.host}/`)
    if (!own) {
      problems.push(`${el.tagName} from elsewhere: ${snippet(el)}`)
    }
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      if (/^on/i.test(attr)) problems.push(`event-handler attribute ${attr}: ${snippet(el)}`)
    }
  }
  // only http(s) links, and (today) only to the app itself
  for (const a of doc.querySelectorAll('a[href], area[href]')) {
    const url = new URL(a.href ?? '')
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`non-http(s) link: ${snippet(a)}`)
    else if (url.host !== g.location.host) problems.push(`link to another site: ${snippet(a)}`)
  }
  // control and bidi characters never reach the screen (or a tooltip, or an accessible name) raw
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // AG Grid's live region ends its announcements with a U+200B of its own, so they are read again
    if (node.parentElement?.closest('.ag-aria-description-container')) continue
    const text = node.nodeValue ?? ''
    const at = text.search(invisible)
    if (at >= 0) {
      const code = text.codePointAt(at)?.toString(16).toUpperCase().padStart(4, '0')
      problems.push(`raw U+${code} in text “${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))}” under ${snippet(node.parentElement)}`)
    }
  }
  for (const el of doc.querySelectorAll('[title], [aria-label], [aria-valuetext], [placeholder]')) {
    for (const attr of ['title', 'aria-label', 'aria-valuetext', 'placeholder']) {
      const value = el.getAttribute(attr)
      if (value !== null && invisible.test(value)) problems.push(`raw control/bidi character in ${attr}: ${snippet(el)}`)
    }
  }
  // nor a text box the app filled in from the log
  for (const el of doc.querySelectorAll('input, textarea')) {
    if (typeof el.value === 'string' && invisible.test(el.value)) problems.push(`raw control/bidi character in a ${el.type ?? 'text'} box: ${snippet(el)}`)
  }
  return problems.slice(0, 20)
}

export class Tripwire {
  readonly requests: string[] = []
  readonly dialogs: string[] = []
  readonly cspMessages: string[] = []
  readonly pageErrors: string[] = []

  private constructor(
    readonly context: BrowserContext,
    private readonly allowed: (url: string) => boolean,
  ) {}

  /**
   * Records the context's traffic, dialogs and CSP violations from now on, and reloads `page` so the
   * violation listener is in place from the first script on.
   */
  static async arm(page: Page): Promise<Tripwire> {
    const origin = new URL(page.url()).origin
    const wire = new Tripwire(page.context(), (url) => url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`) || url.startsWith('file://'))
    await page.context().addInitScript(() => {
      const g = globalThis as unknown as { __cspViolations?: string[]; document: Doc }
      g.__cspViolations = []
      g.document.addEventListener('securitypolicyviolation', (e) => {
        g.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`)
      })
    })
    wire.watch(page)
    page.context().on('page', (p) => wire.watch(p))
    page.context().on('request', (r: Request) => wire.requests.push(r.url()))
    await page.reload()
    return wire
  }

  private watch(page: Page): void {
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss().catch(() => undefined)
    })
    page.on('console', (msg) => {
      if (/Content.Security.Policy|Refused to/i.test(msg.text())) this.cspMessages.push(msg.text())
    })
    page.on('pageerror', (error) => this.pageErrors.push(error.message))
  }

  /** Nothing ran, nothing was made from data, nothing left the machine, nothing shown raw. */
  async expectInert(page: Page, where: string): Promise<void> {
    const problems: string[] = []
    for (const frame of page.frames()) {
      const pwned = await frame.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined)
      if (pwned !== undefined) problems.push(`__pwned is ${String(pwned)} in frame ${frame.url()}`)
    }
    problems.push(...(await page.evaluate(inspectPage, RAW_INVISIBLE)))
    const violations = await page.evaluate(() => (globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
    problems.push(...violations.map((v) => `CSP violation: ${v}`))
    problems.push(...this.cspMessages.map((m) => `console: ${m}`))
    problems.push(...this.pageErrors.map((m) => `page error: ${m}`))
    problems.push(...this.dialogs.map((d) => `dialog opened: ${d}`))
    problems.push(...this.requests.filter((url) => !this.allowed(url) || /evil\.example/i.test(url)).map((url) => `request: ${url}`))
    expect(problems, `${where}: nothing from the log may run, load or show raw`).toEqual([])
  }
}
