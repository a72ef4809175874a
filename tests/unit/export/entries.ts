// Entries for export tests, built directly (no store needed for formatter tests).
import type { EntryDetail } from '../../../src/shared/types'

export function entry(overrides: Partial<EntryDetail> = {}): EntryDetail {
  return {
    id: 1, sourceId: 1, position: 1, ts: '2024-05-01T10:00:00.000Z', apiUser: 'crmsync', agentUser: '1001',
    function: 'GET /v1/contacts/{id}', result: 'error', statusCode: 404, statusText: 'Not Found',
    resultReason: 'contact not found', errorCode: 'E404', method: 'GET', url: 'https://api.example.com/v1/contacts/42',
    host: 'api.example.com', path: '/v1/contacts/42', endpoint: '/v1/contacts/{id}', service: 'crm', tenant: 'acme',
    clientIp: '10.0.0.1', durationMs: 12.5, delayMs: 3, correlationId: 'req-1', origin: null,
    requestHeaders: [['Accept', 'application/json']], requestBody: null, requestBodyEncoding: null,
    responseHeaders: [['Content-Type', 'application/json']], responseBody: '{"error":"not found"}', responseBodyEncoding: null,
    raw: '{"raw":true}', sourceName: 'sample.har', ...overrides,
  }
}
