// Triage reports: Markdown and one self-contained HTML file, credentials redacted, hostile log text
// inert.
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import type { Db } from '../../../src/main/store/db'
import { loadEvidenceRows, renderTriageHtml, renderTriageMarkdown, runTriage } from '../../../src/main/triage'
import { REPORT_CSP } from '../../../src/main/triage/report-html'
import { mdInline } from '../../../src/main/triage/report-md'
import type { TriageRequest } from '../../../src/shared/triage-types'
import { memoryDb } from '../helpers/store'
import { at, loadScenario, MINUTE, Scenario } from '../helpers/triage-scenarios'
import * as worlds from '../helpers/triage-worlds'

const CREDENTIAL: TriageRequest = { caller: { kind: 'apiUser', value: 'crmsync' }, at: '2024-05-01T10:20', timeZone: 'America/New_York' }
const HOSTILE = '<script>alert(1)</script> [click](https://evil.example/x) ``` **bold** <img src=x onerror=alert(2)>'

async function reportOf(db: Db, request: TriageRequest) {
  const result = runTriage(db, request)
  const rows = loadEvidenceRows(db, result)
  return { result, rows, md: renderTriageMarkdown(result, rows), html: renderTriageHtml(result, rows) }
}

async function hostileDb(): Promise<Db> {
  const s = worlds.background(new Scenario())
  s.every(at('09:00'), at('11:00'), 2 * MINUTE, (ts) => ({
    apiUser: 'evil', function: 'POST /v1/x', result: ts >= at('10:00') ? 'error' : 'success', statusCode: ts >= at('10:00') ? 400 : 200,
    resultReason: ts >= at('10:00') ? HOSTILE : null, url: 'https://api.example.com/v1/x?token=tok_live_SECRET123',
    requestHeaders: [['Authorization', 'Bearer sk_live_ABCDEF123456'], ['Content-Type', 'application/json']],
    requestBody: '{"name":"</pre><script>alert(3)</script>","password":"hunter2"}',
  }))
  const db = memoryDb()
  await loadScenario(db, s)
  return db
}

describe('triage reports', () => {
  it('Markdown: verdict, evidence, next steps, flowchart and the evidence entries, credentials redacted', async () => {
    const db = memoryDb()
    await loadScenario(db, worlds.credentialChange().scenario)
    const { result, rows, md } = await reportOf(db, CREDENTIAL)
    expect(md.startsWith('# Triage: API user crmsync: Request rejected\n')).toBe(true)
    expect(md).toContain('- **Verdict:** Request rejected — authentication or permission')
    expect(md).toContain('## Next steps\n\n1. Ask the customer whether the password')
    expect(md).toContain('- **G · Read the error: bad params or auth**: ')
    expect(rows.map((r) => r.id)).toContain(result.evidence.firstFailure?.id)
    expect(md).toContain(`### Entry ${result.evidence.firstFailure?.id} · 2024-05-01 14:06 UTC · update\\_lead · error`)
    expect(md).toContain('| query.pass | \\[hidden\\] | \\[hidden, changed\\] | credential, value not shown |')
    expect(md).not.toMatch(/Winter2023|Spring2024/)
    expect(md).toContain('«redacted:')
  })

  it('HTML: one self-contained file with a strict CSP, every log value escaped, secrets redacted', async () => {
    const db = await hostileDb()
    const { html, md } = await reportOf(db, { caller: { kind: 'apiUser', value: 'evil' }, at: '2024-05-01T10:15Z' })
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`)
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'")
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed|base|form)\b/i)
    expect(html).not.toMatch(/<[^>]*\b(src|href|action|on\w+)=/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(3)')
    for (const secret of ['SECRET123', 'sk_live_ABCDEF123456', 'hunter2']) {
      expect(html).not.toContain(secret)
      expect(md).not.toContain(secret)
    }
    // outside code fences (where text is literal) nothing can render as HTML or a link
    const prose = md.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '')
    expect(prose.length).toBeLessThan(md.length)
    expect(prose).not.toMatch(/(?<!\\)<(script|img)\b|(?<!\\)\]\(/)
    expect(md).toContain('\\<script\\>alert(1)')
  })

  it('Markdown escaping and fences hold any log text', () => {
    expect(mdInline('a|b <x> [l](u) *s* `c`\nnext')).toBe('a\\|b \\<x\\> \\[l\\](u) \\*s\\* \\`c\\` next')
  })

  it('renderTriageReport through the API returns a file name and the content', async () => {
    const backend = createBackend({ dbPath: ':memory:', workerPath: null })
    try {
      await loadScenario(backend.db, worlds.credentialChange().scenario)
      const md = await backend.api.renderTriageReport({ request: CREDENTIAL, format: 'md' })
      expect(md.fileName).toBe('triage-crmsync-20240501-1350.md')
      expect(md.content).toContain('# Triage: API user crmsync: Request rejected')
      const html = await backend.api.renderTriageReport({ request: CREDENTIAL, format: 'html' })
      expect(html.fileName).toBe('triage-crmsync-20240501-1350.html')
      expect(html.content.startsWith('<!DOCTYPE html>')).toBe(true)
    } finally {
      backend.close()
    }
  })
})
