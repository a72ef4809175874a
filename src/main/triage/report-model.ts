// What a triage report says, as plain text pieces, shared by the Markdown and HTML renderers so both
// stay in step. Entries are redacted here (redactEntryDetail) before any of their text is used.
import type { TriageResult, TriageVerdict } from '../../shared/triage-types'
import type { EntryDetail, HeaderList } from '../../shared/types'
import { redactEntryDetail } from '../redact'
import { escapeInvisible } from '../util/visible-text'
import { CAUSE_LABELS } from './error-classes'
import { aboutNumber, baselineText, entryTime, percent, plural } from './format'

/** Longest body or raw-record excerpt shown per entry. */
export const EXCERPT_CHARS = 2000
const MAX_HEADERS = 40

export const VERDICT_LABELS: Record<TriageVerdict, string> = {
  caller_never_reached: 'Caller never reached us',
  request_rejected: 'Request rejected',
  caller_side: 'Problem on the caller side',
  inconclusive: 'Inconclusive',
}

export type Pair = [label: string, value: string]

export interface ReportTable {
  headers: string[]
  rows: string[][]
}

export interface ReportEntry {
  heading: string
  facts: Pair[]
  request: string
  response: string
  raw: string
}

export interface ReportModel {
  title: string
  verdict: string
  headline: string
  summary: Pair[]
  evidence: Pair[]
  topErrors: ReportTable | null
  changes: ReportTable | null
  nextSteps: string[]
  steps: Array<{ id: string; title: string; outcome: string; answer: string }>
  entries: ReportEntry[]
}

/** Log text made safe to show: invisible and control characters made visible. */
export function clean(text: string | null | undefined): string {
  return text === null || text === undefined ? '' : escapeInvisible(text)
}

function excerpt(text: string | null, encoding: 'base64' | null): string {
  if (text === null || text === '') return ''
  if (encoding === 'base64') return `(${text.length} characters of base64 data)`
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}\n… (${text.length - EXCERPT_CHARS} more characters)` : text
}

function headerLines(headers: HeaderList): string[] {
  const lines = headers.slice(0, MAX_HEADERS).map(([name, value]) => `${name}: ${value}`)
  if (headers.length > MAX_HEADERS) lines.push(`… ${headers.length - MAX_HEADERS} more headers`)
  return lines
}

function entryModel(detail: EntryDetail): ReportEntry {
  const d = redactEntryDetail(detail)
  const status = d.statusCode === null ? '' : `${d.statusCode}${d.statusText ? ` ${d.statusText}` : ''}`
  const requestLine = [d.method, d.url].filter(Boolean).join(' ')
  const request = [requestLine, ...headerLines(d.requestHeaders), '', excerpt(d.requestBody, d.requestBodyEncoding)]
  const response = [status, ...headerLines(d.responseHeaders), '', excerpt(d.responseBody, d.responseBodyEncoding)]
  const facts: Pair[] = [
    ['Time', entryTime(d.ts)],
    ['API user', d.apiUser ?? '—'],
    ['Agent user', d.agentUser ?? '—'],
    ['Function', d.function ?? '—'],
    ['Result', `${d.result}${status ? ` (${status})` : ''}`],
  ]
  if (d.resultReason) facts.push(['Reason', d.resultReason])
  if (d.errorCode) facts.push(['Error code', d.errorCode])
  if (d.tenant) facts.push(['Tenant', d.tenant])
  if (d.correlationId) facts.push(['Correlation id', d.correlationId])
  facts.push(['Source', `${d.sourceName}, record ${d.position}`])
  return {
    // hardening (issue 7): the function is log text too, so its bidi and control characters are shown
    heading: `Entry ${d.id} · ${entryTime(d.ts)} · ${clean(d.function ?? '(no function)')} · ${d.result}`,
    facts: facts.map(([k, v]) => [k, clean(v)]),
    request: clean(request.join('\n').trim()),
    response: clean(response.join('\n').trim()),
    raw: clean(excerpt(d.raw, null)),
  }
}

function ref(r: { id: number; ts: string | null } | null): string {
  return r ? `${entryTime(r.ts)} (entry ${r.id})` : '—'
}

function evidencePairs(result: TriageResult): Pair[] {
  const e = result.evidence
  const c = e.counts
  const baseline = e.baseline.ratePerHour === null
    ? 'not measurable (too little log around the window)'
    : `${baselineText(e.baseline)} (${e.baseline.count} requests), so ${aboutNumber(e.baseline.expectedInWindow ?? 0)} expected in the window`
  const others = e.otherTraffic
  const span = e.history.first ? `, ${entryTime(e.history.first)} to ${entryTime(e.history.last)}` : ''
  const pairs: Pair[] = [
    ['Requests in the window', `${c.total} (${c.success} succeeded, ${c.error} failed, ${c.notice} notices)`],
    ['Usual rate', baseline],
    ['Last success', ref(e.lastSuccess)],
    ['First failure', ref(e.firstFailure)],
    ['Last request before the window', ref(e.lastSeenBefore)],
    ['First request after the window', ref(e.firstSeenAfter)],
    ['Other callers in the window', `${others.total} requests (${others.success} succeeded, ${others.error} failed) from ${plural(others.callers, 'caller')}`],
    ['Caller in the whole log', `${e.history.total} requests${span}`],
  ]
  const { retries, errorScope: scope } = e
  if (retries) pairs.push(['Failures vs. distinct requests', `${retries.failures} failures, ${plural(retries.distinctRequests, 'distinct request')}`])
  if (scope) pairs.push(['Errors confined to', `${scope.field} ${scope.value ?? '(none)'} (others: ${scope.otherSuccesses} successes)`])
  if (e.logSpan) pairs.push(['Log span', `${entryTime(e.logSpan.from)} to ${entryTime(e.logSpan.to)}`])
  return pairs.map(([k, v]) => [k, clean(v)])
}

function topErrorTable(result: TriageResult): ReportTable | null {
  const errors = result.evidence.topErrors
  if (errors.length === 0) return null
  return {
    headers: ['Error', 'Cause', 'Count', 'Distinct requests', 'First', 'Last', 'Example entries'],
    rows: errors.map((e) => [
      clean(e.message), CAUSE_LABELS[e.cause], String(e.count), String(e.distinctRequests), entryTime(e.firstSeen),
      entryTime(e.lastSeen), e.exampleIds.join(', '),
    ]),
  }
}

function changeTable(result: TriageResult): ReportTable | null {
  const diff = result.evidence.diff
  if (!diff) return null
  return {
    headers: ['Field', `Last success (entry ${diff.success.id})`, `First failure (entry ${diff.failure.id})`, 'Note'],
    rows: diff.changes.map((c) => [
      clean(c.field), clean(c.before ?? '(none)'), clean(c.after ?? '(none)'),
      c.secret ? 'credential, value not shown' : c.variesNormally ? 'differs between successes too' : '',
    ]),
  }
}

function summaryPairs(result: TriageResult): Pair[] {
  const r = result.request
  const pairs: Pair[] = [
    ['Verdict', `${VERDICT_LABELS[result.verdict]}${result.cause ? ` — ${CAUSE_LABELS[result.cause]}` : ''}`],
    ['Confidence', `${percent(result.confidence)}: ${result.confidenceReason}`],
    ['Caller', `${r.caller.kind === 'apiUser' ? 'API user' : 'agent user'} ${r.caller.value}`],
    ['Function', r.function ?? 'any'],
    ['Window searched', result.window.description],
  ]
  if (r.lastGood) pairs.push(['Last known good (reported)', r.lastGood])
  if (result.fixHint) pairs.push(['What usually fixes it', result.fixHint])
  return pairs.map(([k, v]) => [k, clean(v)])
}

export function buildReportModel(result: TriageResult, rows: EntryDetail[]): ReportModel {
  const who = clean(`${result.request.caller.kind === 'apiUser' ? 'API user' : 'agent user'} ${result.request.caller.value}`)
  return {
    title: `Triage: ${who}`,
    verdict: VERDICT_LABELS[result.verdict],
    headline: clean(result.headline),
    summary: summaryPairs(result),
    evidence: evidencePairs(result),
    topErrors: topErrorTable(result),
    changes: changeTable(result),
    nextSteps: result.nextSteps.map(clean),
    steps: result.steps.map((s) => ({ id: s.id, title: s.title, outcome: s.outcome, answer: clean(s.answer) })),
    entries: [...rows].sort((a, b) => (a.ts ?? '').localeCompare(b.ts ?? '') || a.id - b.id).map(entryModel),
  }
}
