// Findings as Markdown, for the terminal and for tickets. Log text is escaped like the triage report.
import type { Finding } from '../../../shared/triage-types'
import { escapeInvisible } from '../../util/visible-text'
import { mdInline } from '../report-md'

const KIND_TITLES: Record<Finding['kind'], string> = {
  error_rate_spike: 'Error-rate spike',
  latency_degradation: 'Latency degradation',
  repeated_failures: 'Repeated failures',
  auth_error_cluster: 'Auth-error cluster',
  rate_limit_burst: 'Rate-limit burst',
  caller_silent: 'Caller went silent',
}

export function renderFindingsMarkdown(findings: Finding[]): string {
  if (findings.length === 0) return '# Findings\n\nNothing unusual found.\n'
  const out = ['# Findings', '']
  for (const f of findings) {
    const metrics = Object.entries(f.metrics).map(([k, v]) => `${k} ${v}`).join(', ')
    out.push(`## ${KIND_TITLES[f.kind]}: ${mdInline(escapeInvisible(f.subject))}`, '')
    out.push(mdInline(escapeInvisible(f.summary)), '')
    out.push(`- **When:** ${f.from} to ${f.to}`, `- **Numbers:** ${metrics}`, `- **Example entries:** ${f.exampleIds.join(', ') || '—'}`, '')
  }
  return out.join('\n')
}
