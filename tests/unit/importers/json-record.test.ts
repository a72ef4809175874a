import { describe, expect, it } from 'vitest'
import { mapJsonRecord } from '../../../src/main/importers/json-record'
import { decodeDuration, decodeIp, decodeStatus } from '../../../src/main/importers/json-record/decode'
import { normalizeHeaders } from '../../../src/main/importers/json-record/headers'
import { compilePath, getPath } from '../../../src/main/importers/json-record/lookup'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { createWallClock } from '../../../src/main/util/time-zone'

const UTC = createWallClock('UTC')
// {"alg":"HS256","typ":"JWT"}.{"sub":"user-8812","scope":"orders:write"}
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTg4MTIiLCJzY29wZSI6Im9yZGVyczp3cml0ZSJ9.c2ln'
const BASIC = 'Basic YWNtZS1zdXBwb3J0Omh1bnRlcjI=' // acme-support:hunter2

function map(record: object, wall = UTC): EntryRecord {
  const raw = JSON.stringify(record)
  const entry = mapJsonRecord(record as Record<string, unknown>, { position: 7, raw, wall })
  if (!entry) throw new Error('record was not mapped')
  return entry
}

const EMPTY = {
  apiUser: null, agentUser: null, function: null, statusCode: null, statusText: null, resultReason: null,
  errorCode: null, method: null, url: null, host: null, path: null, endpoint: null, service: null,
  tenant: null, clientIp: null, durationMs: null, delayMs: null, correlationId: null, origin: null,
  requestHeaders: null, requestBody: null, responseHeaders: null, responseBody: null,
}

describe('mapJsonRecord: the common shape', () => {
  it('maps {timestamp, method, url, request, response, latency_ms, consumer_id, service}', () => {
    const record = {
      timestamp: '2024-05-01T10:00:00.125Z',
      method: 'post',
      url: 'https://api.example.com/v1/contacts/42/notes?x=1',
      request: {
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${JWT}` },
        body: { text: 'hi' },
      },
      response: {
        status: 201,
        headers: { 'X-Request-Id': 'req-0001', 'Set-Cookie': ['a=1', 'b=2'] },
        body: '{"id":"n-77"}',
      },
      latency_ms: 84.5,
      consumer_id: 'crm-web',
      service: 'contacts',
      agent_user: 'agent.maria',
      tenant_id: 'acme',
    }
    expect(map(record)).toEqual({
      ...EMPTY,
      position: 7,
      raw: JSON.stringify(record),
      ts: Date.UTC(2024, 4, 1, 10, 0, 0, 125),
      method: 'POST',
      url: 'https://api.example.com/v1/contacts/42/notes?x=1',
      host: 'api.example.com',
      path: '/v1/contacts/42/notes',
      endpoint: '/v1/contacts/{id}/notes',
      function: 'POST /v1/contacts/{id}/notes',
      apiUser: 'crm-web',
      agentUser: 'agent.maria',
      result: 'success',
      statusCode: 201,
      durationMs: 84.5,
      correlationId: 'req-0001',
      service: 'contacts',
      tenant: 'acme',
      requestHeaders: [['Content-Type', 'application/json'], ['Authorization', `Bearer ${JWT}`]],
      requestBody: '{"text":"hi"}',
      responseHeaders: [['X-Request-Id', 'req-0001'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']],
      responseBody: '{"id":"n-77"}',
    })
  })

  it('falls back to credentials, X-Forwarded-For and on-behalf-of headers', () => {
    const record = {
      time: '2024-05-01 10:00:01',
      method: 'GET',
      url: '/v1/contacts/9f1c2d3e-4b5a-6c7d-8e9f-0a1b2c3d4e5f',
      request: {
        headers: {
          authorization: BASIC,
          'x-forwarded-for': '198.51.100.23, 10.0.0.5',
          'X-On-Behalf-Of': 'agent.li',
        },
      },
      response: { status: '404' },
      error: { message: 'Contact does not exist', code: 'CONTACT_NOT_FOUND' },
    }
    expect(map(record, createWallClock('+02:00'))).toMatchObject({
      ts: Date.UTC(2024, 4, 1, 8, 0, 1),
      apiUser: 'acme-support',
      agentUser: 'agent.li',
      clientIp: '198.51.100.23',
      result: 'error',
      statusCode: 404,
      resultReason: 'Contact does not exist',
      errorCode: 'CONTACT_NOT_FOUND',
      endpoint: '/v1/contacts/{id}',
      url: '/v1/contacts/9f1c2d3e-4b5a-6c7d-8e9f-0a1b2c3d4e5f',
      host: null,
    })
  })

  it('takes the JWT subject when no user field exists, and a message only when the record failed', () => {
    const headers = { Authorization: `Bearer ${JWT}` }
    const ok = map({ method: 'GET', path: '/a', status: 200, message: 'fine', headers })
    expect(ok).toMatchObject({ apiUser: 'user-8812', resultReason: null, result: 'success' })
    const failed = map({ method: 'GET', path: '/a', status: 500, message: 'db down' })
    expect(failed).toMatchObject({ resultReason: 'db down', result: 'error' })
    const logged = map({ method: 'GET', path: '/a', status: 200, level: 'ERROR', message: 'slow query' })
    expect(logged).toMatchObject({ resultReason: 'slow query', result: 'success' })
  })

  it('prefers the source outcome to the status', () => {
    expect(map({ method: 'GET', url: '/a', status: 200, result: 'NOTICE' }).result).toBe('notice')
    expect(map({ method: 'GET', url: '/a', status: 200, success: false }).result).toBe('error')
    expect(map({ method: 'GET', url: '/a', status: 500, outcome: 'succeeded' }).result).toBe('success')
    expect(map({ method: 'GET', url: '/a', status: 500, outcome: 'unknown' }).result).toBe('error')
    expect(map({ function: 'version', result: { ok: 1 } }).result).toBe('error')
  })

  it('returns null for records that are not API calls', () => {
    const source = { position: 1, raw: '{}', wall: UTC }
    expect(mapJsonRecord({ level: 'info', msg: 'server started', port: 8080 }, source)).toBeNull()
    expect(mapJsonRecord({ timestamp: '2024-05-01T10:00:00Z', message: 'heartbeat' }, source)).toBeNull()
  })

  it('reads keys named like Object.prototype members as plain data', () => {
    const record = JSON.parse(
      '{"constructor":"x","__proto__":{"method":"DELETE"},"toString":1,"method":"GET","url":"/a"}',
    )
    expect(map(record)).toMatchObject({ method: 'GET', url: '/a', function: 'GET /a' })
  })
})

describe('mapJsonRecord: AWS API Gateway', () => {
  it('maps the console JSON preset (strings, "-" placeholders, CLF time, resourcePath template)', () => {
    const entry = map({
      requestId: '48752d0f-c99d-4cfa-a5a7-f3c6834d19e5',
      ip: '192.0.2.1',
      caller: '-',
      user: '-',
      requestTime: '10/Jun/2023:15:36:28 +0000',
      httpMethod: 'GET',
      resourcePath: '/pets/{petId}',
      status: '200',
      protocol: 'HTTP/1.1',
      responseLength: '184',
    })
    expect(entry).toEqual({
      ...EMPTY,
      position: 7,
      raw: entry.raw,
      ts: Date.UTC(2023, 5, 10, 15, 36, 28),
      method: 'GET',
      url: '/pets/{petId}',
      path: '/pets/{petId}',
      endpoint: '/pets/{petId}',
      function: 'GET /pets/{petId}',
      result: 'success',
      statusCode: 200,
      clientIp: '192.0.2.1',
      correlationId: '48752d0f-c99d-4cfa-a5a7-f3c6834d19e5',
    })
  })

  it('maps identity, authorizer, integration errors, stage and account', () => {
    const entry = map({
      requestId: '0b8e8f2a',
      ip: '203.0.113.10',
      caller: '-',
      user: '-',
      requestTime: '01/May/2024:10:00:00 +0000',
      httpMethod: 'PUT',
      resourcePath: '/orders/{orderId}',
      path: '/prod/orders/ORD-2024-0042',
      status: '502',
      responseLatency: '29034',
      integrationLatency: '29001',
      integrationErrorMessage: 'Lambda function timed out',
      error: { message: 'Internal server error', responseType: 'INTEGRATION_FAILURE' },
      identity: { sourceIp: '203.0.113.10', caller: '-', user: '-' },
      authorizer: { principalId: 'user|a1b2c3' },
      apiId: 'k3x9zq1w2e',
      stage: 'prod',
      domainName: 'api.shop.example',
      accountId: '123456789012',
    })
    expect(entry).toMatchObject({
      url: 'https://api.shop.example/prod/orders/ORD-2024-0042',
      host: 'api.shop.example',
      path: '/prod/orders/ORD-2024-0042',
      endpoint: '/orders/{orderId}',
      function: 'PUT /orders/{orderId}',
      apiUser: 'user|a1b2c3',
      result: 'error',
      statusCode: 502,
      resultReason: 'Lambda function timed out',
      errorCode: 'INTEGRATION_FAILURE',
      durationMs: 29034,
      delayMs: 33,
      service: 'k3x9zq1w2e/prod',
      tenant: '123456789012',
      correlationId: '0b8e8f2a',
    })
  })

  it('maps HTTP API routeKeys and flat dotted keys', () => {
    const entry = map({
      requestId: 'GQJx1hFNIAMEaQw=',
      requestTimeEpoch: '1714557601234',
      httpMethod: 'POST',
      routeKey: 'POST /payments',
      status: '201',
      'identity.sourceIp': '198.51.100.4',
      'authorizer.claims.sub': 'cognito-77',
      'error.message': '-',
    })
    expect(entry).toMatchObject({
      ts: 1714557601234,
      function: 'POST /payments',
      endpoint: '/payments',
      apiUser: 'cognito-77',
      clientIp: '198.51.100.4',
      resultReason: null,
      result: 'success',
    })
  })

  it('maps WebSocket $connect failures without a method or path', () => {
    const entry = map({
      requestId: 'Iq9gwFDNoAMFo1A=',
      ip: '1.128.0.0',
      caller: '-',
      user: '-',
      requestTime: '26/Jul/2023:12:20:46 +0000',
      eventType: 'CONNECT',
      routeKey: '$connect',
      status: '500',
      connectionId: 'Iq8gj1UmIAMCKpA=',
      apiId: 'z1ctxygne5',
      stage: 'production',
      domainName: 'z1ctxygne5.execute-api.us-east-1.amazonaws.com',
    })
    expect(entry).toMatchObject({
      method: null,
      url: null,
      path: null,
      host: 'z1ctxygne5.execute-api.us-east-1.amazonaws.com',
      endpoint: '$connect',
      function: '$connect',
      result: 'error',
      statusCode: 500,
      service: 'z1ctxygne5/production',
    })
  })
})

describe('mapJsonRecord: gateways and proxies', () => {
  it('maps Kong (consumer, latencies, workspace, upstream status list)', () => {
    const entry = map({
      request: {
        id: '7b0c7e2a',
        method: 'POST',
        uri: '/orders/ORD-2024-0042/refunds?notify=true',
        url: 'https://api.example.com:8443/orders/ORD-2024-0042/refunds?notify=true',
        querystring: { notify: 'true' },
        headers: { host: 'api.example.com:8443', 'user-agent': 'acme/2.3' },
      },
      response: { status: 200, headers: { 'x-kong-request-id': '7b0c7e2a' } },
      client_ip: '203.0.113.24',
      started_at: 1714557600120,
      latencies: { request: 3015, kong: 5, proxy: 3010 },
      upstream_status: '502, 200',
      source: 'upstream',
      consumer: { id: '3f7c', username: 'acme-billing' },
      authenticated_entity: { id: 'c9a8' },
      service: { name: 'orders-service' },
      route: { name: 'orders-refunds' },
      workspace: '0a1b',
      workspace_name: 'retail',
    })
    expect(entry).toMatchObject({
      ts: 1714557600120,
      method: 'POST',
      url: 'https://api.example.com:8443/orders/ORD-2024-0042/refunds?notify=true',
      host: 'api.example.com:8443',
      path: '/orders/ORD-2024-0042/refunds',
      endpoint: '/orders/{id}/refunds',
      function: 'POST /orders/{id}/refunds',
      apiUser: 'acme-billing',
      result: 'success',
      statusCode: 200,
      durationMs: 3015,
      delayMs: 5,
      clientIp: '203.0.113.24',
      correlationId: '7b0c7e2a',
      service: 'orders-service',
      tenant: 'retail',
      origin: 'upstream',
    })
  })

  it('maps Envoy (start_time, response_flags, details only on failure, address without port)', () => {
    const failed = map({
      start_time: '2024-05-01T10:00:01.250Z',
      method: 'GET',
      path: '/api/v1/accounts/12345?expand=owner',
      response_code: 503,
      response_flags: 'UF',
      response_code_details: 'upstream_reset_before_response_started',
      duration: 12,
      x_forwarded_for: '198.51.100.7, 10.0.0.2',
      request_id: '5e1f',
      authority: 'accounts.example.com',
      upstream_cluster: 'accounts_backend',
      downstream_remote_address: '10.0.0.2:51544',
    })
    expect(failed).toMatchObject({
      ts: Date.UTC(2024, 4, 1, 10, 0, 1, 250),
      url: '/api/v1/accounts/12345?expand=owner',
      host: 'accounts.example.com',
      endpoint: '/api/v1/accounts/{id}',
      statusCode: 503,
      result: 'error',
      errorCode: 'UF',
      resultReason: 'upstream_reset_before_response_started',
      durationMs: 12,
      clientIp: '10.0.0.2',
      correlationId: '5e1f',
      service: 'accounts_backend',
    })
    const ok = map({
      start_time: '2024-05-01T10:00:02Z',
      method: 'GET',
      path: '/',
      response_code: 200,
      response_flags: '-',
      response_code_details: 'via_upstream',
      duration: 3,
      x_forwarded_for: '198.51.100.8, 10.0.0.2',
      upstream_cluster: 'b',
    })
    expect(ok).toMatchObject({ resultReason: null, errorCode: null, clientIp: '198.51.100.8', durationMs: 3 })
  })

  it('maps Traefik (downstream 200 but origin 504, ns durations, prefixed header keys)', () => {
    const entry = map({
      ClientAddr: '172.20.0.1:52458',
      ClientHost: '1.2.3.4',
      ClientUsername: '-',
      DownstreamStatus: '200',
      Duration: 10002425284,
      OriginDuration: 10002302842,
      OriginStatus: 504,
      Overhead: 122442,
      RequestHost: 'localhost',
      RequestMethod: 'GET',
      RequestPath: '/my/app/auth?id=1234&user=dude',
      RequestScheme: 'http',
      RouterName: 'my-router@file',
      ServiceName: 'my-service@file',
      StartUTC: '2023-08-11T11:39:21.773360139Z',
      'request_X-Request-Id': 'abc-1',
      'request_User-Agent': 'Prometheus/2.40.5',
      'downstream_Content-Type': 'text/plain',
      time: '2023-08-11T11:41:25',
    })
    expect(entry).toMatchObject({
      ts: Date.UTC(2023, 7, 11, 11, 39, 21, 773),
      method: 'GET',
      url: 'http://localhost/my/app/auth?id=1234&user=dude',
      host: 'localhost',
      path: '/my/app/auth',
      statusCode: 200,
      result: 'error',
      durationMs: 10002.425,
      delayMs: 0.122,
      clientIp: '1.2.3.4',
      apiUser: null,
      service: 'my-service@file',
      correlationId: 'abc-1',
      requestHeaders: [['X-Request-Id', 'abc-1'], ['User-Agent', 'Prometheus/2.40.5']],
      responseHeaders: [['Content-Type', 'text/plain']],
    })
    const limited = map({
      RequestMethod: 'GET', RequestPath: '/x', DownstreamStatus: 429, OriginStatus: 0, ClientUsername: 'feed',
    })
    expect(limited).toMatchObject({ statusCode: 429, result: 'error', apiUser: 'feed' })
  })

  it('maps Caddy (epoch-float ts, seconds, header arrays, TLS → https)', () => {
    const entry = map({
      level: 'info',
      ts: 1703373474.8155608,
      logger: 'http.log.access',
      msg: 'handled request',
      request: {
        remote_ip: '10.0.0.9',
        client_ip: '1.2.3.4',
        proto: 'HTTP/2.0',
        method: 'GET',
        host: 'example.com',
        uri: '/beta/?q=1',
        headers: { Accept: ['text/html', '*/*'], 'User-Agent': ['Firefox'] },
        tls: { proto: 'h2' },
      },
      user_id: 'bob',
      duration: 0.001335486,
      size: 3609,
      status: 200,
      resp_headers: { Server: ['Caddy', 'nginx'] },
    })
    expect(entry).toMatchObject({
      ts: 1703373474816,
      url: 'https://example.com/beta/?q=1',
      host: 'example.com',
      path: '/beta/',
      apiUser: 'bob',
      durationMs: 1.335,
      clientIp: '1.2.3.4',
      statusCode: 200,
      requestHeaders: [['Accept', 'text/html'], ['Accept', '*/*'], ['User-Agent', 'Firefox']],
      responseHeaders: [['Server', 'Caddy'], ['Server', 'nginx']],
    })
    const plain = map({ request: { method: 'GET', host: 'h:8080', uri: '/' }, resp_headers: {}, status: 200 })
    expect(plain.url).toBe('http://h:8080/')
  })

  it('maps Azure API Management gateway logs', () => {
    const entry = map({
      TenantId: '5f3c2b1a',
      TimeGenerated: '2024-05-01T10:03:00.1234567Z',
      OperationName: 'Microsoft.ApiManagement/GatewayLogs',
      CorrelationId: '8d7c',
      IsRequestSuccess: false,
      TotalTime: 30012,
      BackendTime: 30000,
      CallerIpAddress: '198.51.100.20',
      Method: 'POST',
      Url: 'https://contoso.azure-api.net/orders/v1/orders',
      ResponseCode: 504,
      BackendResponseCode: 0,
      ApiId: 'orders-api',
      OperationId: 'create-order',
      UserId: '',
      ApimSubscriptionId: 'contoso-mobile',
      LastErrorReason: 'Timeout',
      LastErrorMessage: 'Request to the backend service timed out',
      RequestHeaders: { 'Content-Type': 'application/json' },
      RequestBody: '{"sku":"A-1"}',
      ResponseHeaders: '{"Content-Type":"application/json"}',
      ResponseBody: 'timeout',
    })
    expect(entry).toMatchObject({
      ts: Date.UTC(2024, 4, 1, 10, 3, 0, 123),
      method: 'POST',
      function: 'orders-api create-order',
      endpoint: '/orders/v1/orders',
      apiUser: 'contoso-mobile',
      result: 'error',
      statusCode: 504,
      resultReason: 'Request to the backend service timed out',
      errorCode: 'Timeout',
      durationMs: 30012,
      delayMs: 12,
      clientIp: '198.51.100.20',
      correlationId: '8d7c',
      service: 'orders-api',
      tenant: '5f3c2b1a',
      requestHeaders: [['Content-Type', 'application/json']],
      requestBody: '{"sku":"A-1"}',
      responseHeaders: [['Content-Type', 'application/json']],
      responseBody: 'timeout',
    })
  })

  it('maps Azure Monitor diagnostic records (fields under properties)', () => {
    const entry = map({
      time: '2024-05-01T10:04:00Z',
      resourceId: '/SUBSCRIPTIONS/X',
      operationName: 'Microsoft.ApiManagement/GatewayLogs',
      durationMs: 412,
      callerIpAddress: '192.0.2.33',
      correlationId: '1a2b',
      properties: {
        method: 'DELETE',
        url: 'https://contoso.azure-api.net/orders/1002',
        responseCode: 409,
        backendResponseCode: 409,
        apiId: 'orders-api',
        operationId: 'delete-order',
        apimSubscriptionId: 'contoso-admin',
        lastError: { reason: 'BackendConflict', message: 'Order 1002 is already shipped' },
      },
    })
    expect(entry).toMatchObject({
      function: 'orders-api delete-order',
      statusCode: 409,
      result: 'error',
      apiUser: 'contoso-admin',
      resultReason: 'Order 1002 is already shipped',
      errorCode: 'BackendConflict',
      durationMs: 412,
      clientIp: '192.0.2.33',
    })
  })

  it('maps Cloudflare HTTP request logs (ns epoch, origin 0 ignored, worse origin status)', () => {
    const edgeOnly = map({
      ClientIP: '203.0.113.61',
      ClientRequestHost: 'shop.example.com',
      ClientRequestMethod: 'POST',
      ClientRequestURI: '/api/checkout?step=2',
      ClientRequestScheme: 'https',
      EdgeStartTimestamp: 1714557621000000000,
      EdgeResponseStatus: 200,
      OriginResponseStatus: 0,
      OriginResponseDurationMs: 187,
      RayID: '87d1',
      ZoneName: 'example.com',
    })
    expect(edgeOnly).toMatchObject({
      ts: 1714557621000,
      url: 'https://shop.example.com/api/checkout?step=2',
      statusCode: 200,
      result: 'success',
      durationMs: 187,
      clientIp: '203.0.113.61',
      correlationId: '87d1',
      tenant: 'example.com',
    })
    const stale = map({
      ClientRequestMethod: 'GET', ClientRequestURI: '/p', EdgeResponseStatus: 200, OriginResponseStatus: 503,
    })
    expect(stale).toMatchObject({ statusCode: 200, result: 'error' })
    const blocked = map({
      ClientRequestMethod: 'GET', ClientRequestURI: '/p', EdgeResponseStatus: 403, SecurityAction: 'block',
    })
    expect(blocked).toMatchObject({ errorCode: 'block', result: 'error' })
  })

  it('maps mitmproxy flows (header pairs, port, peername, duration span, error)', () => {
    const base = {
      client_conn: { peername: ['192.168.1.20', 53211] },
      server_conn: { address: ['api.example.org', 8443] },
      request: {
        method: 'POST',
        scheme: 'https',
        host: 'api.example.org',
        port: 8443,
        path: '/v2/upload?chunk=3',
        headers: [['Host', 'api.example.org:8443'], ['Authorization', `Bearer ${JWT}`]],
        timestamp_start: 1714557605.5,
      },
    }
    const response = {
      status_code: 413, reason: 'Payload Too Large', headers: [['a', '1']], timestamp_end: 1714557605.75,
    }
    expect(map({ ...base, response })).toMatchObject({
      ts: 1714557605500,
      url: 'https://api.example.org:8443/v2/upload?chunk=3',
      host: 'api.example.org:8443',
      path: '/v2/upload',
      statusCode: 413,
      statusText: 'Payload Too Large',
      result: 'error',
      durationMs: 250,
      clientIp: '192.168.1.20',
      apiUser: 'user-8812',
      responseHeaders: [['a', '1']],
    })
    const error = { msg: 'Connection killed.', timestamp: 1714557635.5 }
    const failed = map({ ...base, response: null, error })
    expect(failed).toMatchObject({
      statusCode: null, result: 'error', resultReason: 'Connection killed.', durationMs: null,
    })
  })
})

describe('mapJsonRecord: log platforms', () => {
  it('maps Datadog API events (nested attributes, ns duration, machine host ignored)', () => {
    const entry = map({
      id: 'AAAAAYxyz-1',
      type: 'log',
      attributes: {
        timestamp: '2024-05-01T10:02:00.000Z',
        service: 'checkout',
        host: 'i-0abc',
        status: 'error',
        message: 'POST /api/checkout 502',
        attributes: {
          http: { method: 'POST', url: 'https://shop.example.com/api/checkout', status_code: 502 },
          usr: { id: 'cust-4411' },
          duration: 1530000000,
          network: { client: { ip: '203.0.113.77' } },
          trace_id: '1234',
        },
      },
    })
    expect(entry).toMatchObject({
      ts: Date.UTC(2024, 4, 1, 10, 2),
      method: 'POST',
      host: 'shop.example.com',
      statusCode: 502,
      result: 'error',
      resultReason: 'POST /api/checkout 502',
      apiUser: 'cust-4411',
      durationMs: 1530,
      clientIp: '203.0.113.77',
      correlationId: '1234',
      service: 'checkout',
    })
  })

  it('maps ECS documents, nested and flat', () => {
    const nested = map({
      '@timestamp': '2024-05-01T10:00:10.500Z',
      event: { duration: 215000000, outcome: 'failure' },
      http: { request: { method: 'POST' }, response: { status_code: 200 } },
      url: { original: '/billing/invoices/INV-99812/pay', domain: 'billing.example.com', scheme: 'https' },
      user: { name: 'finance-portal' },
      client: { ip: '198.51.100.50' },
      trace: { id: '4bf9' },
      transaction: { id: '00f0' },
      service: { name: 'billing-api' },
      error: { message: 'provider unavailable', type: 'ProviderError' },
    })
    expect(nested).toMatchObject({
      url: 'https://billing.example.com/billing/invoices/INV-99812/pay',
      endpoint: '/billing/invoices/{id}/pay',
      statusCode: 200,
      result: 'error',
      resultReason: 'provider unavailable',
      errorCode: 'ProviderError',
      durationMs: 215,
      apiUser: 'finance-portal',
      clientIp: '198.51.100.50',
      correlationId: '4bf9',
      service: 'billing-api',
    })
    const flat = map({
      '@timestamp': '2024-05-01T10:00:11Z',
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'url.full': 'https://b.example.com/x',
      'event.duration': 3500000,
      'user.name': 'u',
      'transaction.id': 't-1',
    })
    expect(flat).toMatchObject({
      method: 'GET', statusCode: 200, url: 'https://b.example.com/x', durationMs: 3.5, apiUser: 'u',
      correlationId: 't-1',
    })
  })

  it('unwraps Elasticsearch hits and CloudWatch events', () => {
    const source = { method: 'GET', url: '/a', status: 200, user: 'x' }
    const hit = map({ _index: 'logs', _id: 'Q1', _source: source })
    expect(hit).toMatchObject({ method: 'GET', apiUser: 'x' })
    const event = map({
      logStreamName: 's',
      timestamp: 1714557660000,
      ingestionTime: 1714557661000,
      eventId: '37',
      message: '{"httpMethod":"DELETE","resourcePath":"/users/{userId}","status":"401"}',
    })
    expect(event).toMatchObject({ ts: 1714557660000, function: 'DELETE /users/{userId}', statusCode: 401 })
  })
})

describe('json-record building blocks', () => {
  it('converts durations per unit and honours unit suffixes', () => {
    expect(decodeDuration(1500, 'ns')).toBe(0.002)
    expect(decodeDuration(2500, 'us')).toBe(2.5)
    expect(decodeDuration('0.25', 's')).toBe(250)
    expect(decodeDuration('12ms', 's')).toBe(12)
    expect(decodeDuration('1.5s', 'ms')).toBe(1500)
    expect(decodeDuration('250µs', 'ms')).toBe(0.25)
    expect(decodeDuration(-1, 'ms')).toBeNull()
    expect(decodeDuration('-', 'ms')).toBeNull()
  })

  it('reads client addresses and status lists', () => {
    expect(decodeIp('10.0.0.2:51544')).toBe('10.0.0.2')
    expect(decodeIp('[2001:db8::5]:40022')).toBe('2001:db8::5')
    expect(decodeIp('2001:db8::5')).toBe('2001:db8::5')
    expect(decodeIp(['127.0.0.1', 0])).toBe('127.0.0.1')
    expect(decodeIp(' 198.51.100.7 , 10.0.0.2')).toBe('198.51.100.7')
    expect(decodeStatus('502, 502, 503')).toBe(503)
    expect(decodeStatus('-')).toBeNull()
  })

  it('normalises header shapes to pairs', () => {
    expect(normalizeHeaders([{ name: 'A', value: '1' }, ['B', 2]])).toEqual([['A', '1'], ['B', '2']])
    expect(normalizeHeaders('Host: a.example\r\nAccept: */*')).toEqual([
      ['Host', 'a.example'],
      ['Accept', '*/*'],
    ])
    expect(normalizeHeaders({ A: null, B: ['x', 'y'] })).toEqual([['B', 'x'], ['B', 'y']])
    expect(normalizeHeaders({})).toBeNull()
  })

  it('finds dotted paths nested, flat and mixed', () => {
    const path = compilePath('http.request.method')
    expect(getPath({ http: { request: { method: 'A' } } }, path)).toBe('A')
    expect(getPath({ 'http.request.method': 'B' }, path)).toBe('B')
    expect(getPath({ http: { 'request.method': 'C' } }, path)).toBe('C')
    expect(getPath({ 'http.request': { method: 'D' } }, path)).toBe('D')
    expect(getPath({ http: 'x' }, path)).toBeUndefined()
    expect(() => compilePath('a.constructor')).toThrow(/Object.prototype/)
  })
})
