// Where each entry field is found in JSON gateway / proxy / app logs: candidate paths in order of
// preference (dotted paths match nested objects and flat dotted keys alike). The first candidate
// that holds a usable value wins. Gateway-specific meanings (units of a bare "duration", extra
// lookup roots) live in profiles.ts.
import type { TimeUnit } from './decode'

export interface Alias {
  path: string
  /** unit of a numeric duration */
  unit?: TimeUnit
  /** further paths joined to this one with `join` (all must hold text) */
  with?: readonly string[]
  join?: string
  /** a span: value at `to` minus value at `path`, both in `unit` */
  to?: string
  /** constant used when `path` is present at all */
  constant?: string
  /** only meaningful when the call failed (e.g. Envoy's response_code_details "via_upstream") */
  whenError?: boolean
}

export type FieldName =
  | 'ts' | 'method' | 'url' | 'path' | 'host' | 'scheme' | 'port' | 'endpoint' | 'function'
  | 'apiUser' | 'agentUser' | 'outcome' | 'status' | 'originStatus' | 'statusText' | 'reason'
  | 'errorCode' | 'message' | 'level' | 'duration' | 'delay' | 'clientIp' | 'forwardedFor'
  | 'correlationId' | 'service' | 'tenant' | 'origin' | 'requestHeaders' | 'responseHeaders'
  | 'requestBody' | 'responseBody'

export type FieldTable = Record<FieldName, readonly Alias[]>

const at = (...paths: string[]): Alias[] => paths.map((path) => ({ path }))
const inUnit = (unit: TimeUnit, ...paths: string[]): Alias[] => paths.map((path) => ({ path, unit }))
const onError = (...paths: string[]): Alias[] => paths.map((path) => ({ path, whenError: true }))

export const FIELDS: FieldTable = {
  ts: at(
    'StartUTC', 'start_time', 'startTime', 'started_at', 'requestTimeEpoch', 'requestTime', 'TimeGenerated',
    'EdgeStartTimestamp', 'request.timestamp_start', 'startedDateTime', '@timestamp', 'timestamp', 'ts',
    'time', 'datetime', 'date', 'eventTime', 'event.created', 'created_at', 'receivedAt', 'StartLocal',
  ),
  method: at(
    'method', 'httpMethod', 'http_method', 'request.method', 'RequestMethod', 'Method', 'ClientRequestMethod',
    'http.request.method', 'http.method', 'req.method', 'request_method', 'verb',
  ),
  // absolute URLs win; a relative value is used as the path
  url: at(
    'url', 'request.url', 'Url', 'url.full', 'http.url', 'url.original', 'req.url', 'request_url',
    'requestUrl', 'full_url', 'uri',
  ),
  path: at(
    'request.path', 'path', 'request.uri', 'RequestPath', 'ClientRequestURI', 'ClientRequestPath',
    'url.path', 'http.url_details.path', 'request_uri', 'requestPath', 'uri', 'upstream_uri',
  ),
  host: at(
    'request.host', 'host', 'RequestHost', 'ClientRequestHost', 'authority', 'domainName', 'url.domain',
    'http.url_details.host', 'http.host', 'request.pretty_host',
  ),
  scheme: at(
    'request.scheme', 'scheme', 'RequestScheme', 'ClientRequestScheme', 'url.scheme', 'x_forwarded_proto',
  ),
  port: at('request.port', 'port', 'url.port', 'RequestPort'),
  endpoint: at(
    'resourcePath', 'routeKey', 'http.route', 'route_template', 'routeTemplate', 'endpoint',
    'operationPath', 'route',
  ),
  function: [
    ...at('operationId', 'operation', 'operationName', 'function', 'action'),
    { path: 'ApiId', with: ['OperationId'], join: ' ' },
    { path: 'apiId', with: ['operationId'], join: ' ' },
    ...at('OperationId', 'routeKey'),
  ],
  apiUser: at(
    'consumer.username', 'consumer.custom_id', 'consumer.id', 'consumer_id', 'consumerId', 'consumer',
    'authenticated_entity.consumer_id.id', 'authenticated_entity.id', 'api_user', 'apiUser', 'user_id',
    'userId', 'UserId', 'user.name', 'user.id', 'usr.id', 'usr.name', 'usr.email', 'user', 'username',
    'caller', 'identity.user', 'identity.caller', 'identity.userArn', 'identity.apiKeyId',
    'identity.cognitoIdentityId', 'authorizer.principalId', 'authorizer.claims.sub', 'principalId',
    'principal', 'client_id', 'clientId', 'ClientUsername', 'ApimSubscriptionId', 'apimSubscriptionId',
    'subscription_id',
  ),
  agentUser: at(
    'agent_user', 'agentUser', 'on_behalf_of', 'onBehalfOf', 'impersonated_user', 'impersonatedUser',
    'impersonated_user_id', 'impersonatedUserId', 'acting_user', 'actingUser',
  ),
  outcome: at(
    'result', 'outcome', 'event.outcome', 'success', 'IsRequestSuccess', 'isRequestSuccess', 'succeeded',
  ),
  status: at(
    'response.status', 'response.status_code', 'response.statusCode', 'status', 'statusCode',
    'status_code', 'DownstreamStatus', 'response_code', 'responseCode', 'ResponseCode', 'EdgeResponseStatus',
    'http.response.status_code', 'http.status_code', 'res.statusCode', 'httpStatus', 'http_status',
    'response',
  ),
  // what the upstream / backend answered when a gateway logs both
  originStatus: at(
    'OriginStatus', 'upstream_status', 'BackendResponseCode', 'backendResponseCode', 'OriginResponseStatus',
    'integrationStatus', 'integration.status', 'upstream_response_code',
  ),
  statusText: at(
    'response.reason', 'response.statusText', 'statusText', 'status_text', 'reason_phrase', 'status_msg',
  ),
  reason: [
    ...at(
      'integrationErrorMessage', 'integration.error', 'error.message', 'errorMessage', 'error_message',
      'LastErrorMessage', 'LastErrorReason', 'lastError.message', 'lastError.reason', 'authorizer.error',
      'error.msg', 'err.message', 'error', 'exception.message',
    ),
    ...onError('response_code_details'),
  ],
  errorCode: [
    ...at(
      'error.code', 'errorCode', 'error_code', 'error.responseType', 'error.type', 'error.kind',
      'LastErrorReason', 'lastError.reason', 'response_flags',
    ),
    ...onError('SecurityAction', 'WAFAction'),
  ],
  // a free-text message, used as the reason only when the record is an error
  message: at('message'),
  level: at('level', 'severity', 'log.level', 'status'),
  duration: [
    ...inUnit(
      'ms', 'latency_ms', 'duration_ms', 'durationMs', 'elapsed_ms', 'elapsedMs', 'response_time_ms',
      'responseTimeMs', 'latencies.request', 'responseLatency', 'TotalTime', 'totalTime',
      'OriginResponseDurationMs', 'responseTime', 'took', 'elapsed', 'latency', 'time_ms',
    ),
    ...inUnit('ns', 'event.duration', 'duration_ns'),
    ...inUnit('us', 'duration_us', 'duration_micros'),
    ...inUnit('s', 'request_time', 'duration_s', 'duration_sec'),
    // a bare "duration" is ms unless the record's profile says otherwise
    ...inUnit('ms', 'duration'),
  ],
  delay: [
    ...inUnit(
      'ms', 'latencies.kong', 'delay_ms', 'queue_ms', 'queue_time_ms', 'queueTime', 'queue_time', 'wait_ms',
      'proxy_latency', 'proxyLatency',
    ),
    // time spent in the gateway itself: total minus backend
    { path: 'integrationLatency', to: 'responseLatency', unit: 'ms' },
    { path: 'BackendTime', to: 'TotalTime', unit: 'ms' },
  ],
  // X-Forwarded-For style fields come last (forwardedFor), only when nothing names the client
  clientIp: at(
    'client_ip', 'clientIp', 'clientIP', 'ClientIP', 'client.ip', 'network.client.ip', 'request.client_ip',
    'request.remote_ip', 'identity.sourceIp', 'sourceIp', 'source_ip', 'source.ip', 'ip', 'ip_address',
    'ipAddress', 'remote_ip', 'remote_addr', 'remoteAddr', 'ClientHost', 'ClientAddr', 'CallerIpAddress',
    'callerIpAddress', 'downstream_remote_address', 'client_conn.peername', 'client_conn.address',
    'req.remoteAddress',
  ),
  forwardedFor: at(
    'x_forwarded_for', 'xForwardedFor', 'forwarded_for', 'http_x_forwarded_for', 'X-Forwarded-For',
  ),
  correlationId: at(
    'requestId', 'request_id', 'request.id', 'requestID', 'RequestId', 'RequestID', 'x_request_id',
    'CorrelationId', 'correlationId', 'correlation_id', 'RayID', 'trace.id', 'trace_id', 'traceId',
    'dd.trace_id', 'transaction.id', 'http.request.id', 'extendedRequestId', 'req.id',
  ),
  service: [
    ...at(
      'service.name', 'service', 'serviceName', 'service_name', 'ServiceName', 'upstream_cluster', 'ApiId',
    ),
    { path: 'apiId', with: ['stage'], join: '/' },
    ...at('apiId', 'app', 'application', 'route.name', 'RouterName'),
  ],
  tenant: at(
    'tenant', 'tenant_id', 'tenantId', 'TenantId', 'tenant.id', 'tenant.name', 'workspace_name', 'workspace',
    'accountId', 'account_id', 'ZoneName', 'organization.id', 'organization.name', 'org_id', 'orgId',
    'cloud.account.id', 'labels.tenant',
  ),
  origin: at('origin', 'source', 'caller_label', 'client_name', 'clientName', 'app_name', 'appName'),
  requestHeaders: at(
    'request.headers', 'requestHeaders', 'request_headers', 'RequestHeaders', 'req.headers',
    'http.request.headers', 'headers',
  ),
  responseHeaders: at(
    'response.headers', 'responseHeaders', 'response_headers', 'ResponseHeaders', 'resp_headers',
    'res.headers', 'http.response.headers',
  ),
  requestBody: at(
    'request.body', 'requestBody', 'request_body', 'RequestBody', 'req.body', 'http.request.body.content',
    'request.postData.text',
  ),
  responseBody: at(
    'response.body', 'responseBody', 'response_body', 'ResponseBody', 'res.body',
    'http.response.body.content', 'response.content.text',
  ),
}

/** Header names consulted when no field gives the value. */
export const CORRELATION_HEADERS = [
  'x-request-id', 'x-correlation-id', 'x-amzn-requestid', 'x-amz-request-id', 'x-kong-request-id',
  'request-id', 'x-ms-request-id', 'cf-ray', 'x-b3-traceid', 'x-amz-cf-id',
] as const
export const FORWARDED_HEADERS = ['x-forwarded-for', 'x-real-ip'] as const
export const AGENT_USER_HEADERS = [
  'x-on-behalf-of', 'x-impersonate-user', 'x-agent-user', 'x-acting-user',
] as const
export const HOST_HEADERS = [':authority', 'host'] as const

/** Levels that make a record an error (so its message becomes the reason). */
export const ERROR_LEVELS: ReadonlySet<string> = new Set([
  'error', 'err', 'fatal', 'critical', 'crit', 'alert', 'emerg', 'emergency',
])
