// The triage report as Markdown, to paste into a support ticket. Log text is escaped so it cannot
// add formatting, links or HTML; excerpts sit in code fences longer than any backtick run inside.
import type { TriageResult } from '../../shared/triage-types'
import type { EntryDetail } from '../../shared/types'
import { buildReportModel, type Pair, type ReportTable } from './report-model'

/** Backslash-escapes what could start Markdown or HTML inline; line breaks become spaces. */
export function mdInline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~#!]/g, (c) => `\\${c}`)
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const marks = '`'.repeat(longest + 1)
  return `${marks}text\n${text}\n${marks}`
}

function pairs(list: Pair[]): string[] {
  return list.map(([label, value]) => `- **${label}:** ${mdInline(value)}`)
}

function table(t: ReportTable): string[] {
  return [
    `| ${t.headers.map(mdInline).join(' | ')} |`,
    `| ${t.headers.map(() => '---').join(' | ')} |`,
    ...t.rows.map((row) => `| ${row.map(mdInline).join(' | ')} |`),
  ]
}

export function renderTriageMarkdown(result: TriageResult, rows: EntryDetail[]): string {
  const m = buildReportModel(result, rows)
  const out = [`# ${mdInline(m.title)}: ${m.verdict}`, '', `**${mdInline(m.headline)}**`, '', ...pairs(m.summary), '']
  out.push('## Evidence', '', ...pairs(m.evidence), '')
  if (m.topErrors) out.push('### Errors', '', ...table(m.topErrors), '')
  if (m.changes) {
    out.push('### What changed between the last success and the first failure', '')
    out.push(...(m.changes.rows.length ? table(m.changes) : ['Nothing in the request changed (URL, parameters, headers, body).']), '')
  }
  out.push('## Next steps', '', ...m.nextSteps.map((s, i) => `${i + 1}. ${mdInline(s)}`), '')
  out.push('## Flowchart walked', '')
  out.push(...m.steps.map((s) => `- **${s.id} · ${s.title}**${s.outcome === 'n/a' ? '' : ` (${s.outcome})`}: ${mdInline(s.answer)}`), '')
  out.push('## Evidence entries', '', '_Credentials are redacted._', '')
  for (const entry of m.entries) {
    out.push(`### ${mdInline(entry.heading)}`, '', ...pairs(entry.facts), '')
    if (entry.request) out.push('Request:', '', fence(entry.request), '')
    if (entry.response) out.push('Response:', '', fence(entry.response), '')
    out.push('Original record:', '', fence(entry.raw), '')
  }
  return out.join('\n')
}
