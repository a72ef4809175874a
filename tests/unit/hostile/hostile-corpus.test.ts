// Log content is hostile input: every file of the hostile corpus imports, every value comes back
// byte for byte as text (markup, escapes and controls are data, never interpreted), and the
// surfaces that leave the app (terminal table, CSV) neutralise what would act on them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { formatRows } from '../../../src/main/cli/output'
import { importFile } from '../../../src/main/importers/run-import'
import { CSV_COLUMNS, csvFormatter } from '../../../src/main/export/csv-format'
import { createRecordRedactor } from '../../../src/main/redact'
import type { EntryDetail } from '../../../src/shared/types'
import { importIntoMemory, type Imported } from '../helpers/store'
import { ALL_IN_ONE, COOKIE_VALUE, hostileCorpus, LONG_VALUE, PAYLOADS as P } from './corpus'

const ROOT = join(__dirname, '../../fixtures/hostile')
const CORPUS = hostileCorpus()
const fileOf = (format: string) => {
  const [name] = Object.keys(CORPUS[format])
  return { path: join(ROOT, format, name), text: CORPUS[format][name] }
}

/** The bits of jsdom used here (it ships no types; the renderer tests use it as their environment). */
interface MiniElement {
  tagName: string
  attributes: ArrayLike<{ name: string }>
  getAttribute(name: string): string | null
}
interface MiniDocument {
  querySelectorAll(selector: string): ArrayLike<MiniElement>
  querySelector(selector: string): MiniElement | null
  body: { textContent: string | null }
}
const { JSDOM } = createRequire(__filename)('jsdom') as { JSDOM: new (html: string) => { window: { document: MiniDocument } } }

/** Characters a terminal or a text renderer would act on: C0 (but tab), DEL, C1, bidi controls. */
// (line feed is in the set: callers check line by line)
const ACTIVE_CHARS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

async function importBoth(format: string): Promise<{ kept: Imported; redacted: Imported; text: string }> {
  const { path, text } = fileOf(format)
  // byte-for-byte checks run with secrets kept: redaction would (rightly) rewrite the cookie
  const kept = await importIntoMemory(path, { keepSecrets: true })
  const redacted = await importIntoMemory(path)
  return { kept, redacted, text }
}

function details(imported: Imported): EntryDetail[] {
  return imported.rows.map((_, i) => imported.detail(i))
}

describe('hostile corpus files', () => {
  it('are exactly what corpus.ts generates (UPDATE_HOSTILE=1 rewrites them)', () => {
    for (const [format, files] of Object.entries(CORPUS)) {
      for (const [name, text] of Object.entries(files)) {
        const path = join(ROOT, format, name)
        if (process.env.UPDATE_HOSTILE === '1') {
          mkdirSync(join(ROOT, format), { recursive: true })
          writeFileSync(path, text)
        }
        expect(existsSync(path), path).toBe(true)
        expect(readFileSync(path, 'utf8') === text, `${path} differs from corpus.ts`).toBe(true)
      }
    }
    expect(Object.keys(CORPUS).sort()).toEqual(['access-log', 'csv', 'har', 'json', 'ndjson', 'vicidial'])
  })
})

describe('hostile content imports as inert text', () => {
  it('har: markup, escapes and controls in names, values, bodies and the entry itself', async () => {
    const { kept, redacted, text } = await importBoth('har')
    expect(kept.result).toMatchObject({ format: 'har', failure: null, imported: 4, errorCount: 0 })
    expect(redacted.result).toMatchObject({ format: 'har', failure: null, imported: 4, errorCount: 0 })
    const [first, second, third, fourth] = details(kept)
    for (const d of [first, second, third, fourth]) expect(text.includes(d.raw), `entry ${d.position}`).toBe(true)
    expect(first.function).toBe(`POST /v1/${P.script}/${P.bidi}`)
    expect(first.url).toBe(`https://api.example.com/v1/${P.script}/${P.bidi}?q=${P.img}&next=${P.jsUrl}`)
    expect(first.statusText).toBe(`Internal ${P.script} ${P.ansi}`)
    expect(first.requestHeaders.slice(0, 3)).toEqual([[P.img, P.script], ['Referer', P.jsUrl], ['User-Agent', P.ansi]])
    expect(first.requestHeaders).toEqual(expect.arrayContaining(Object.entries(P).map(([name, value]) => [`X-${name}`, value])))
    expect(JSON.parse(first.requestBody!)).toEqual({ [P.img]: P.script, [P.proto]: { polluted: P.markup }, formula: P.formula, bidi: P.bidi, c0: P.c0 })
    expect(first.responseBody).toBe(`<html><body>${P.img}${P.iframe}${P.markup}${P.remote}</body></html>`)
    expect(first.responseHeaders).toEqual(expect.arrayContaining([['Location', P.jsUrl], [P.svg, P.dataUrl]]))
    expect(second.url).toBe(P.jsUrl)
    expect(second.statusText).toBe(P.bidi)
    // the error text is a one-line summary: whitespace-like characters become spaces, nothing else changes
    expect(second.resultReason).toBe(`${P.img} ${P.c0} ${P.invisible}`.replace(/[\v\f\ufeff\u2028\u2029]/g, ' '))
    expect(JSON.parse(second.responseBody!).error.message).toBe(`${P.img} ${P.c0} ${P.invisible}`)
    expect(second.errorCode).toBe(P.formula)
    expect(third.url).toBe(`https://api.example.com/long?v=${LONG_VALUE}`)
    // a base64 body that is UTF-8 text is stored decoded, still as text
    expect(third).toMatchObject({ responseBody: `${P.script}${P.img}`, responseBodyEncoding: null })
    expect(fourth.ts).toBeNull()
    // the raw entry is the file's own text, byte for byte; only the cookie is masked by default
    expect(JSON.parse(first.raw).request.cookies).toEqual([{ name: P.svg, value: COOKIE_VALUE }])
    const masked = details(redacted)[0]
    expect(masked.raw).not.toContain(COOKIE_VALUE)
    expect(masked.responseBody).toBe(first.responseBody)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('ndjson: hostile keys and values; a line with raw control characters is reported, not fatal', async () => {
    const { kept, redacted, text } = await importBoth('ndjson')
    const lines = text.split('\n')
    expect(kept.result).toMatchObject({ format: 'ndjson', failure: null, imported: 4, skipped: 1, errorCount: 1 })
    expect(kept.result.errors).toEqual([{ position: 4, message: expect.stringMatching(/^not valid JSON: Bad control character/) }])
    expect(redacted.result.imported).toBe(4)
    const rows = details(kept)
    expect(rows.map((d) => d.position)).toEqual([1, 2, 3, 5])
    for (const d of rows) expect(d.raw).toBe(lines[d.position - 1])
    const [first, second, third, fourth] = rows
    expect(first).toMatchObject({
      function: `POST /v1/${P.script}/${P.bidi}`,
      apiUser: P.svg,
      service: P.markup,
      tenant: P.formula,
      correlationId: P.ansi,
      clientIp: P.c0,
      resultReason: `${P.img} ${P.ansi} ${P.c1}`,
    })
    expect(first.requestHeaders).toEqual([[P.script, P.img], ['X-Formula', P.formulaPlus], ['Referer', P.jsUrl]])
    expect(first.responseBody).toBe(`<html>${P.img}${P.markup}</html>`)
    expect(second).toMatchObject({ apiUser: P.attribute, function: P.template, resultReason: ALL_IN_ONE })
    expect(third.apiUser).toBe(LONG_VALUE)
    // a javascript: "URL" is no HTTP URL: not taken as the url (the raw record keeps it)
    expect(fourth).toMatchObject({ function: P.sql, apiUser: P.ansi, url: null, statusCode: 418 })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('json: the same records as one document, under a hostile top-level key', async () => {
    const { kept, text } = await importBoth('json')
    expect(kept.result).toMatchObject({ format: 'json', failure: null, imported: 4, skipped: 1, errorCount: 0 })
    const rows = details(kept)
    for (const d of rows) expect(JSON.stringify(JSON.parse(text).records[d.position - 1])).toBe(JSON.stringify(JSON.parse(d.raw)))
    expect(rows[0]).toMatchObject({ apiUser: P.svg, tenant: P.formula, clientIp: P.c0, correlationId: P.ansi })
    expect(rows[1].resultReason).toBe(ALL_IN_ONE)
  })

  it('csv: hostile headers and cells, a multi-line cell and a very long one', async () => {
    const { kept, text } = await importBoth('csv')
    expect(kept.result).toMatchObject({ format: 'csv', failure: null, imported: 3, errorCount: 0 })
    const records = parse(text, { relax_column_count: true }) as string[][]
    const [first, second, third] = details(kept)
    for (const d of [first, second, third]) expect(text.includes(d.raw)).toBe(true)
    expect(first).toMatchObject({
      statusText: P.script,
      resultReason: `${P.img} ${P.ansi}`,
      clientIp: P.c0,
      service: P.markup,
      endpoint: `GET /v1/${P.svg}`,
      apiUser: P.bidi,
      correlationId: P.jsUrl,
    })
    expect(second).toMatchObject({ resultReason: P.formulaPlus, service: P.formulaMinus, apiUser: P.formulaAt, correlationId: P.remote })
    expect(second.raw).toContain(`multi\nline\r\n${P.img}`.replace(/"/g, '""'))
    expect(third.resultReason).toBe(LONG_VALUE)
    // hostile header names are columns like any other (kept in the mapping and the raw record)
    expect(Object.keys(kept.result.errors)).toEqual([])
    expect(records[0].slice(11)).toEqual([P.img, P.formula, P.ansi, P.bidi, P.script])
  })

  it('vicidial: the API log report with hostile users, functions, reasons and URLs', async () => {
    const { kept, text } = await importBoth('vicidial')
    expect(kept.result).toMatchObject({ format: 'vicidial', failure: null, imported: 3, errorCount: 0 })
    const [first, second, third] = details(kept)
    for (const d of [first, second, third]) expect(text.split('\n')[d.position - 1]).toBe(d.raw)
    expect(first).toMatchObject({ apiUser: P.svg, function: P.script, resultReason: `${P.img} ${P.c0}`, origin: P.markup })
    expect(first.agentUser).toBe(P.img)
    expect(second).toMatchObject({ resultReason: P.invisible, origin: P.jsUrl, url: `https://dialer.example.com/agc/api.php?value=${P.jsUrl}` })
    expect(third.resultReason).toBe(LONG_VALUE)
  })

  it('access-log: escaped and raw hostile bytes in every quoted field', async () => {
    const { kept, text } = await importBoth('access-log')
    expect(kept.result).toMatchObject({ format: 'access-log', failure: null, imported: 4, errorCount: 0 })
    const rows = details(kept)
    for (const d of rows) expect(text.split('\n')[d.position - 1]).toBe(d.raw)
    expect(rows[0]).toMatchObject({ apiUser: P.svg.replace(/ /g, '_'), function: `GET /v1/${P.script}` })
    expect(rows[0].requestHeaders).toContainEqual(['Referer', P.jsUrl])
    expect(rows[1].requestHeaders).toContainEqual(['User-Agent', `${P.ansi} ${P.c1} ${P.c0}`])
    expect(rows[1].function).toBe(`POST /v2/${P.bidi.replace(/ /g, '')}`)
    expect(rows[2].url).toBe(`/long?v=${LONG_VALUE}`)
  })
})

describe('surfaces that leave the app', () => {
  async function everything(): Promise<EntryDetail[]> {
    const all: EntryDetail[] = []
    for (const format of Object.keys(CORPUS)) all.push(...details(await importIntoMemory(fileOf(format).path)))
    return all
  }

  it('the terminal table shows control and bidi characters as escapes, never raw', async () => {
    const rows = await everything()
    const table = formatRows(rows, 'table')
    const lines = table.split('\n')
    expect(lines).toHaveLength(rows.length + 2)
    for (const line of lines) expect(line).not.toMatch(ACTIVE_CHARS)
    expect(table).toContain('\\e[31mred\\e[0m')
    expect(table).toContain('invoice\\u202egn')
  })

  it('the CSV export neutralises formulas and keeps every other value as it was', async () => {
    const rows = await everything()
    const formatter = csvFormatter({})
    const redact = createRecordRedactor(Buffer.from('hostile-test'))
    const csv = formatter.begin() + rows.map((row, i) => formatter.row(redact(row), i)).join('') + formatter.end({ rows: rows.length, notes: [] })
    const [header, ...records] = parse(csv) as string[][]
    expect(header).toEqual(CSV_COLUMNS.map((c) => c.title))
    expect(records).toHaveLength(rows.length)
    const numeric = new Set(['Code', 'Timing', 'Delay'])
    let neutralised = 0
    records.forEach((record, r) =>
      record.forEach((cell, c) => {
        if (numeric.has(header[c])) return
        expect(cell, `${header[c]} of row ${r}`).not.toMatch(/^[=+\-@\t\r\n\0]/)
        if (cell.startsWith("'") && /^[=+\-@]/.test(cell.slice(1))) neutralised++
        const original = CSV_COLUMNS[c].value(redact(rows[r]))
        expect(cell, `${header[c]} of row ${r}`).toBe(original === null ? '' : /^[=+\-@\t\r\n\0]/.test(String(original)) ? `'${original}` : String(original))
      }),
    )
    expect(neutralised).toBeGreaterThan(5)
  })

  async function triageReport(format: 'md' | 'html'): Promise<string> {
    const backend = createBackend({ dbPath: ':memory:', workerPath: null })
    try {
      for (const name of Object.keys(CORPUS)) await importFile(backend.db, { path: fileOf(name).path })
      const request = { caller: { kind: 'apiUser' as const, value: P.svg }, from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }
      return (await backend.api.renderTriageReport({ request, format })).content
    } finally {
      backend.close()
    }
  }

  it('the HTML triage report shows every payload as text: no element, attribute or raw control from the log', async () => {
    const html = await triageReport('html')
    const document = new JSDOM(html).window.document
    const elements = Array.from(document.querySelectorAll('*'))
    const tags = new Set(elements.map((e) => e.tagName.toLowerCase()))
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'span', 'p', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ol', 'ul', 'li', 'div', 'strong', 'pre']
    expect([...tags].filter((t) => !allowed.includes(t))).toEqual([])
    const attributes = new Set(elements.flatMap((e) => Array.from(e.attributes).map((a) => a.name)))
    expect([...attributes].sort()).toEqual(['charset', 'class', 'content', 'http-equiv', 'lang', 'name', 'style'])
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'")
    const text = document.body.textContent ?? ''
    expect(text).toContain(P.script)
    expect(text).toContain(P.img)
    for (const line of html.split('\n')) expect(line).not.toMatch(ACTIVE_CHARS)
    expect(text).toContain('invoice\\u202egnp.exe')
  })

  it('the Markdown triage report escapes log text outside code fences and shows no raw control', async () => {
    const md = await triageReport('md')
    for (const line of md.split('\n')) expect(line).not.toMatch(ACTIVE_CHARS)
    // a fence is at least three backticks, closed by the same run; inside it markup is inert text
    const outside = md.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '')
    expect(outside).not.toBe(md)
    expect(outside).not.toMatch(/(^|[^\\])<(script|img|svg|iframe|b|a)\b/)
    expect(outside).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/)
    expect(outside).toContain('\\<script\\>')
  })
})

