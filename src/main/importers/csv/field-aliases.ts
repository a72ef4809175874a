// Which column names fill which entry field: a data table, matched on folded names ("Status details"
// → "statusdetails"). Fields are assigned in table order; within a field the earlier alias wins.
// Names that mean different things in different logs ("status", "code") must pass a look at the
// column's first values (`check`) before they count.

/** Entry fields a column can fill (the names `--map COLUMN=field` accepts). */
export const MAPPABLE_FIELDS = [
  'ts', 'apiUser', 'agentUser', 'function', 'result', 'statusCode', 'statusText', 'resultReason',
  'errorCode', 'method', 'url', 'host', 'path', 'endpoint', 'service', 'tenant', 'clientIp',
  'durationMs', 'delayMs', 'correlationId', 'origin', 'requestBody', 'responseBody',
] as const
export type MappableField = (typeof MAPPABLE_FIELDS)[number]

/** What the first values of a column must look like. */
export type ValueCheck = 'time' | 'httpStatus' | 'resultWord' | 'notHttpStatus' | 'text' | 'duration'

export interface FieldRule {
  field: MappableField
  keys: readonly string[]
  check?: ValueCheck
  /** keys the check applies to; all keys when absent */
  checked?: readonly string[]
}

export const FIELD_RULES: readonly FieldRule[] = [
  {
    field: 'ts',
    keys: [
      'timestampderived', 'timegenerated', 'timestamp', 'datetime', 'date', 'time', 'eventtime', 'apidate',
      'logdate', 'loggedat', 'createdat', 'created', 'createddate', 'occurredat', 'receivedat', 'requestdate',
      'requestedat', 'starttime', 'startedat', 'starttimestamp', 'edgestarttimestamp', 'executiontime', 'ts',
    ],
    check: 'time',
  },
  {
    field: 'statusCode',
    keys: [
      'statuscode', 'httpstatus', 'httpstatuscode', 'responsecode', 'responsestatus', 'httpcode', 'scstatus',
      'elbstatuscode', 'edgeresponsestatus', 'status', 'code',
    ],
    check: 'httpStatus',
    checked: ['status', 'code'],
  },
  {
    field: 'result',
    keys: ['result', 'outcome', 'requeststatus', 'success', 'issuccess', 'isrequestsuccess', 'succeeded', 'status'],
    check: 'resultWord',
    checked: ['success', 'issuccess', 'isrequestsuccess', 'succeeded', 'status'],
  },
  {
    field: 'errorCode',
    keys: ['errorcode', 'errcode', 'gatewaycode', 'faultcode', 'errortype', 'code'],
    check: 'notHttpStatus',
    checked: ['code'],
  },
  {
    field: 'statusText',
    keys: ['statustext', 'reasonphrase', 'httpstatustext', 'statusmessage', 'status'],
    check: 'text',
    checked: ['status'],
  },
  {
    field: 'durationMs',
    keys: [
      'durationms', 'duration', 'elapsed', 'elapsedtime', 'latency', 'responsetime', 'timetaken', 'runtime',
      'totaltime', 'processingtime', 'executiontime', 'requestduration', 'requesttime', 'took', 'timing',
      'responselatency', 'originresponsedurationms',
    ],
    check: 'duration',
    checked: ['timing', 'took', 'executiontime', 'requesttime', 'runtime', 'totaltime'],
  },
  { field: 'delayMs', keys: ['delay', 'delayms', 'queuetime', 'queuedelay', 'waittime'] },
  {
    field: 'apiUser',
    keys: [
      'apiuser', 'apiclientname', 'apiclient', 'username', 'user', 'userid', 'login', 'client', 'clientname',
      'consumer', 'consumername', 'consumerid', 'caller', 'principal', 'principalid', 'apiclientid', 'clientid',
      'apikeyname', 'useridentityusername', 'useridentityarn', 'remoteuser', 'csusername', 'userlogin',
    ],
  },
  { field: 'agentUser', keys: ['agentuser', 'agent', 'agentid', 'agentusername', 'agentname', 'onbehalfof', 'actingfor'] },
  {
    field: 'function',
    keys: [
      'function', 'operation', 'operationname', 'operationid', 'action', 'methodname', 'apifunction', 'eventname',
      'apiname', 'api', 'apioperation', 'rpc', 'command', 'activity',
    ],
  },
  { field: 'method', keys: ['method', 'httpmethod', 'requestmethod', 'verb', 'csmethod', 'clientrequestmethod'] },
  {
    field: 'url',
    keys: ['url', 'requesturl', 'fullurl', 'uri', 'requesturi', 'clientrequesturi', 'link', 'href', 'target', 'request'],
  },
  { field: 'path', keys: ['path', 'requestpath', 'urlpath', 'resourcepath', 'uristem', 'csuristem', 'clientrequestpath'] },
  { field: 'endpoint', keys: ['endpoint', 'apiendpoint', 'route', 'routekey', 'resource', 'operationpath'] },
  { field: 'host', keys: ['host', 'hostname', 'domain', 'servername', 'requesthost', 'cshost', 'clientrequesthost', 'server'] },
  {
    field: 'service',
    keys: [
      'service', 'servicename', 'apicollection', 'collection', 'application', 'app', 'appname', 'product',
      'eventsource', 'backend', 'module', 'eventtype',
    ],
  },
  {
    field: 'tenant',
    keys: [
      'tenant', 'tenantid', 'tenantname', 'account', 'accountid', 'accountname', 'org', 'orgid', 'organization',
      'organizationid', 'organisation', 'workspace', 'workspaceid', 'customer', 'customerid', 'recipientaccountid',
    ],
  },
  {
    field: 'clientIp',
    keys: [
      'ip', 'clientip', 'clientipaddress', 'remoteip', 'remoteaddr', 'remoteaddress', 'sourceip', 'sourceipaddress',
      'callerip', 'calleripaddress', 'cip', 'ipaddress', 'userip', 'xforwardedfor',
    ],
  },
  {
    field: 'correlationId',
    keys: [
      'requestid', 'correlationid', 'traceid', 'transactionid', 'xrequestid', 'xcorrelationid', 'awsrequestid',
      'rayid', 'jobdetails', 'jobid', 'messageid', 'eventid', 'awseventid',
    ],
  },
  {
    field: 'resultReason',
    keys: [
      'resultreason', 'errormessage', 'errormsg', 'error', 'errordescription', 'errordetail', 'errordetails',
      'statusdetails', 'failurereason', 'reason', 'exception', 'fault', 'faultstring', 'lasterrormessage', 'message',
      'msg', 'details', 'detail',
    ],
  },
  { field: 'origin', keys: ['origin', 'source', 'channel', 'callerapp', 'clientapp', 'clientapplication', 'sourcesystem'] },
  { field: 'requestBody', keys: ['requestbody', 'requestpayload', 'payload', 'requestparameters', 'body', 'requestdata'] },
  { field: 'responseBody', keys: ['responsebody', 'responsepayload', 'response', 'responseelements', 'responsedata'] },
]

/** Resolves a user-typed field name ("apiuser", "api_user", "durationMs", "time") to the canonical one. */
export function canonicalField(name: string): MappableField | null {
  const key = name.toLowerCase().replace(/[^a-z]/g, '')
  for (const field of MAPPABLE_FIELDS) if (field.toLowerCase() === key) return field
  if (key === 'time' || key === 'timestamp') return 'ts'
  return null
}

/** Words a result column uses, folded to lower case. */
export const RESULT_WORDS: Readonly<Record<string, 'success' | 'error' | 'notice'>> = {
  success: 'success', successful: 'success', succeeded: 'success', ok: 'success', pass: 'success',
  passed: 'success', true: 'success', yes: 'success', completed: 'success', complete: 'success',
  done: 'success', allowed: 'success', accepted: 'success', y: 'success',
  error: 'error', errors: 'error', failed: 'error', failure: 'error', fail: 'error', false: 'error',
  no: 'error', denied: 'error', rejected: 'error', exception: 'error', fatal: 'error', timeout: 'error',
  blocked: 'error', unauthorized: 'error', forbidden: 'error', n: 'error',
  notice: 'notice', warning: 'notice', warn: 'notice', info: 'notice', partial: 'notice', skipped: 'notice',
}
