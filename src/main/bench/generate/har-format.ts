// HAR 1.2 as a browser or proxy exports it, one entry per line (compact JSON, no indentation),
// with request and response bodies.
import { makeBodies } from './bodies'
import type { SyntheticCall } from './calls'
import type { LogFormat } from './log-format'
import { API_HOST } from './ndjson-format'
import { createRng, deriveSeed } from './rng'

type NameValue = { name: string; value: string }

function requestHeaders(call: SyntheticCall, body: string | null): NameValue[] {
  const headers: NameValue[] = [
    { name: 'Host', value: API_HOST },
    { name: 'User-Agent', value: call.user.userAgent },
    { name: 'Accept', value: 'application/json' },
    { name: 'Authorization', value: `Bearer ${call.user.token}` },
    { name: 'X-Request-Id', value: call.requestId },
  ]
  if (call.agent) headers.push({ name: 'X-On-Behalf-Of', value: call.agent })
  if (body !== null) headers.push({ name: 'Content-Type', value: 'application/json' })
  return headers
}

function responseHeaders(call: SyntheticCall, body: string | null): NameValue[] {
  return [
    { name: 'Content-Type', value: 'application/json; charset=utf-8' },
    { name: 'Content-Length', value: String(body === null ? 0 : Buffer.byteLength(body)) },
    { name: 'Date', value: new Date(call.ts).toUTCString() },
    { name: 'X-Request-Id', value: call.requestId },
  ]
}

function queryString(query: string | null): NameValue[] {
  if (!query) return []
  return query.split('&').map((pair) => {
    const [name, value] = pair.split('=')
    return { name, value }
  })
}

export function harFormat(seed: number): LogFormat {
  const rng = createRng(deriveSeed(seed, 'har-bodies'))
  return {
    header: () => '{"log":{"version":"1.2","creator":{"name":"apilog-bench","version":"1"},"pages":[],"entries":[\n',
    record(call) {
      const bodies = makeBodies(rng, call)
      const target = call.query ? `${call.path}?${call.query}` : call.path
      const wait = Math.max(call.durationMs - 1, 0)
      const entry = {
        startedDateTime: new Date(call.ts).toISOString(),
        time: call.durationMs,
        request: {
          method: call.endpoint.method,
          url: `https://${API_HOST}${target}`,
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: requestHeaders(call, bodies.request),
          queryString: queryString(call.query),
          ...(bodies.request === null ? {} : { postData: { mimeType: 'application/json', text: bodies.request } }),
          headersSize: -1,
          bodySize: bodies.request === null ? 0 : bodies.request.length,
        },
        response: {
          status: call.status,
          statusText: call.statusText,
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: responseHeaders(call, bodies.response),
          content: {
            size: bodies.response === null ? 0 : bodies.response.length,
            mimeType: 'application/json',
            ...(bodies.response === null ? {} : { text: bodies.response }),
          },
          redirectURL: '',
          headersSize: -1,
          bodySize: bodies.response === null ? 0 : bodies.response.length,
        },
        cache: {},
        timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0.2, wait, receive: 0.8 },
        serverIPAddress: '203.0.113.10',
      }
      return (call.index === 0 ? '' : ',\n') + JSON.stringify(entry)
    },
    footer: () => '\n]}}\n',
  }
}
