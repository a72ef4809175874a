// THE table of error classes: how an error's status, code and text map onto a cause, with the hint
// that usually fixes it. Rules are tried in order and the first that matches wins, so vendor texts
// (most specific) come first, then HTTP status codes, then generic wording for logs without a status
// (VICIdial), then "no response". Add a vendor's error here and nowhere else.
import type { ErrorCause } from '../../shared/triage-types'

export interface ErrorClass {
  id: string
  /** whose wording the rule recognises */
  vendor: string
  cause: ErrorCause
  /** matched against the error code field alone */
  code?: RegExp
  /** matched against the result reason, the error code and the first 64 KB of the response body */
  text?: RegExp
  /** inclusive status range; with code/text the status must be in range too */
  status?: readonly [number, number]
  hint: string
}

export const CAUSE_LABELS: Record<ErrorCause, string> = {
  auth: 'authentication or permission',
  bad_params: 'bad parameters',
  rate_limited: 'rate limited',
  not_found: 'not found',
  server_error: 'server-side failure',
  other: 'network or unrecognised error',
}

export const CAUSE_HINTS: Record<ErrorCause, string> = {
  auth: 'The credentials were rejected or lack a permission: check whether the password, token or key changed.',
  bad_params: 'The request was understood but its parameters were rejected: compare them with a request that worked.',
  rate_limited: 'The caller sends more than its quota allows: slow it down or raise the limit.',
  not_found: 'The record or URL the request names does not exist (deleted, archived, or a wrong id or path).',
  server_error: 'The API failed while handling a valid request: check the service side, not the caller.',
  other: 'No usable answer reached the caller: look at the network path (timeouts, refused or dropped connections).',
}

const range = (lo: number, hi = lo): readonly [number, number] => [lo, hi]
/** A word-bounded alternation of vendor error codes. */
const codes = (...names: string[]) => new RegExp(`\\b(?:${names.join('|')})\\b`)

export const ERROR_CLASSES: readonly ErrorClass[] = [
  // VICIdial API (result_reason of vicidial_api_log; no HTTP status)
  {
    id: 'vicidial-login', vendor: 'VICIdial', cause: 'auth',
    text: /Invalid Username\/Password|LOGIN INCORRECT/i,
    hint: 'VICIdial rejected the user name or password: ask whether the password of this API user ' +
      'changed and update it in the calling system.',
  },
  {
    id: 'vicidial-permission', vendor: 'VICIdial', cause: 'auth',
    text: /DOES NOT HAVE PERMISSION|NOT ALLOWED TO USE|FUNCTION NOT ALLOWED|user_group is not allowed/i,
    hint: 'The user logs in but may not use this function: check "API Access", the user level and ' +
      'the allowed API functions of the user in VICIdial admin.',
  },
  {
    id: 'vicidial-ip', vendor: 'VICIdial', cause: 'auth',
    text: /IP (?:ADDRESS )?(?:IS )?NOT ALLOWED|NOT IN (?:THE )?IP LIST/i,
    hint: "The caller's IP address is not on the API allow-list (IP list of the user group or system).",
  },
  {
    id: 'vicidial-source', vendor: 'VICIdial', cause: 'bad_params', text: /Invalid Source/i,
    hint: 'The source= parameter is missing or longer than 20 characters.',
  },
  {
    id: 'vicidial-function', vendor: 'VICIdial', cause: 'bad_params', text: /NO FUNCTION SPECIFIED|INVALID FUNCTION/i,
    hint: 'The function= parameter is missing or misspelled.',
  },
  {
    id: 'vicidial-agent-session', vendor: 'VICIdial', cause: 'not_found',
    text: /agent_user is not logged in|NOT LOGGED IN|no user found/i,
    hint: 'The agent the call acts for is not logged in to the agent screen (or the agent_user is wrong).',
  },
  {
    id: 'vicidial-not-found', vendor: 'VICIdial', cause: 'not_found',
    text: /LEAD NOT FOUND|NO MATCHES FOUND|(?:LIST|CAMPAIGN|USER|PHONE|GROUP|DID)(?: ID)? (?:DOES NOT EXIST|NOT FOUND)/i,
    hint: 'The lead, list, campaign or user the call names does not exist (deleted, archived or a wrong id).',
  },
  {
    id: 'vicidial-data', vendor: 'VICIdial', cause: 'bad_params',
    text: /INVALID PHONE NUMBER|DUPLICATE (?:PHONE|LEAD)|INVALID (?:LIST|CAMPAIGN|STATUS|DATE|VALUE|LEAD)|NOT A VALID/i,
    hint: 'VICIdial rejected a field value (phone number length or prefix, duplicate, status, list): ' +
      'compare with a request that worked.',
  },

  // Workato API platform (gateway code and status details of the API logs download)
  {
    id: 'workato-unrecognized-token', vendor: 'Workato', cause: 'auth', code: /^4011$/, text: /Unrecognized token/i,
    hint: "The API token is not recognised: the client's token was regenerated or the calling system holds an old one.",
  },
  {
    id: 'workato-missing-token', vendor: 'Workato', cause: 'auth', code: /^4012$/, text: /Missing token/i,
    hint: 'No token was sent: the api-token or Authorization header is missing in the calling system.',
  },
  {
    id: 'workato-recipe-inactive', vendor: 'Workato', cause: 'server_error', text: /Recipe is inactive/i,
    hint: 'The recipe behind this endpoint is stopped: start it in Workato (the caller is not at fault).',
  },

  // Salesforce REST errorCode
  {
    id: 'salesforce-session', vendor: 'Salesforce', cause: 'auth',
    text: codes('INVALID_SESSION_ID', 'INVALID_AUTH_HEADER', 'INVALID_LOGIN', 'INVALID_OPERATION_WITH_EXPIRED_PASSWORD'),
    hint: 'The Salesforce session or token expired or was revoked: re-authenticate the connected app or integration user.',
  },
  {
    id: 'salesforce-access', vendor: 'Salesforce', cause: 'auth',
    text: codes('INSUFFICIENT_ACCESS\\w*', 'API_DISABLED_FOR_ORG', 'API_CURRENTLY_DISABLED'),
    hint: 'The integration user lacks access to the object or field: check its profile and permission sets.',
  },
  {
    id: 'salesforce-limit', vendor: 'Salesforce', cause: 'rate_limited', text: codes('REQUEST_LIMIT_EXCEEDED', 'TOO_MANY_\\w+'),
    hint: "The org's API request limit is exhausted: spread the calls out or raise the limit.",
  },
  {
    id: 'salesforce-not-found', vendor: 'Salesforce', cause: 'not_found',
    text: codes('NOT_FOUND', 'ENTITY_IS_DELETED', 'INVALID_CROSS_REFERENCE_KEY'),
    hint: 'The record id does not exist or was deleted.',
  },
  {
    id: 'salesforce-params', vendor: 'Salesforce', cause: 'bad_params',
    text: codes(
      'REQUIRED_FIELD_MISSING', 'INVALID_FIELD\\w*', 'MALFORMED_\\w+', 'JSON_PARSER_ERROR', 'INVALID_TYPE',
      'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'DUPLICATE_VALUE', 'STRING_TOO_LONG', 'FIELD_INTEGRITY_EXCEPTION',
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    ),
    hint: "Salesforce rejected a field (missing required field, validation rule, wrong type): read the error's fields list.",
  },
  {
    id: 'salesforce-server', vendor: 'Salesforce', cause: 'server_error',
    text: codes('UNKNOWN_EXCEPTION', 'SERVER_UNAVAILABLE', 'UNABLE_TO_LOCK_ROW'),
    hint: 'Salesforce failed or a record was locked by another process: retry later, and check for concurrent jobs.',
  },

  // QuickBooks Online Fault
  {
    id: 'quickbooks-auth', vendor: 'QuickBooks', cause: 'auth',
    text: codes('AuthenticationFault', 'AuthorizationFault', 'AuthenticationFailed', 'ApplicationAuthorizationFailed'),
    hint: 'The QuickBooks OAuth token expired or was revoked: reconnect the app to renew the refresh token.',
  },
  {
    id: 'quickbooks-throttle', vendor: 'QuickBooks', cause: 'rate_limited', text: codes('ThrottleExceeded'),
    hint: 'QuickBooks throttled the app (per-realm request limit): slow the calls down.',
  },
  {
    id: 'quickbooks-not-found', vendor: 'QuickBooks', cause: 'not_found', text: /Object Not Found/i,
    hint: 'The QuickBooks object id does not exist in this company (realm).',
  },
  {
    id: 'quickbooks-validation', vendor: 'QuickBooks', cause: 'bad_params',
    text: codes('ValidationFault', 'Stale Object Error', 'Business Validation Error', 'Required param missing'),
    hint: 'QuickBooks rejected the data: read Fault.Error[].Detail (a stale SyncToken means the record changed ' +
      'since it was read).',
  },
  {
    id: 'quickbooks-system', vendor: 'QuickBooks', cause: 'server_error', text: codes('SystemFault'),
    hint: 'QuickBooks failed internally: retry later.',
  },

  // Xero
  {
    id: 'xero-validation', vendor: 'Xero', cause: 'bad_params', text: /"ValidationErrors"\s*:\s*\[\s*\{|\bValidationException\b/,
    hint: 'Xero rejected the data: read ValidationErrors[].Message.',
  },
  {
    id: 'xero-token', vendor: 'Xero', cause: 'auth', text: codes('TokenExpired', 'TokenRevoked', 'AuthenticationUnsuccessful'),
    hint: 'The Xero access token expired or the connection was revoked: refresh or reconnect.',
  },

  // generic OAuth wording that beats the status code
  {
    id: 'oauth-token', vendor: 'OAuth', cause: 'auth',
    text: codes('invalid_grant', 'invalid_token', 'invalid_client', 'unauthorized_client'),
    hint: 'The OAuth token or client credentials were rejected: they expired, were revoked or were replaced.',
  },

  // HTTP status codes
  { id: 'http-auth', vendor: 'HTTP', cause: 'auth', status: range(401), hint: 'HTTP 401: the credentials are missing, wrong or expired.' },
  {
    id: 'http-forbidden', vendor: 'HTTP', cause: 'auth', status: range(403),
    hint: 'HTTP 403: the credentials are valid but lack permission for this call.',
  },
  { id: 'http-proxy-auth', vendor: 'HTTP', cause: 'auth', status: range(407), hint: 'HTTP 407: a proxy on the way wants credentials.' },
  {
    id: 'http-not-found', vendor: 'HTTP', cause: 'not_found', status: range(404),
    hint: 'HTTP 404: wrong URL or path, or the record does not exist.',
  },
  { id: 'http-gone', vendor: 'HTTP', cause: 'not_found', status: range(410), hint: 'HTTP 410: the resource or endpoint was removed.' },
  {
    id: 'http-rate-limit', vendor: 'HTTP', cause: 'rate_limited', status: range(429),
    hint: 'HTTP 429: too many requests; honour Retry-After and slow down.',
  },
  {
    id: 'http-timeout', vendor: 'HTTP', cause: 'other', status: range(408),
    hint: 'HTTP 408: the request did not arrive completely in time (slow or broken connection).',
  },
  {
    id: 'http-client', vendor: 'HTTP', cause: 'bad_params', status: range(400, 499),
    hint: 'HTTP 4xx: the request itself was rejected (parameters, body or method).',
  },
  {
    id: 'http-server', vendor: 'HTTP', cause: 'server_error', status: range(500, 599),
    hint: 'HTTP 5xx: the API or a system behind it failed.',
  },

  // generic wording, for logs that carry no status
  {
    id: 'text-rate-limit', vendor: 'generic', cause: 'rate_limited', text: /rate.?limit|too many requests|quota exceeded|throttl/i,
    hint: 'The caller exceeded a rate limit or quota.',
  },
  {
    id: 'text-auth', vendor: 'generic', cause: 'auth',
    text: new RegExp(
      'unauthori[sz]ed|forbidden|access denied|permission denied|not authori[sz]ed|' +
        '(?:token|password|credentials?) (?:has |have )?expired|invalid (?:api[ _-]?key|token|credentials|password|signature)',
      'i',
    ),
    hint: 'The credentials were rejected.',
  },
  {
    id: 'text-not-found', vendor: 'generic', cause: 'not_found', text: /\bnot found\b|does not exist|no such /i,
    hint: 'The record or resource named does not exist.',
  },
  {
    id: 'text-network', vendor: 'generic', cause: 'other',
    text: /timed? ?out|connection (?:refused|reset|closed|aborted)|ECONN\w+|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket hang up|net::ERR_\w+|\bDNS\b/i,
    hint: 'The connection failed or timed out before an answer came back.',
  },
  {
    id: 'text-server', vendor: 'generic', cause: 'server_error',
    text: /internal (?:server )?error|service unavailable|bad gateway|gateway timeout|database error|unhandled exception/i,
    hint: 'The API failed internally.',
  },
  {
    id: 'text-params', vendor: 'generic', cause: 'bad_params',
    text: /\binvalid\b|\bnot valid\b|\bmissing\b|\brequired\b|\bmust (?:be|have|contain)\b|malformed|bad request|validation/i,
    hint: 'A parameter was missing or invalid.',
  },

  // nothing came back
  {
    id: 'no-response', vendor: 'HTTP', cause: 'other', status: range(0),
    hint: 'No response: a network failure, timeout, or a refused or dropped connection.',
  },
]

/** Used when no rule matches. */
export const UNKNOWN_ERROR_CLASS: ErrorClass = {
  id: 'unrecognised',
  vendor: 'generic',
  cause: 'other',
  hint: 'The error is not one we recognise: read the response body of the example entries.',
}
