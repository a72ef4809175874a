// Seeded random filter combinations over the values really present in a store, and full-text search
// terms drawn from real entries (error texts, URL path words, body values).
import type { EntryFilter } from '../../shared/types'
import { facetValues } from '../query/facets'
import type { Db } from '../store/db'
import { getEntryDetail } from '../store/entries-repo'
import { createRng, pick, type Rng } from './generate/rng'

export interface FilterPool {
  apiUsers: string[]
  agentUsers: string[]
  functions: string[]
  fromMs: number
  toMs: number
}

const WINDOWS_MS = [15 * 60_000, 3600_000, 6 * 3600_000, 24 * 3600_000]

function values(db: Db, field: 'apiUser' | 'agentUser' | 'function'): string[] {
  return facetValues(db, { filter: {}, fields: [field], limit: 10_000 }, field)
    .map((v) => v.value)
    .filter((v): v is string => typeof v === 'string')
}

export function readFilterPool(db: Db): FilterPool {
  const span = db.prepare('SELECT min(ts) AS lo, max(ts) AS hi FROM entries').get() as { lo: number | null; hi: number | null }
  return {
    apiUsers: values(db, 'apiUser'),
    agentUsers: values(db, 'agentUser'),
    functions: values(db, 'function'),
    fromMs: span.lo ?? 0,
    toMs: span.hi ?? 0,
  }
}

function some(rng: Rng, list: string[]): string[] {
  const first = pick(rng, list)
  if (rng() >= 0.2 || list.length < 2) return [first]
  const second = pick(rng, list)
  return second === first ? [first] : [first, second]
}

function timeRange(rng: Rng, pool: FilterPool): Pick<EntryFilter, 'from' | 'to'> {
  const width = pick(rng, WINDOWS_MS)
  const start = pool.fromMs + Math.floor(rng() * Math.max(pool.toMs - pool.fromMs - width, 0))
  return { from: new Date(start).toISOString(), to: new Date(start + width).toISOString() }
}

/** One combination: each dimension with probability 0.4, at least one. */
function makeCombo(rng: Rng, pool: FilterPool): EntryFilter {
  const filter: EntryFilter = {}
  const chosen = () => rng() < 0.4
  if (chosen()) Object.assign(filter, timeRange(rng, pool))
  if (pool.apiUsers.length > 0 && chosen()) filter.apiUser = some(rng, pool.apiUsers)
  if (pool.agentUsers.length > 0 && chosen()) filter.agentUser = some(rng, pool.agentUsers)
  if (pool.functions.length > 0 && chosen()) filter.function = some(rng, pool.functions)
  // result or status class, not both (they would mostly contradict each other)
  const outcome = rng()
  if (outcome < 0.4) filter.result = [rng() < 0.7 ? 'error' : 'success']
  else if (outcome < 0.64) filter.statusCode = [pick(rng, ['2xx', '4xx', '5xx'])]
  return Object.keys(filter).length > 0 ? filter : makeCombo(rng, pool)
}

export function makeCombos(pool: FilterPool, count: number, seed: number): EntryFilter[] {
  const rng = createRng(seed)
  return Array.from({ length: count }, () => makeCombo(rng, pool))
}

const WORD_RE = /[A-Za-z][A-Za-z-]{3,}/g

/** String leaves of a JSON text (keys are left out: they occur in every record). */
function jsonStrings(text: string | null, out: string[]): void {
  if (!text) return
  try {
    const visit = (value: unknown): void => {
      if (typeof value === 'string') out.push(value)
      else if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value === 'object') Object.values(value).forEach(visit)
    }
    visit(JSON.parse(text))
  } catch {
    out.push(text)
  }
}

/** A word from a random entry: its error text, a URL path word, or a value in a body. */
function termFrom(db: Db, rng: Rng, id: number): string | null {
  const entry = getEntryDetail(db, id)
  if (!entry) return null
  const texts: string[] = []
  if (entry.resultReason) texts.push(entry.resultReason)
  if (entry.path) texts.push(entry.path.replace(/\//g, ' '))
  jsonStrings(entry.responseBody, texts)
  jsonStrings(entry.requestBody, texts)
  const words = texts.flatMap((t) => t.match(WORD_RE) ?? [])
  return words.length > 0 ? pick(rng, words) : null
}

export function drawSearchTerms(db: Db, count: number, seed: number): string[] {
  const rng = createRng(seed)
  const { lo, hi } = db.prepare('SELECT min(id) AS lo, max(id) AS hi FROM entries').get() as { lo: number; hi: number }
  const terms: string[] = []
  for (let tries = 0; terms.length < count && tries < count * 20; tries++) {
    const term = termFrom(db, rng, lo + Math.floor(rng() * (hi - lo + 1)))
    if (term) terms.push(term)
  }
  return terms
}
