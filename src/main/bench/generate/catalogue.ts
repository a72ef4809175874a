// The made-up API estate the synthetic logs describe: ~50 API users (integrations), ~20 agent users,
// 200 endpoints over 10 services, 6 tenants and the usual failures. Built from a seed, so every
// format of one run describes the same calls.
import { createRng, pick, randomHex, randomInt, weightedPicker, zipfWeights, type Rng } from './rng'

export type Action = 'list' | 'get' | 'create' | 'update' | 'delete'

export interface Endpoint {
  service: string
  /** Workato-style API collection name */
  collection: string
  resource: string
  action: Action
  method: string
  /** path with `{id}` where a record id goes */
  template: string
  /** typical server time in ms */
  medianMs: number
}

export interface ApiUser {
  name: string
  tenant: string
  /** endpoints this integration calls, most used first */
  endpoints: Endpoint[]
  pickEndpoint: (rng: Rng) => number
  ips: string[]
  userAgent: string
  /** calls made on behalf of a contact-centre agent */
  agentShare: number
  /** Bearer token whose payload names the user (a fake signature) */
  token: string
}

export interface ErrorKind {
  status: number
  statusText: string
  code: string
  /** Workato-style extended gateway code */
  gatewayCode: number
  message: string
}

export interface Catalogue {
  apiUsers: ApiUser[]
  pickApiUser: (rng: Rng) => number
  agents: string[]
  pickAgent: (rng: Rng) => number
  tenants: string[]
  endpoints: Endpoint[]
  errors: ErrorKind[]
  pickError: (rng: Rng) => number
}

export const SERVICES: ReadonlyArray<[service: string, resources: string[]]> = [
  ['contacts', ['contacts', 'addresses', 'notes', 'tags']],
  ['leads', ['leads', 'campaigns', 'lists', 'dispositions']],
  ['orders', ['orders', 'carts', 'shipments', 'returns']],
  ['billing', ['invoices', 'credits', 'plans', 'usage']],
  ['payments', ['payments', 'refunds', 'payouts', 'disputes']],
  ['dialer', ['calls', 'recordings', 'queues', 'agents']],
  ['tickets', ['tickets', 'comments', 'macros', 'slas']],
  ['inventory', ['products', 'stock', 'warehouses', 'prices']],
  ['reports', ['reports', 'exports', 'dashboards', 'metrics']],
  ['notifications', ['emails', 'sms', 'webhooks', 'templates']],
]

export const TENANTS = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark']

const INTEGRATIONS = ['crm', 'billing', 'erp', 'mobile', 'portal', 'dialer', 'partner', 'etl', 'webhook', 'report']
const ROLES = ['sync', 'app', 'job', 'bridge', 'widget']
const AGENT_NAMES = [
  'maria.lopez', 'james.carter', 'aisha.khan', 'tom.becker', 'lena.novak', 'omar.haddad', 'grace.kim',
  'diego.ramos', 'priya.nair', 'sam.walsh', 'chloe.martin', 'victor.ortiz', 'anna.berg', 'ben.okafor',
  'carla.russo', 'david.cohen', 'elena.petrova', 'frank.muller', 'gina.rossi', 'hugo.silva',
]
const USER_AGENTS = [
  'python-requests/2.31.0', 'okhttp/4.12.0', 'axios/1.6.7', 'Go-http-client/2.0', 'Workato/1.0',
  'Java/17.0.9', 'curl/8.5.0', 'Zapier', 'PostmanRuntime/7.36.1', 'node-fetch/1.0',
]

export const ERROR_KINDS: readonly ErrorKind[] = [
  { status: 401, statusText: 'Unauthorized', code: 'invalid_credentials', gatewayCode: 4011, message: 'Invalid Username/Password' },
  { status: 401, statusText: 'Unauthorized', code: 'token_unrecognized', gatewayCode: 4012, message: 'Unrecognized token' },
  { status: 403, statusText: 'Forbidden', code: 'permission_denied', gatewayCode: 4031, message: 'User does not have permission to use this function' },
  { status: 404, statusText: 'Not Found', code: 'not_found', gatewayCode: 4041, message: 'Record not found' },
  { status: 409, statusText: 'Conflict', code: 'duplicate', gatewayCode: 4091, message: 'Duplicate record: email already exists' },
  { status: 422, statusText: 'Unprocessable Entity', code: 'validation_failed', gatewayCode: 4221, message: 'Validation failed: phone_number is required' },
  { status: 429, statusText: 'Too Many Requests', code: 'rate_limited', gatewayCode: 4291, message: 'Rate limit exceeded, retry after 30 seconds' },
  { status: 500, statusText: 'Internal Server Error', code: 'internal_error', gatewayCode: 5001, message: 'Internal server error' },
  { status: 502, statusText: 'Bad Gateway', code: 'upstream_refused', gatewayCode: 5021, message: 'Upstream connection refused' },
  { status: 503, statusText: 'Service Unavailable', code: 'recipe_inactive', gatewayCode: 5031, message: 'Recipe is inactive' },
  { status: 504, statusText: 'Gateway Timeout', code: 'upstream_timeout', gatewayCode: 5041, message: 'Upstream timed out after 30000 ms' },
]
/** How often each error kind occurs, relative to the others. */
const ERROR_WEIGHTS = [6, 2, 3, 10, 3, 6, 5, 2, 1, 1, 2]

const ACTIONS: ReadonlyArray<[Action, string, boolean]> = [
  ['list', 'GET', false],
  ['get', 'GET', true],
  ['create', 'POST', false],
  ['update', 'PATCH', true],
  ['delete', 'DELETE', true],
]

function title(word: string): string {
  return word[0].toUpperCase() + word.slice(1)
}

/** 10 services × 4 resources × 5 actions = 200 endpoints. */
export function buildEndpoints(rng: Rng): Endpoint[] {
  const out: Endpoint[] = []
  for (const [service, resources] of SERVICES) {
    for (const resource of resources) {
      const base = resource === service ? `/v1/${resource}` : `/v1/${service}/${resource}`
      for (const [action, method, withId] of ACTIONS) {
        out.push({
          service,
          collection: `${title(service)} API`,
          resource,
          action,
          method,
          template: withId ? `${base}/{id}` : base,
          medianMs: randomInt(rng, 15, 260),
        })
      }
    }
  }
  return out
}

function fakeJwt(rng: Rng, subject: string, tenant: string): string {
  const header = Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')
  const payload = Buffer.from(JSON.stringify({ sub: subject, tenant, iss: 'https://auth.example.com' })).toString('base64url')
  return `${header}.${payload}.${Buffer.from(randomHex(rng, 48), 'hex').toString('base64url')}`
}

function buildApiUser(rng: Rng, name: string, endpoints: Endpoint[], index: number): ApiUser {
  const own = SERVICES.filter(() => rng() < 0.3).map(([service]) => service)
  if (own.length === 0) own.push(SERVICES[index % SERVICES.length][0])
  const mine = endpoints.filter((e) => own.includes(e.service) && rng() < 0.7)
  const used = mine.length > 0 ? mine : [endpoints[index % endpoints.length]]
  const tenant = TENANTS[index % TENANTS.length]
  const ipCount = randomInt(rng, 1, 3)
  return {
    name,
    tenant,
    endpoints: used,
    pickEndpoint: weightedPicker(zipfWeights(used.length, 0.9)),
    ips: Array.from({ length: ipCount }, () => `10.${randomInt(rng, 0, 40)}.${randomInt(rng, 0, 255)}.${randomInt(rng, 1, 254)}`),
    userAgent: pick(rng, USER_AGENTS),
    agentShare: /widget|app|dialer|portal/.test(name) ? 0.9 : rng() < 0.2 ? 0.3 : 0,
    token: fakeJwt(rng, name, tenant),
  }
}

/** Fisher–Yates, in place. */
function shuffle<T>(rng: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[list[i], list[j]] = [list[j], list[i]]
  }
  return list
}

export function buildCatalogue(seed: number): Catalogue {
  const rng = createRng(seed)
  const endpoints = buildEndpoints(rng)
  const names = INTEGRATIONS.flatMap((integration) => ROLES.map((role) => `${integration}-${role}`))
  const apiUsers = names.map((name, i) => buildApiUser(rng, name, endpoints, i))
  // shuffle popularity so the busiest user is not always the first name
  const weights = shuffle(rng, zipfWeights(apiUsers.length, 1.0))
  return {
    apiUsers,
    pickApiUser: weightedPicker(weights),
    agents: AGENT_NAMES,
    pickAgent: weightedPicker(zipfWeights(AGENT_NAMES.length, 0.6)),
    tenants: TENANTS,
    endpoints,
    errors: [...ERROR_KINDS],
    pickError: weightedPicker(ERROR_WEIGHTS),
  }
}
