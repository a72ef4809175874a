// The triage test scenarios: one day of API traffic (2024-05-01) with other callers around, and one
// planted failure each. `modes` says which log formats can carry the scenario (VICIdial's report
// has no status codes, tenants, URLs or bodies).
import { at, HOUR, MINUTE, Scenario, type LoadMode } from './triage-scenarios'

export interface World {
  scenario: Scenario
  modes: LoadMode[]
}

const ALL_MODES: LoadMode[] = ['store', 'vicidial', 'ndjson']
const HTTP_MODES: LoadMode[] = ['store', 'ndjson']
const vicidialUrl = (fn: string, user: string, pass: string, extra: string) =>
  `https://dialer.example.com/vicidial/non_agent_api.php?source=crm&user=${user}&pass=${pass}&function=${fn}&${extra}`

/** Other callers, busy all day: the dialer's agent actions and a status bot. */
export function background(s: Scenario, day = '2024-05-01'): Scenario {
  const agents = ['1001', '1002', '1003']
  s.every(at('00:01', day), at('00:01', day) + 24 * HOUR, 4 * MINUTE, (_ts, i) => ({
    apiUser: 'dialer', agentUser: agents[i % 3], function: 'external_status', result: 'success', statusCode: 200,
  }))
  s.every(at('00:03', day), at('00:03', day) + 24 * HOUR, 10 * MINUTE, () => ({
    apiUser: 'statusbot', function: 'update_lead', result: 'success', statusCode: 200,
  }))
  return s
}

/** leadimport adds leads every 2 minutes all day. */
function leadImport(s: Scenario, silentFrom?: number, silentTo?: number): Scenario {
  return s.every(at('00:00'), at('00:00') + 24 * HOUR, 2 * MINUTE, (ts, i) =>
    silentFrom !== undefined && silentTo !== undefined && ts >= silentFrom && ts < silentTo
      ? null
      : { apiUser: 'leadimport', function: 'add_lead', result: 'success', statusCode: 200, url: vicidialUrl('add_lead', 'leadimport', 'imp0rt', `phone_number=55501${String(i).padStart(5, '0')}`) },
  )
}

/** crmsync updates leads every 3 minutes 08:00–18:00; its password changes at 14:05. */
export function credentialChange(): World {
  const s = background(new Scenario())
  leadImport(s)
  s.every(at('08:00'), at('18:00'), 3 * MINUTE, (ts, i) => {
    const failing = ts >= at('14:05')
    return {
      apiUser: 'crmsync', function: 'update_lead', result: failing ? 'error' : 'success', statusCode: failing ? 200 : 200,
      resultReason: failing ? 'Invalid Username/Password' : null,
      url: vicidialUrl('update_lead', 'crmsync', failing ? 'Spring2024' : 'Winter2023', `lead_id=${1000 + i}&status=SALE`),
    }
  })
  // other callers failing in the same hour must not change crmsync's answer
  s.every(at('14:10'), at('14:40'), 5 * MINUTE, () => ({ apiUser: 'statusbot', function: 'update_lead', result: 'error', statusCode: 200, resultReason: 'LEAD NOT FOUND' }))
  return { scenario: s, modes: ALL_MODES }
}

/** leadimport sends nothing 02:00–03:00 while the others keep being served (one of them failing). */
export function silentCaller(): World {
  const s = background(new Scenario())
  leadImport(s, at('02:00'), at('03:00'))
  s.every(at('02:05'), at('02:55'), 5 * MINUTE, () => ({ apiUser: 'crmsync', function: 'update_lead', result: 'error', statusCode: 200, resultReason: 'Invalid Username/Password' }))
  return { scenario: s, modes: ALL_MODES }
}

/** leadimport works all day; other callers fail around it. */
export function healthyCaller(): World {
  const s = background(new Scenario())
  leadImport(s)
  s.every(at('05:00'), at('06:00'), 3 * MINUTE, () => ({ apiUser: 'crmsync', function: 'update_lead', result: 'error', statusCode: 503, resultReason: 'Service Unavailable' }))
  return { scenario: s, modes: ALL_MODES }
}

/** syncer looks up leads every 2 minutes; one in eight is not found, the rest succeed. */
export function mixedResults(): World {
  const s = background(new Scenario())
  s.every(at('06:00'), at('20:00'), 2 * MINUTE, (_ts, i) => ({
    apiUser: 'syncer', function: 'lead_all_info', result: i % 8 === 3 ? 'error' : 'success', statusCode: 200,
    resultReason: i % 8 === 3 ? `lead_all_info LEAD NOT FOUND ${90000 + i}` : null,
  }))
  return { scenario: s, modes: ALL_MODES }
}

/** The gateway serves tenants acme and globex; acme's token is rejected from 14:00. */
export function oneTenantFails(): World {
  const s = background(new Scenario())
  s.every(at('08:00'), at('18:00'), 2 * MINUTE, (ts, i) => {
    const tenant = i % 2 === 0 ? 'acme' : 'globex'
    const failing = tenant === 'acme' && ts >= at('14:00')
    return {
      apiUser: 'gateway-client', function: 'POST /v1/orders', tenant, method: 'POST', url: `https://api.example.com/v1/orders?ref=${i}`,
      result: failing ? 'error' : 'success', statusCode: failing ? 401 : 201, resultReason: failing ? 'Unrecognized token' : null,
      errorCode: failing ? '4011' : null,
    }
  })
  return { scenario: s, modes: HTTP_MODES }
}

/** importer adds leads; one lead with a short phone number is rejected and retried five times. */
export function retriedRequest(): World {
  const s = background(new Scenario())
  s.every(at('08:00'), at('12:00'), 2 * MINUTE, (_ts, i) => ({
    apiUser: 'importer', function: 'add_lead', result: 'success', statusCode: 200,
    url: vicidialUrl('add_lead', 'importer', 'pw', `phone_number=55502${String(i).padStart(5, '0')}`),
  }))
  for (let k = 0; k < 6; k++) {
    s.add(at('10:00:10') + k * 25_000, {
      apiUser: 'importer', function: 'add_lead', result: 'error', statusCode: 200, resultReason: 'add_lead INVALID PHONE NUMBER LENGTH',
      url: vicidialUrl('add_lead', 'importer', 'pw', 'phone_number=123'),
    })
  }
  return { scenario: s, modes: HTTP_MODES }
}

/** crmsync fails only 13:00–13:30 UTC, i.e. 09:00–09:30 in New York (EDT). */
export function failureInCustomerZone(): World {
  const s = background(new Scenario())
  s.every(at('06:00'), at('18:00'), 2 * MINUTE, (ts) => {
    const failing = ts >= at('13:00') && ts < at('13:30')
    return { apiUser: 'crmsync', function: 'update_lead', result: failing ? 'error' : 'success', statusCode: 200, resultReason: failing ? 'USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION' : null }
  })
  return { scenario: s, modes: ALL_MODES }
}

/** Agent 1007's pause requests fail from 11:00: the agent is no longer logged in. */
export function agentNotLoggedIn(): World {
  const s = background(new Scenario())
  s.every(at('09:00'), at('13:00'), 3 * MINUTE, (ts) => {
    const failing = ts >= at('11:00')
    return { apiUser: 'agentscreen', agentUser: '1007', function: 'external_pause', result: failing ? 'error' : 'success', statusCode: 200, resultReason: failing ? 'agent_user is not logged in' : null }
  })
  return { scenario: s, modes: ALL_MODES }
}

/** A nightly job sends 20 requests at 01:00 each night; on the third night it does not run. */
export function nightlyJobMissing(): World {
  const s = new Scenario()
  for (const day of ['2024-05-01', '2024-05-02', '2024-05-03']) {
    background(s, day)
    if (day === '2024-05-03') continue
    s.every(at('01:00', day), at('01:20', day), MINUTE, () => ({ apiUser: 'nightly', function: 'add_lead', result: 'success', statusCode: 200 }))
  }
  return { scenario: s, modes: ALL_MODES }
}

/** sweeper only gets notices back (nothing matched). */
export function noticesOnly(): World {
  const s = background(new Scenario())
  s.every(at('10:00'), at('12:00'), 5 * MINUTE, () => ({ apiUser: 'sweeper', function: 'update_lead', result: 'notice', resultReason: 'update_lead NO MATCHES FOUND' }))
  return { scenario: s, modes: ALL_MODES }
}

/** A caller whose requests all fail with one HTTP status (for the cause classes). */
export function failingWith(status: number, reason: string | null, extra: { errorCode?: string; responseBody?: string } = {}): World {
  const s = background(new Scenario())
  s.every(at('09:00'), at('12:00'), 2 * MINUTE, (ts) => {
    const failing = ts >= at('10:30')
    return {
      apiUser: 'client', function: 'POST /v1/leads', result: failing ? 'error' : 'success', statusCode: failing ? status : 200,
      resultReason: failing ? reason : null, errorCode: failing ? (extra.errorCode ?? null) : null,
      responseBody: failing ? (extra.responseBody ?? null) : null,
    }
  })
  return { scenario: s, modes: HTTP_MODES }
}

/** quoter's calls slow down from 100 ms to 2 s at 12:00, then fail fast with 504 from 13:00 to 14:00. */
export function slowThenFailing(): World {
  const s = background(new Scenario())
  s.every(at('06:00'), at('16:00'), MINUTE, (ts, i) => {
    const slow = ts >= at('12:00') && ts < at('13:00')
    const failing = ts >= at('13:00') && ts < at('14:00') && i % 2 === 0
    return {
      apiUser: 'quoter', function: 'POST /v1/quotes', result: failing ? 'error' : 'success', statusCode: failing ? 504 : 200,
      durationMs: failing ? 30 : slow ? 2000 + (i % 7) * 50 : 100 + (i % 5) * 5,
    }
  })
  return { scenario: s, modes: HTTP_MODES }
}

/** Four API users start failing authentication between 15:05 and 15:35; "solo" fails alone at 10:00. */
export function platformAuthChange(): World {
  const s = background(new Scenario())
  const starts: Record<string, string> = { 'sync-a': '15:05', 'sync-b': '15:15', 'sync-c': '15:25', 'sync-d': '15:35', solo: '10:00' }
  for (const [user, start] of Object.entries(starts)) {
    s.every(at('08:00') + 30_000, at('18:00'), 2 * MINUTE, (ts) => {
      const failing = ts >= at(start)
      return { apiUser: user, function: 'GET /v1/contacts', result: failing ? 'error' : 'success', statusCode: failing ? 401 : 200, resultReason: failing ? 'Unauthorized' : null }
    })
  }
  return { scenario: s, modes: HTTP_MODES }
}

/** The shop of tenant acme is rate limited in bursts at 16:00–16:30; one 429 an hour is normal. */
export function rateLimitBurst(): World {
  const s = background(new Scenario())
  s.every(at('08:00'), at('18:00'), MINUTE, (ts, i) => {
    const limited = (ts >= at('16:00') && ts < at('16:30')) || i % 60 === 17
    return { apiUser: 'shop', tenant: 'acme', function: 'GET /v1/stock', result: limited ? 'error' : 'success', statusCode: limited ? 429 : 200 }
  })
  s.every(at('08:00'), at('18:00'), 2 * MINUTE, () => ({ apiUser: 'shop2', tenant: 'globex', function: 'GET /v1/stock', result: 'success', statusCode: 200 }))
  return { scenario: s, modes: HTTP_MODES }
}

/** Healthy traffic with a steady 3% error rate and steady latency: nothing to find. */
export function quietDay(): World {
  const s = background(new Scenario())
  s.every(at('00:00'), at('00:00') + 24 * HOUR, MINUTE, (_ts, i) => ({
    apiUser: 'steady', function: 'GET /v1/items', result: i % 33 === 0 ? 'error' : 'success', statusCode: i % 33 === 0 ? 500 : 200,
    durationMs: 80 + (i % 9) * 10,
  }))
  return { scenario: s, modes: HTTP_MODES }
}

/**
 * Two days: feeder sends every 5 minutes around the clock until 10:00 on the second day and then
 * stops for good; office works 08:00–18:00 on both days (its evenings and nights are routine).
 */
export function stoppedForGood(): World {
  const s = new Scenario()
  for (const day of ['2024-05-01', '2024-05-02']) {
    background(s, day)
    s.every(at('08:00', day), at('18:00', day), 5 * MINUTE, () => ({ apiUser: 'office', function: 'update_lead', result: 'success', statusCode: 200 }))
  }
  s.every(at('00:00'), at('10:00', '2024-05-02'), 5 * MINUTE, () => ({ apiUser: 'feeder', function: 'add_lead', result: 'success', statusCode: 200 }))
  return { scenario: s, modes: ALL_MODES }
}
