// Combining two filters so the result matches only what both match: a view narrowed further by
// explicit options (`apilog query --view NAME --status 5xx`).
import type { EntryFilter } from '../../shared/types'

const LIST_KEYS = [
  'apiUser',
  'agentUser',
  'function',
  'method',
  'service',
  'tenant',
  'clientIp',
  'correlationId',
] as const satisfies ReadonlyArray<keyof EntryFilter>

/** Values in both lists; an absent or empty list places no limit. */
function intersect<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined {
  if (!a || a.length === 0) return b && b.length > 0 ? [...b] : undefined
  if (!b || b.length === 0) return [...a]
  const keep = new Set(b)
  return [...new Set(a.filter((value) => keep.has(value)))]
}

/** "404", "4xx" or "none" as a set description; null for text compileFilter will reject anyway. */
function statusSet(value: string): { code?: number; cls?: number; none?: true } | null {
  const v = value.trim().toLowerCase()
  if (v === 'none') return { none: true }
  if (/^[1-5]xx$/.test(v)) return { cls: Number(v[0]) }
  if (/^\d{1,3}$/.test(v)) return { code: Number(v) }
  return null
}

/** The part two status values share: "4xx" and "404" share "404"; "4xx" and "5xx" nothing. */
function statusMeet(a: string, b: string): string | null {
  const x = statusSet(a)
  const y = statusSet(b)
  if (!x || !y) return a === b ? a : null
  if (x.none || y.none) return x.none && y.none ? 'none' : null
  if (x.cls !== undefined && y.cls !== undefined) return x.cls === y.cls ? `${x.cls}xx` : null
  if (x.code !== undefined && y.code !== undefined) return x.code === y.code ? String(x.code) : null
  const code = (x.code ?? y.code) as number
  const cls = (x.cls ?? y.cls) as number
  return Math.floor(code / 100) === cls ? String(code) : null
}

function intersectStatus(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a || a.length === 0 || !b || b.length === 0) return intersect(a, b)
  const out = new Set<string>()
  for (const x of a) for (const y of b) {
    const meet = statusMeet(x, y)
    if (meet !== null) out.add(meet)
  }
  return [...out]
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b
  return Date.parse(a) >= Date.parse(b) ? a : b
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b
  return Date.parse(a) <= Date.parse(b) ? a : b
}

/**
 * A filter matching what both `base` and `extra` match, or null when no entry can match both
 * (say base wants API user "a" and extra wants "b"): EntryFilter cannot say "nothing".
 */
export function narrowFilter(base: EntryFilter, extra: EntryFilter): EntryFilter | null {
  const out: Record<string, unknown> = {}
  const lists: Record<string, unknown[] | undefined> = {
    result: intersect(base.result, extra.result),
    sourceId: intersect(base.sourceId, extra.sourceId),
    statusCode: intersectStatus(base.statusCode, extra.statusCode),
  }
  for (const key of LIST_KEYS) lists[key] = intersect<string | null>(base[key], extra[key])
  for (const [key, values] of Object.entries(lists)) {
    if (values === undefined) continue
    if (values.length === 0) return null
    out[key] = values
  }
  const from = later(base.from, extra.from)
  const to = earlier(base.to, extra.to)
  if (from !== undefined) out.from = from
  if (to !== undefined) out.to = to
  if (from !== undefined && to !== undefined && Date.parse(from) >= Date.parse(to)) return null
  const search = [base.search, extra.search].map((s) => s?.trim() ?? '').filter((s) => s !== '').join(' ')
  if (search !== '') out.search = search
  return out as EntryFilter
}
