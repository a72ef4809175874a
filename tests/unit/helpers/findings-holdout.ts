// A seeded generator of logs with one planted anomaly of a random finding kind among healthy
// callers (steady rates, a few percent of errors, steady latency), for the findings hold-out check.
import { FINDING_KINDS, type FindingKind } from '../../../src/shared/triage-types'
import { pick, rng } from './generated-store'
import { at, HOUR, MINUTE, Scenario, type CallTemplate } from './triage-scenarios'

const DAY = '2024-07-03'

export interface PlantedFinding {
  scenario: Scenario
  kind: FindingKind
  /** the finding's subject as the engine should name it */
  subject: string
  /** callers that are healthy and must not appear in any finding */
  healthy: string[]
}

function healthyCaller(s: Scenario, random: () => number, name: string, tenant: string): void {
  const step = (1 + Math.floor(random() * 4)) * MINUTE
  const base = 40 + Math.floor(random() * 150)
  s.every(at('00:00', DAY) + Math.floor(random() * 50_000), at('00:00', DAY) + 24 * HOUR, step, () => {
    const failing = random() < 0.02
    return {
      apiUser: name, function: `GET /v1/${name}`, tenant, result: failing ? 'error' : 'success', statusCode: failing ? 500 : 200,
      durationMs: base + Math.floor(random() * 20),
    }
  })
}

type Planter = (s: Scenario, random: () => number, seed: number) => string

const hourAt = (random: () => number) => at('08:00', DAY) + Math.floor(random() * 10) * HOUR

const PLANTERS: Record<FindingKind, Planter> = {
  error_rate_spike: (s, random, seed) => {
    const name = `spiky-${seed}`
    const from = hourAt(random)
    const to = from + (1 + Math.floor(random() * 3)) * HOUR
    const share = 0.6 + random() * 0.4
    s.every(at('00:00', DAY), at('00:00', DAY) + 24 * HOUR, 2 * MINUTE, (ts) => {
      const failing = ts >= from && ts < to && random() < share
      return { apiUser: name, function: 'POST /v1/sync', result: failing ? 'error' : 'success', statusCode: failing ? 502 : 200 }
    })
    return `API user ${name}`
  },
  latency_degradation: (s, random, seed) => {
    const fn = `GET /v1/report-${seed}`
    const from = hourAt(random)
    const factor = 5 + Math.floor(random() * 15)
    s.every(at('00:00', DAY), at('00:00', DAY) + 24 * HOUR, MINUTE, (ts) => ({
      apiUser: 'reporter', function: fn, result: 'success', statusCode: 200,
      durationMs: (ts >= from && ts < from + HOUR ? factor : 1) * (80 + Math.floor(random() * 20)),
    }))
    return `function ${fn}`
  },
  repeated_failures: (s, random, seed) => {
    const name = `retrier-${seed}`
    const from = hourAt(random) + 5 * MINUTE
    const count = 15 + Math.floor(random() * 25)
    s.every(at('00:00', DAY), at('00:00', DAY) + 24 * HOUR, 5 * MINUTE, () => ({ apiUser: name, function: 'add_lead', result: 'success', statusCode: 200 }))
    for (let k = 0; k < count; k++) {
      s.add(from + k * 90_000, { apiUser: name, function: 'add_lead', result: 'error', statusCode: 200, resultReason: 'add_lead INVALID PHONE NUMBER LENGTH' })
    }
    return `add_lead by API user ${name}`
  },
  auth_error_cluster: (s, random, seed) => {
    const users = Array.from({ length: 3 + Math.floor(random() * 3) }, (_, k) => `crm-${seed}-${k}`)
    const start = hourAt(random)
    for (const user of users) {
      const from = start + Math.floor(random() * 40) * MINUTE
      s.every(at('00:00', DAY) + 11_000, at('00:00', DAY) + 24 * HOUR, 2 * MINUTE, (ts): CallTemplate => ({
        apiUser: user, function: 'GET /v1/contacts', result: ts >= from ? 'error' : 'success', statusCode: ts >= from ? 401 : 200,
      }))
    }
    return `${users.length} API users: ${[...users].sort().join(', ')}`
  },
  rate_limit_burst: (s, random, seed) => {
    const tenant = `shop-${seed}`
    const from = hourAt(random)
    const share = 0.4 + random() * 0.5
    s.every(at('00:00', DAY), at('00:00', DAY) + 24 * HOUR, MINUTE, (ts) => {
      const limited = ts >= from && ts < from + HOUR && random() < share
      return { apiUser: `client-${seed}`, tenant, function: 'GET /v1/stock', result: limited ? 'error' : 'success', statusCode: limited ? 429 : 200 }
    })
    return `tenant ${tenant}`
  },
  caller_silent: (s, random, seed) => {
    const name = `feeder-${seed}`
    const from = hourAt(random) + Math.floor(random() * 60) * MINUTE
    const to = from + (60 + Math.floor(random() * 120)) * MINUTE
    s.every(at('00:00', DAY), at('00:00', DAY) + 24 * HOUR, 2 * MINUTE, (ts) =>
      ts >= from && ts < to ? null : { apiUser: name, function: 'add_lead', result: 'success', statusCode: 200 },
    )
    return `API user ${name}`
  },
}

export function plantedFinding(seed: number): PlantedFinding {
  const random = rng(seed * 104_729 + 3)
  const kind = FINDING_KINDS[seed % FINDING_KINDS.length]
  const s = new Scenario()
  const healthy = Array.from({ length: 3 + Math.floor(random() * 4) }, (_, k) => `steady-${seed}-${k}`)
  for (const name of healthy) healthyCaller(s, random, name, pick(random, ['acme', 'globex', 'initech']))
  const subject = PLANTERS[kind](s, random, seed)
  return { scenario: s, kind, subject, healthy }
}
