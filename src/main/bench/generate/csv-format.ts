// Workato-style "API logs" CSV download (FORMATS.md §2): one row per call, diagnostics on failures.
import type { SyntheticCall } from './calls'
import type { LogFormat } from './log-format'

export const WORKATO_COLUMNS = [
  'Date', 'Type', 'Code', 'Status', 'Gateway code', 'Status details', 'IP', 'Timing', 'Delay',
  'API collection', 'Endpoint', 'Client', 'Job details',
]

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Recipe collections trigger a job, so their successful calls link one. */
function jobLink(call: SyntheticCall): string {
  if (call.error || call.index % 5 === 0) return ''
  const recipe = 100_000 + (call.endpoint.template.length * 7 + call.endpoint.service.length) * 131
  return `https://app.workato.com/recipes/${recipe}/job/${parseInt(call.requestId.slice(0, 8), 16)}`
}

export function csvFormat(): LogFormat {
  return {
    header: () => WORKATO_COLUMNS.join(',') + '\n',
    record(call) {
      const error = call.error
      const cells = [
        new Date(call.ts).toISOString(),
        error ? 'Error' : 'Success',
        String(call.status),
        call.statusText,
        error ? String(error.gatewayCode) : '',
        error ? cell(error.message) : '',
        call.clientIp,
        `${Math.round(call.durationMs)} ms`,
        `${call.delayMs} ms`,
        call.endpoint.collection,
        `${call.endpoint.method} ${call.endpoint.template.replace('{id}', ':id')}`,
        call.user.name,
        jobLink(call),
      ]
      return cells.join(',') + '\n'
    },
    footer: () => '',
  }
}
