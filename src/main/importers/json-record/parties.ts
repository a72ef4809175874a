// Who made the call and how to follow it: API user, agent user, client IP, correlation id,
// service, tenant and origin label. Header fallbacks apply when no field names the value.
import type { HeaderList } from '../../../shared/types'
import { identityFromHeaders } from '../identity'
import { decodeId, decodeIp } from './decode'
import { AGENT_USER_HEADERS, CORRELATION_HEADERS, FORWARDED_HEADERS } from './fields'
import { findHeader } from './headers'
import { pick, type RecordView } from './view'

export interface Parties {
  apiUser: string | null
  agentUser: string | null
  clientIp: string | null
  correlationId: string | null
  service: string | null
  tenant: string | null
  origin: string | null
}

function firstOf(...headers: Array<HeaderList | null>) {
  return (names: readonly string[]) => {
    for (const list of headers) {
      const value = findHeader(list, names)
      if (value !== null) return value
    }
    return null
  }
}

export function resolveParties(
  view: RecordView,
  requestHeaders: HeaderList | null,
  responseHeaders: HeaderList | null,
): Parties {
  const header = firstOf(requestHeaders, responseHeaders)
  return {
    apiUser: pick(view, 'apiUser', decodeId) ?? (requestHeaders ? identityFromHeaders(requestHeaders) : null),
    agentUser: pick(view, 'agentUser', decodeId) ?? findHeader(requestHeaders, AGENT_USER_HEADERS),
    clientIp:
      pick(view, 'clientIp', decodeIp) ??
      pick(view, 'forwardedFor', decodeIp) ??
      decodeIp(findHeader(requestHeaders, FORWARDED_HEADERS)),
    correlationId: pick(view, 'correlationId', decodeId) ?? header(CORRELATION_HEADERS),
    service: pick(view, 'service', decodeId),
    tenant: pick(view, 'tenant', decodeId),
    origin: pick(view, 'origin', decodeId),
  }
}
