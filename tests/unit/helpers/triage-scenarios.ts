// Deterministic scenario logs for the triage tests: a list of calls written either straight into a
// store, or as a real VICIdial API Log Report CSV / NDJSON gateway log imported through the pipeline.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { importFile } from '../../../src/main/importers/run-import'
import type { Db } from '../../../src/main/store/db'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import type { HeaderList, ResultKind } from '../../../src/shared/types'
import { writeSource } from './generated-store'
import { tempDir } from './store'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

export interface Call {
  ts: number
  apiUser?: string | null
  agentUser?: string | null
  function?: string | null
  result: ResultKind
  statusCode?: number | null
  resultReason?: string | null
  errorCode?: string | null
  method?: string | null
  url?: string | null
  tenant?: string | null
  service?: string | null
  clientIp?: string | null
  correlationId?: string | null
  durationMs?: number | null
  origin?: string | null
  requestHeaders?: HeaderList
  requestBody?: string | null
  responseBody?: string | null
}

export type CallTemplate = Omit<Call, 'ts'>

/** "14:05" (optionally with seconds) on a day, as UTC epoch ms. */
export function at(hhmm: string, day = '2024-05-01'): number {
  return Date.parse(`${day}T${hhmm.length === 5 ? `${hhmm}:00` : hhmm}Z`)
}

export class Scenario {
  readonly calls: Call[] = []

  add(ts: number, call: CallTemplate): this {
    this.calls.push({ ...call, ts })
    return this
  }

  /** One call every `stepMs` in [from, to). */
  every(from: number, to: number, stepMs: number, make: (ts: number, i: number) => CallTemplate | null): this {
    for (let ts = from, i = 0; ts < to; ts += stepMs, i++) {
      const call = make(ts, i)
      if (call) this.add(ts, call)
    }
    return this
  }

  sorted(): Call[] {
    return [...this.calls].sort((a, b) => a.ts - b.ts)
  }
}

export function toRecords(calls: Call[]): EntryRecord[] {
  return calls.map((call, i) => ({
    ...call,
    position: i + 1,
    method: call.method ?? null,
    raw: JSON.stringify(call),
  }))
}

const VICIDIAL_HEADER = [
  'API DATE', 'USER', 'API SCRIPT', 'FUNCTION', 'AGENT USER', 'VALUE', 'RESULT', 'RESULT REASON', 'SOURCE', 'DATA',
  'RUN TIME', 'WEBSERVER', 'API URL',
]

function vicidialDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

/** The admin "API Log Report" CSV download (times written as UTC wall clock). */
export function toVicidialCsv(calls: Call[]): string {
  const lines = ['"API ACCESS LOG REPORT"', `"API DATE RANGE:","${vicidialDate(calls[0]?.ts ?? 0)} to ${vicidialDate(calls.at(-1)?.ts ?? 0)}"`, '']
  lines.push(VICIDIAL_HEADER.map((h) => `"${h}"`).join(','))
  for (const c of calls) {
    const cells = [
      vicidialDate(c.ts), c.apiUser ?? '', c.agentUser ? 'agent' : 'non-agent', c.function ?? '', c.agentUser ?? '', '',
      c.result.toUpperCase(), c.resultReason ?? '', c.origin ?? 'test', '', String((c.durationMs ?? 10) / 1000), '1', '1',
    ]
    lines.push(cells.map((v) => `"${v.replace(/"/g, "'")}"`).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}

function headersObject(headers: HeaderList | undefined): Record<string, string> | undefined {
  return headers ? Object.fromEntries(headers) : undefined
}

/** A gateway log with one JSON object per line. */
export function toNdjson(calls: Call[]): string {
  return calls
    .map((c) =>
      JSON.stringify({
        timestamp: new Date(c.ts).toISOString(),
        method: c.method ?? 'POST',
        url: c.url ?? `https://api.example.com/${c.function ?? 'call'}`,
        status: c.statusCode ?? 200,
        result: c.result,
        api_user: c.apiUser ?? undefined,
        agent_user: c.agentUser ?? undefined,
        function: c.function ?? undefined,
        tenant: c.tenant ?? undefined,
        service: c.service ?? undefined,
        client_ip: c.clientIp ?? undefined,
        request_id: c.correlationId ?? undefined,
        duration_ms: c.durationMs ?? undefined,
        error: c.resultReason || c.errorCode ? { message: c.resultReason ?? undefined, code: c.errorCode ?? undefined } : undefined,
        request: { headers: headersObject(c.requestHeaders), body: c.requestBody ?? undefined },
        response: c.responseBody ? { body: c.responseBody } : undefined,
      }),
    )
    .join('\n') + '\n'
}

export type LoadMode = 'store' | 'vicidial' | 'ndjson'

/** Puts a scenario into the store: directly, or as a real log file through the import pipeline. */
export async function loadScenario(db: Db, scenario: Scenario, mode: LoadMode = 'store', name = 'scenario'): Promise<number> {
  const calls = scenario.sorted()
  if (mode === 'store') return writeSource(db, toRecords(calls), `${name}.log`)
  const file = join(tempDir(), mode === 'vicidial' ? `${name}.csv` : `${name}.ndjson`)
  writeFileSync(file, mode === 'vicidial' ? toVicidialCsv(calls) : toNdjson(calls))
  const result = await importFile(db, { path: file }, { format: mode, timeZone: 'UTC' })
  if (result.failure || result.sourceId === null) throw new Error(`import of ${name} failed: ${result.failure}`)
  return result.sourceId
}
