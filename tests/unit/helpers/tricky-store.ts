// Generated entries with the values that trip up a re-implementation of SQL semantics: ties and
// NULLs in time, fractional times, case variants, non-ASCII text ordered by UTF-8 bytes (é, emoji
// above U+FFFF next to U+FFFC), LIKE metacharacters, empty strings and many distinct values.
import type { EntryRecord } from '../../../src/main/store/entry-record'
import type { ResultKind } from '../../../src/shared/types'
import { pick, rng } from './generated-store'

export const TRICKY_USERS = ['alice', 'Alice', 'ALICE', 'bob', 'émile', 'Émile', 'ÉMILE', 'z', '😀', '\uFFFC', 'ﬀ', '50%_off', 'a\\b', '', null]
export const TRICKY_AGENTS = ['1001', '1002', '10', '9', 'agent_1', null]
export const TRICKY_FUNCTIONS = ['add_lead', 'ADD_LEAD', 'update_lead', 'GET /users/{id}', 'ünïcode', null]
export const TRICKY_STATUSES = [200, 201, 204, 404, 400, 0, 999, 500, 503, null]
export const TRICKY_METHODS = ['GET', 'POST', 'get', null]
export const TRICKY_SERVICES = ['agent', 'non-agent', 'Agent', null]
export const TRICKY_TENANTS = ['acme', 'ACME', 'globex', null]
export const TRICKY_RESULTS: ResultKind[] = ['success', 'error', 'notice']
export const TRICKY_WORDS = ['alpha', 'beta', 'gamma', 'Password', 'FOUND']
export const TRICKY_BASE_TS = Date.UTC(2024, 4, 1, 0, 0, 0)
/** spread of the generated times: two days */
export const TRICKY_SPAN_MS = 48 * 3600_000

function tsOf(random: () => number): number | null {
  const r = random()
  if (r < 0.05) return null
  // coarse times make many ties; a few land on fractions of a millisecond
  if (r < 0.5) return TRICKY_BASE_TS + Math.floor(random() * 200) * 15 * 60_000
  if (r < 0.53) return TRICKY_BASE_TS + Math.floor(random() * TRICKY_SPAN_MS) + 0.5
  return TRICKY_BASE_TS + Math.floor(random() * TRICKY_SPAN_MS)
}

export function trickyRecords(count: number, seed: number): EntryRecord[] {
  const random = rng(seed)
  const records: EntryRecord[] = []
  for (let i = 0; i < count; i++) {
    const word = pick(random, TRICKY_WORDS)
    records.push({
      position: i + 1,
      ts: tsOf(random),
      apiUser: pick(random, TRICKY_USERS),
      agentUser: pick(random, TRICKY_AGENTS),
      function: pick(random, TRICKY_FUNCTIONS),
      result: pick(random, TRICKY_RESULTS),
      statusCode: pick(random, TRICKY_STATUSES),
      method: pick(random, TRICKY_METHODS),
      service: pick(random, TRICKY_SERVICES),
      tenant: pick(random, TRICKY_TENANTS),
      clientIp: random() < 0.1 ? null : `10.0.${Math.floor(random() * 3)}.${Math.floor(random() * 120)}`,
      correlationId: random() < 0.5 ? `req-${Math.floor(random() * 50)}` : null,
      url: `https://api.example.com/v1/items/${i}?q=${word}`,
      resultReason: random() < 0.3 ? pick(random, ['Invalid Username/Password', 'LEAD NOT FOUND', 'rate limited']) : null,
      durationMs: Math.round(random() * 1000),
      raw: `record ${i}`,
    })
  }
  return records
}
