// The stream of API calls every synthetic log is written from: bursty timestamps over three days,
// popular and rare integrations, a few per cent of errors (a steady mix, one integration whose
// password was changed part-way, and a daily outage of the payments service).
import type { ApiUser, Catalogue, Endpoint, ErrorKind } from './catalogue'
import { createRng, deriveSeed, exponential, logNormal, pick, randomHex, randomInt, type Rng } from './rng'

export interface SyntheticCall {
  /** 0-based */
  index: number
  /** epoch ms */
  ts: number
  user: ApiUser
  agent: string | null
  endpoint: Endpoint
  recordId: number | null
  /** concrete path (ids filled in) */
  path: string
  query: string | null
  status: number
  statusText: string
  error: ErrorKind | null
  durationMs: number
  delayMs: number
  clientIp: string
  requestId: string
}

/** Monday 2026-11-16 00:00 UTC: where every synthetic log starts. */
export const LOG_START_MS = Date.UTC(2026, 10, 16)
export const LOG_SPAN_MS = 3 * 24 * 3600 * 1000
/** Share of calls failing for no particular reason. */
const BASE_ERROR_RATE = 0.022
/** Calibrated so the diurnal and burst factors average out to about LOG_SPAN_MS in total. */
const GAP_NORMALIZER = 0.93
const REGIMES: ReadonlyArray<[factor: number, weight: number]> = [[0.12, 1], [0.5, 3], [1, 5], [2, 2]]
const REGIME_WEIGHT = REGIMES.reduce((sum, [, w]) => sum + w, 0)
const OUTAGE_HOUR = 14
const OUTAGE_MS = 25 * 60 * 1000

const SUCCESS: Record<string, [number, string]> = {
  GET: [200, 'OK'],
  POST: [201, 'Created'],
  PATCH: [200, 'OK'],
  DELETE: [204, 'No Content'],
}

/** Gap multiplier by hour of day: busy office hours, quiet nights. */
function diurnal(ts: number): number {
  const hour = new Date(ts).getUTCHours()
  if (hour >= 8 && hour < 18) return 0.55
  if (hour >= 18 && hour < 23) return 1.4
  return 3
}

function pickRegime(rng: Rng): number {
  let x = rng() * REGIME_WEIGHT
  for (const [factor, weight] of REGIMES) {
    if ((x -= weight) < 0) return factor
  }
  return 1
}

/** Bursty arrival times: exponential gaps scaled by the hour of day and by a switching regime. */
class ArrivalClock {
  private ts = LOG_START_MS
  private regime = 1
  private regimeLeft = 0

  constructor(private readonly meanGap: number) {}

  next(rng: Rng): number {
    if (this.regimeLeft <= 0) {
      this.regime = pickRegime(rng)
      this.regimeLeft = Math.ceil(exponential(rng, 3000))
    }
    this.regimeLeft--
    this.ts += exponential(rng, this.meanGap * this.regime * diurnal(this.ts))
    return Math.floor(this.ts)
  }
}

function isOutage(endpoint: Endpoint, ts: number): boolean {
  if (endpoint.service !== 'payments') return false
  const sinceMidnight = (ts - LOG_START_MS) % (24 * 3600 * 1000)
  return sinceMidnight >= OUTAGE_HOUR * 3600 * 1000 && sinceMidnight < OUTAGE_HOUR * 3600 * 1000 + OUTAGE_MS
}

export interface CallStream {
  next(): SyntheticCall
}

export function createCallStream(catalogue: Catalogue, seed: number, entries: number): CallStream {
  const rng = createRng(deriveSeed(seed, 'calls'))
  const clock = new ArrivalClock((LOG_SPAN_MS / Math.max(entries, 1)) * GAP_NORMALIZER)
  // the integration whose password is changed 60% of the way through (a mid-sized one)
  const broken = catalogue.apiUsers[7]
  const brokenFrom = LOG_START_MS + LOG_SPAN_MS * 0.6
  const byCode = (code: string) => catalogue.errors.find((e) => e.code === code) ?? catalogue.errors[0]
  const [badPassword, inactive, timeout] = ['invalid_credentials', 'recipe_inactive', 'upstream_timeout'].map(byCode)
  let index = 0
  return {
    next(): SyntheticCall {
      const ts = clock.next(rng)
      const user = catalogue.apiUsers[catalogue.pickApiUser(rng)]
      const endpoint = user.endpoints[user.pickEndpoint(rng)]
      const agent = user.agentShare > 0 && rng() < user.agentShare ? catalogue.agents[catalogue.pickAgent(rng)] : null
      let error: ErrorKind | null = null
      if (user === broken && ts >= brokenFrom) error = badPassword
      else if (isOutage(endpoint, ts)) error = rng() < 0.7 ? inactive : timeout
      else if (rng() < BASE_ERROR_RATE) error = plausibleError(catalogue, endpoint, catalogue.errors[catalogue.pickError(rng)])
      return buildCall(rng, index++, ts, user, endpoint, agent, error)
    },
  }
}

/** Conflicts and validation failures only happen when writing; a read gets "not found" instead. */
function plausibleError(catalogue: Catalogue, endpoint: Endpoint, error: ErrorKind): ErrorKind {
  const isWrite = endpoint.method === 'POST' || endpoint.method === 'PATCH'
  if (isWrite || (error.status !== 409 && error.status !== 422)) return error
  return catalogue.errors.find((e) => e.status === 404) ?? error
}

function buildCall(
  rng: Rng,
  index: number,
  ts: number,
  user: ApiUser,
  endpoint: Endpoint,
  agent: string | null,
  error: ErrorKind | null,
): SyntheticCall {
  const recordId = endpoint.template.includes('{id}') ? randomInt(rng, 10_000, 999_999) : null
  const path = recordId === null ? endpoint.template : endpoint.template.replace('{id}', String(recordId))
  const query = endpoint.action === 'list' ? `page=${randomInt(rng, 1, 20)}&limit=50` : null
  const [okStatus, okText] = SUCCESS[endpoint.method]
  return {
    index,
    ts,
    user,
    agent,
    endpoint,
    recordId,
    path,
    query,
    status: error ? error.status : okStatus,
    statusText: error ? error.statusText : okText,
    error,
    durationMs: Math.round(durationOf(rng, endpoint, error) * 10) / 10,
    delayMs: randomInt(rng, 0, 12),
    clientIp: pick(rng, user.ips),
    requestId: randomHex(rng, 32),
  }
}

function durationOf(rng: Rng, endpoint: Endpoint, error: ErrorKind | null): number {
  if (!error) return logNormal(rng, endpoint.medianMs, 0.5)
  if (error.status === 504) return 30_000 + rng() * 50
  if (error.status < 500) return logNormal(rng, 8, 0.4)
  return logNormal(rng, endpoint.medianMs * 2, 0.6)
}
