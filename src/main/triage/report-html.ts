// The triage report as one self-contained HTML file: inline CSS only, no scripts, no external
// resources, a CSP that forbids everything else, and every log value HTML-escaped.
import type { TriageResult, TriageVerdict } from '../../shared/triage-types'
import type { EntryDetail } from '../../shared/types'
import { buildReportModel, type Pair, type ReportTable } from './report-model'

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'"

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

const VERDICT_COLORS: Record<TriageVerdict, string> = {
  caller_never_reached: '#8a5a00',
  request_rejected: '#b3261e',
  caller_side: '#1b6e3a',
  inconclusive: '#555',
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;max-width:1100px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}h3{font-size:15px;margin:18px 0 6px}
.badge{display:inline-block;color:#fff;border-radius:4px;padding:2px 8px;font-size:13px;vertical-align:middle}
.headline{font-size:16px;font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}dt{font-weight:600;color:#444}dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;margin:8px 0;width:100%}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f5f5f7}
pre{background:#f5f5f7;border:1px solid #e3e3e6;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;margin:4px 0}
.step{margin:4px 0}.outcome{color:#555}.note{color:#555;font-style:italic}
`

function pairs(list: Pair[]): string {
  return `<dl>${list.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`
}

function table(t: ReportTable): string {
  const head = `<tr>${t.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`
  const body = t.rows.map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`
}

function pre(label: string, text: string): string {
  return text ? `<div>${escapeHtml(label)}</div><pre>${escapeHtml(text)}</pre>` : ''
}

export function renderTriageHtml(result: TriageResult, rows: EntryDetail[]): string {
  const m = buildReportModel(result, rows)
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(m.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(m.title)} <span class="badge" style="background:${VERDICT_COLORS[result.verdict]}">${escapeHtml(m.verdict)}</span></h1>`,
    `<p class="headline">${escapeHtml(m.headline)}</p>`,
    pairs(m.summary),
    '<h2>Evidence</h2>',
    pairs(m.evidence),
  ]
  if (m.topErrors) parts.push('<h3>Errors</h3>', table(m.topErrors))
  if (m.changes) {
    parts.push('<h3>What changed between the last success and the first failure</h3>')
    parts.push(m.changes.rows.length ? table(m.changes) : '<p>Nothing in the request changed (URL, parameters, headers, body).</p>')
  }
  parts.push('<h2>Next steps</h2>', `<ol>${m.nextSteps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`)
  parts.push('<h2>Flowchart walked</h2>')
  for (const s of m.steps) {
    const outcome = s.outcome === 'n/a' ? '' : ` <span class="outcome">(${escapeHtml(s.outcome)})</span>`
    parts.push(`<div class="step"><strong>${escapeHtml(`${s.id} · ${s.title}`)}</strong>${outcome}: ${escapeHtml(s.answer)}</div>`)
  }
  parts.push('<h2>Evidence entries</h2>', '<p class="note">Credentials are redacted.</p>')
  for (const e of m.entries) {
    parts.push(`<h3>${escapeHtml(e.heading)}</h3>`, pairs(e.facts), pre('Request', e.request), pre('Response', e.response), pre('Original record', e.raw))
  }
  parts.push('</body></html>', '')
  return parts.join('\n')
}
