// NDJSON API-gateway records (Kong file-log shape) with request/response headers and JSON bodies.
import { makeBodies } from './bodies'
import type { SyntheticCall } from './calls'
import type { LogFormat } from './log-format'
import { createRng, deriveSeed } from './rng'

export const API_HOST = 'api.example.com'

function requestHeaders(call: SyntheticCall, body: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    host: API_HOST,
    'user-agent': call.user.userAgent,
    accept: 'application/json',
    authorization: `Bearer ${call.user.token}`,
    'x-request-id': call.requestId,
    'x-tenant-id': call.user.tenant,
  }
  if (call.agent) headers['x-on-behalf-of'] = call.agent
  if (body !== null) {
    headers['content-type'] = 'application/json'
    headers['content-length'] = String(Buffer.byteLength(body))
  }
  return headers
}

function responseHeaders(call: SyntheticCall, body: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(body === null ? 0 : Buffer.byteLength(body)),
    'x-kong-request-id': call.requestId,
    'x-kong-upstream-latency': String(Math.round(call.durationMs)),
    'x-kong-proxy-latency': String(call.delayMs),
    'x-ratelimit-remaining-minute': String(600 - (call.index % 600)),
  }
  if (call.status === 429) headers['retry-after'] = '30'
  return headers
}

export function ndjsonFormat(seed: number): LogFormat {
  const rng = createRng(deriveSeed(seed, 'ndjson-bodies'))
  return {
    header: () => '',
    record(call) {
      const bodies = makeBodies(rng, call)
      const target = call.query ? `${call.path}?${call.query}` : call.path
      const { service, resource, action } = call.endpoint
      const record = {
        started_at: call.ts,
        client_ip: call.clientIp,
        request: {
          id: call.requestId,
          method: call.endpoint.method,
          uri: target,
          url: `https://${API_HOST}${target}`,
          size: bodies.request === null ? 0 : bodies.request.length,
          headers: requestHeaders(call, bodies.request),
          ...(bodies.request === null ? {} : { body: bodies.request }),
        },
        response: {
          status: call.status,
          size: bodies.response === null ? 0 : bodies.response.length,
          headers: responseHeaders(call, bodies.response),
          ...(bodies.response === null ? {} : { body: bodies.response }),
        },
        latencies: { request: call.durationMs + call.delayMs, kong: call.delayMs, proxy: call.durationMs },
        upstream_uri: target,
        service: { name: service, host: `${service}.internal`, port: 8080 },
        route: { name: `${service}-${resource}-${action}` },
        consumer: { username: call.user.name },
        workspace_name: call.user.tenant,
      }
      return JSON.stringify(record) + '\n'
    },
    footer: () => '',
  }
}
