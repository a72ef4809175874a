// JSON request and response bodies for the body-bearing formats (NDJSON, HAR): CRM-ish records of
// a few hundred bytes, lists of them, and error documents. Their words are what full-text search finds.
import type { SyntheticCall } from './calls'
import { pick, randomInt, type Rng } from './rng'

const FIRST = [
  'Anna', 'Ben', 'Carla', 'David', 'Elena', 'Frank', 'Gina', 'Hugo', 'Ines', 'Jonas', 'Kara', 'Liam', 'Mona',
  'Nico', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sean', 'Tara', 'Umar', 'Vera', 'Walt', 'Xenia', 'Yusuf', 'Zoe',
]
const LAST = [
  'Adams', 'Brooks', 'Castro', 'Dunn', 'Ellis', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Jensen', 'Kowalski',
  'Larsen', 'Moreau', 'Nakamura', 'OBrien', 'Patel', 'Quiroga', 'Reyes', 'Schmidt', 'Tanaka', 'Underwood',
  'Vargas', 'Weber', 'Xu', 'Yilmaz', 'Zimmermann',
]
const COMPANIES = [
  'Northwind Traders', 'Contoso Ltd', 'Fabrikam Inc', 'Tailspin Toys', 'Wide World Importers', 'Proseware',
  'Litware', 'Adventure Works', 'Blue Yonder Airlines', 'Coho Winery', 'Alpine Ski House', 'Margie Travel',
  'Lucerne Publishing', 'Graphic Design Institute', 'Fourth Coffee', 'Humongous Insurance', 'Woodgrove Bank',
  'Trey Research', 'Southridge Video', 'City Power and Light',
]
const CITIES = [
  'Chicago', 'Tampa', 'San Francisco', 'New York', 'Austin', 'Denver', 'Seattle', 'Boston', 'Portland',
  'Atlanta', 'Phoenix', 'Dublin', 'Berlin', 'Lisbon', 'Toronto', 'Melbourne',
]
const STREETS = ['Main St', 'Oak Ave', 'Maple Rd', 'Cedar Ln', 'Pine St', 'Elm Dr', 'Lakeview Blvd', 'Hillcrest Way']
const STATUSES = ['active', 'pending', 'qualified', 'closed', 'on_hold', 'archived']
const TAGS = ['vip', 'renewal', 'churn-risk', 'priority', 'new', 'enterprise', 'smb', 'trial', 'partner', 'b2b']
const WORDS = (
  'customer requested callback about the invoice and asked whether the shipment could be rescheduled ' +
  'agent confirmed address details updated phone number left voicemail follow up next week quote ' +
  'approved pending manager review discount applied contract renewal signed escalated to billing team ' +
  'duplicate record merged payment failed card declined retry scheduled refund issued warehouse stock ' +
  'low reorder placed delivery window confirmed survey sent satisfaction high complaint resolved ' +
  'password reset requested integration token rotated webhook endpoint changed campaign list imported'
).split(' ')

function sentence(rng: Rng, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(pick(rng, WORDS))
  return out.join(' ')
}

const DAY_MS = 86_400_000
const isoDays = new Map<number, string>()

/** Midnight UTC `daysBack` days before `ts`, as ISO text (a cached table: toISOString is slow). */
function isoDay(ts: number, daysBack: number): string {
  const day = Math.floor(ts / DAY_MS) - daysBack
  let text = isoDays.get(day)
  if (text === undefined) isoDays.set(day, (text = new Date(day * DAY_MS).toISOString()))
  return text
}

/** A CRM-style record of roughly 350–600 bytes as JSON. */
export function makeRecord(rng: Rng, call: SyntheticCall, id: number): Record<string, unknown> {
  const first = pick(rng, FIRST)
  const last = pick(rng, LAST)
  const company = pick(rng, COMPANIES)
  return {
    id,
    object: call.endpoint.resource,
    name: `${first} ${last}`,
    email: `${first}.${last}@${company.split(' ')[0]}.example`.toLowerCase(),
    phone: `+1-555-01${String(randomInt(rng, 0, 99)).padStart(2, '0')}`,
    company,
    status: pick(rng, STATUSES),
    amount: Math.round(rng() * 500_000) / 100,
    currency: 'USD',
    owner: call.agent ?? call.user.name,
    tags: [pick(rng, TAGS), pick(rng, TAGS)],
    address: { street: `${randomInt(rng, 1, 9999)} ${pick(rng, STREETS)}`, city: pick(rng, CITIES), country: 'US' },
    notes: sentence(rng, randomInt(rng, 6, 28)),
    created_at: isoDay(call.ts, randomInt(rng, 30, 900)),
    updated_at: isoDay(call.ts, randomInt(rng, 0, 29)),
  }
}

export interface Bodies {
  request: string | null
  response: string | null
}

function errorBody(call: SyntheticCall): string {
  const error = call.error!
  return JSON.stringify({ error: { code: error.code, message: error.message, request_id: call.requestId } })
}

function requestBody(rng: Rng, call: SyntheticCall): string | null {
  const { action } = call.endpoint
  if (action === 'create') {
    const { id: _id, created_at: _c, updated_at: _u, ...fields } = makeRecord(rng, call, 0)
    return JSON.stringify(fields)
  }
  if (action === 'update') {
    return JSON.stringify({ status: pick(rng, STATUSES), notes: sentence(rng, randomInt(rng, 4, 16)), tags: [pick(rng, TAGS)] })
  }
  return null
}

function responseBody(rng: Rng, call: SyntheticCall): string | null {
  if (call.error) return errorBody(call)
  const { action } = call.endpoint
  if (action === 'delete') return null
  if (action === 'list') {
    const size = randomInt(rng, 1, 4)
    const data = Array.from({ length: size }, () => makeRecord(rng, call, randomInt(rng, 10_000, 999_999)))
    return JSON.stringify({ data, page: { limit: 50, has_more: rng() < 0.6 } })
  }
  return JSON.stringify(makeRecord(rng, call, call.recordId ?? randomInt(rng, 10_000, 999_999)))
}

/** Request and response bodies for one call (the request body even when the call then failed). */
export function makeBodies(rng: Rng, call: SyntheticCall): Bodies {
  return { request: requestBody(rng, call), response: responseBody(rng, call) }
}
