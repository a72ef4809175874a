// caller_silent: an API user that sent steadily (something in each of the last few hours) stops for
// long enough that its own rate predicts several requests, while other callers are still logged
// (so the log has no gap) and it does send at that clock time on another day in the log (else the
// pause is routine: working hours, a nightly break). Gaps run to the caller's next request, or to
// the end of the log; a caller that never resumes is reported only when the log shows it sending
// at that time the day before (otherwise the end of its working day looks the same). Candidates come from request
// counts per caller in 10-minute slots (one pass over the caller index); each is then measured
// exactly with a few indexed look-ups.
import type { Finding, FindingsRequest } from '../../../shared/triage-types'
import type { Db } from '../../store/db'
import { aboutNumber, duration, utcSpan } from '../format'
import { iso } from '../lookup'
import { FINDINGS } from '../thresholds'
import { baseFilter, baseWhere, finding, HOUR_MS } from './common'

const SLOT_MS = 10 * 60_000
const DAY_MS = 24 * HOUR_MS

interface Slot {
  b: number
  n: number
}

interface Gap {
  caller: string
  prevTs: number
  prevId: number
  nextTs: number | null
  nextId: number | null
  /** requests in the steady hours before the gap, and how many hours */
  steady: { count: number; hours: number }
}

function slotsPerCaller(db: Db, request: FindingsRequest): Map<string, Slot[]> {
  const where = baseWhere(request)
  const rows = db
    .prepare(
      `SELECT e.api_user AS caller, e.ts / ${SLOT_MS} AS b, count(*) AS n FROM entries e
       WHERE ${where.sql} AND e.api_user IS NOT NULL GROUP BY e.api_user, b ORDER BY e.api_user, b`,
    )
    .all(...where.params) as Array<Slot & { caller: string }>
  const byCaller = new Map<string, Slot[]>()
  for (const { caller, b, n } of rows) {
    const list = byCaller.get(caller)
    if (list) list.push({ b, n })
    else byCaller.set(caller, [{ b, n }])
  }
  return byCaller
}

/**
 * The caller's steady stretch before slot i ends: consecutive hours (up to the steady maximum), each
 * with requests, counted back from the gap. Null when shorter than the minimum.
 */
function steadyCount(slots: Slot[], i: number): { count: number; hours: number } | null {
  const perHour = HOUR_MS / SLOT_MS
  const perHourCounts = new Array<number>(FINDINGS.silent.steadyHours).fill(0)
  for (let j = i; j >= 0; j--) {
    const hour = Math.floor((slots[i].b - slots[j].b) / perHour)
    if (hour >= perHourCounts.length) break
    perHourCounts[hour] += slots[j].n
  }
  const empty = perHourCounts.indexOf(0)
  const hours = empty < 0 ? perHourCounts.length : empty
  if (hours < FINDINGS.silent.minSteadyHours) return null
  return { count: perHourCounts.slice(0, hours).reduce((a, b) => a + b, 0), hours }
}

function edge(db: Db, request: FindingsRequest, caller: string, slot: number, dir: 'ASC' | 'DESC'): { ts: number; id: number } {
  const where = baseWhere(request)
  return db
    .prepare(
      `SELECT e.ts AS ts, e.id AS id FROM entries e WHERE ${where.sql} AND e.api_user = ? AND e.ts >= ? AND e.ts < ?
       ORDER BY e.ts ${dir}, e.id ${dir} LIMIT 1`,
    )
    .get(...where.params, caller, slot * SLOT_MS, (slot + 1) * SLOT_MS) as { ts: number; id: number }
}

/** Candidate gaps: two or more empty slots after a steady stretch, measured exactly. */
function candidateGaps(db: Db, request: FindingsRequest, caller: string, slots: Slot[], lastSlot: number): Gap[] {
  const gaps: Gap[] = []
  for (let i = 0; i < slots.length; i++) {
    const nextSlot = i + 1 < slots.length ? slots[i + 1].b : null
    if ((nextSlot ?? lastSlot + 1) - slots[i].b - 1 < 2) continue
    const steady = steadyCount(slots, i)
    if (steady === null) continue
    const prev = edge(db, request, caller, slots[i].b, 'DESC')
    const next = nextSlot === null ? null : edge(db, request, caller, nextSlot, 'ASC')
    gaps.push({ caller, prevTs: prev.ts, prevId: prev.id, nextTs: next?.ts ?? null, nextId: next?.id ?? null, steady })
  }
  return gaps
}

function countOthers(db: Db, request: FindingsRequest, sql: string, params: unknown[]): number {
  const where = baseWhere(request)
  const row = db.prepare(`SELECT count(*) AS n FROM entries e WHERE ${where.sql} AND ${sql}`).get(...where.params, ...params) as { n: number }
  return row.n
}

interface Judged {
  ratePerHour: number
  expected: number
  others: number
}

/**
 * Whether the caller sends at the gap's clock time on another day: the day before if the log
 * covers it, else the day after; null when the log covers neither. A caller that is silent then
 * too is pausing routinely (working hours, a nightly break).
 */
function sendsAtThatTime(db: Db, request: FindingsRequest, gap: Gap, end: number, logStart: number, logEnd: number): boolean | null {
  const sql = 'e.api_user = ? AND e.ts > ? AND e.ts < ?'
  if (gap.prevTs - DAY_MS >= logStart) return countOthers(db, request, sql, [gap.caller, gap.prevTs - DAY_MS, end - DAY_MS]) > 0
  const laterEnd = Math.min(end + DAY_MS, logEnd)
  if (laterEnd - (gap.prevTs + DAY_MS) >= FINDINGS.silent.minGapMs) return countOthers(db, request, sql, [gap.caller, gap.prevTs + DAY_MS, laterEnd]) > 0
  return null
}

function judge(db: Db, request: FindingsRequest, gap: Gap, end: number, logStart: number, logEnd: number): Judged | null {
  const t = FINDINGS.silent
  if (end - gap.prevTs < t.minGapMs) return null
  const ratePerHour = gap.steady.count / gap.steady.hours
  const expected = (ratePerHour * (end - gap.prevTs)) / HOUR_MS
  if (expected < t.minExpected) return null
  const others = countOthers(db, request, '(e.api_user IS NULL OR e.api_user <> ?) AND e.ts > ? AND e.ts < ?', [gap.caller, gap.prevTs, end])
  if (others === 0) return null
  const usual = sendsAtThatTime(db, request, gap, end, logStart, logEnd)
  if (usual === false || (usual === null && gap.nextTs === null)) return null
  return { ratePerHour, expected, others }
}

function toFinding(request: FindingsRequest, gap: Gap, end: number, judged: Judged): Finding {
  const subject = `API user ${gap.caller}`
  const until = gap.nextTs === null ? 'up to the end of the log' : 'until it resumed'
  return finding({
    kind: 'caller_silent',
    subject,
    fromMs: gap.prevTs,
    toMs: end,
    metrics: {
      gapMinutes: Math.round((end - gap.prevTs) / 60_000),
      ratePerHour: Math.round(judged.ratePerHour * 10) / 10,
      expected: Math.round(judged.expected * 10) / 10,
      othersDuringGap: judged.others,
      resumed: gap.nextTs === null ? 0 : 1,
    },
    exampleIds: gap.nextId === null ? [gap.prevId] : [gap.prevId, gap.nextId],
    summary: `${subject} went silent for ${duration(end - gap.prevTs)} (${utcSpan(gap.prevTs, end)}) ${until}, after sending ` +
      `${aboutNumber(judged.ratePerHour)} requests per hour; ${aboutNumber(judged.expected)} were expected while ` +
      `${judged.others} requests of other callers were logged.`,
    filter: { ...baseFilter(request), apiUser: [gap.caller], from: iso(gap.prevTs), to: iso(end + 1) },
  })
}

export function findSilentCallers(db: Db, request: FindingsRequest): Finding[] {
  const where = baseWhere(request)
  const span = db
    .prepare(`SELECT min(e.ts) AS lo, max(e.ts) AS hi FROM entries e WHERE ${where.sql}`)
    .get(...where.params) as { lo: number | null; hi: number | null }
  if (span.lo === null || span.hi === null) return []
  const { lo: logStart, hi: logEnd } = span
  const findings: Finding[] = []
  for (const [caller, slots] of slotsPerCaller(db, request)) {
    for (const gap of candidateGaps(db, request, caller, slots, Math.floor(logEnd / SLOT_MS))) {
      const end = gap.nextTs ?? logEnd
      const judged = judge(db, request, gap, end, logStart, logEnd)
      if (judged) findings.push(toFinding(request, gap, end, judged))
    }
  }
  return findings
}
