// Exports whose columns we know by name: a data table. A layout's fields win over the generic aliases;
// several keys for one field are fallbacks in order, except `function`, whose parts are joined.
import type { ResultKind } from '../../../shared/types'
import type { MappableField } from './field-aliases'

export interface KnownLayout {
  id: string
  name: string
  /** folded column names that must all be present */
  requires: readonly string[]
  /** and at least one of these, when given */
  anyOf?: readonly string[]
  fields: Partial<Record<MappableField, readonly string[]>>
  /** outcome values specific to the export, folded to lower case */
  resultValues?: Readonly<Record<string, ResultKind>>
}

export const KNOWN_LAYOUTS: readonly KnownLayout[] = [
  {
    // FORMATS.md §2: the API-logs "Download results" CSV of Workato's API platform
    id: 'workato',
    name: 'Workato API logs',
    requires: ['type', 'code', 'endpoint', 'client'],
    anyOf: ['gatewaycode', 'statusdetails', 'apicollection', 'jobdetails'],
    fields: {
      ts: ['date'],
      result: ['type'],
      statusCode: ['code'],
      statusText: ['status'],
      errorCode: ['gatewaycode'],
      resultReason: ['statusdetails'],
      clientIp: ['ip'],
      durationMs: ['timing'],
      delayMs: ['delay', 'latency'],
      service: ['apicollection'],
      endpoint: ['endpoint'],
      function: ['apicollection', 'endpoint'],
      apiUser: ['client'],
      correlationId: ['jobdetails'],
    },
  },
  {
    // Logixx CRM "API Audit Logs" (Admin > Service > API Audit Logs)
    id: 'logixx',
    name: 'Logixx API Audit Log',
    requires: ['apiclientid', 'apiclientname', 'executiontime'],
    fields: {
      ts: ['executiontime'],
      apiUser: ['apiclientname', 'apiclientid'],
      service: ['service'],
      function: ['service', 'action'],
      durationMs: ['duration'],
      clientIp: ['clientipaddress'],
    },
  },
  {
    // FORMATS.md §7: AWS CloudTrail, e.g. the Azure Log Analytics export of the AWSCloudTrail table
    id: 'cloudtrail',
    name: 'AWS CloudTrail',
    requires: ['eventsource', 'eventname'],
    anyOf: ['awsrequestid', 'awseventid', 'requestid', 'eventid'],
    fields: {
      ts: ['timegenerated', 'eventtime'],
      function: ['eventsource', 'eventname'],
      service: ['eventsource'],
      apiUser: ['useridentityusername', 'useridentityarn', 'useridentityprincipalid'],
      errorCode: ['errorcode'],
      resultReason: ['errormessage'],
      correlationId: ['awsrequestid', 'requestid', 'awseventid', 'eventid'],
      tenant: ['recipientaccountid'],
      clientIp: ['sourceipaddress'],
      host: ['clientprovidedhostheader'],
      requestBody: ['requestparameters'],
      responseBody: ['responseelements'],
    },
  },
  {
    // FORMATS.md §7: Salesforce Event Monitoring EventLogFile (API, RestApi, … event types)
    id: 'salesforce-elf',
    name: 'Salesforce EventLogFile',
    requires: ['eventtype', 'requestid', 'organizationid'],
    anyOf: ['timestamp', 'timestampderived'],
    fields: {
      ts: ['timestampderived', 'timestamp'],
      service: ['eventtype'],
      apiUser: ['username', 'useridderived', 'userid'],
      // SOAP "API" events name a method (query Account); REST events an HTTP method (GET Account)
      function: ['methodname', 'method', 'entityname'],
      method: ['method'],
      url: ['uri'],
      correlationId: ['requestid'],
      tenant: ['organizationid'],
      durationMs: ['runtime'],
      clientIp: ['clientip', 'sourceip'],
      statusCode: ['statuscode'],
      result: ['requeststatus'],
      origin: ['clientname'],
    },
    // REQUEST_STATUS: S success, F failure, A authorization error, N not found, R redirect, U undefined
    resultValues: { s: 'success', f: 'error', a: 'error', n: 'error', r: 'success' },
  },
]

/** The first layout whose required columns are all present. */
export function findLayout(keys: ReadonlySet<string>): KnownLayout | null {
  for (const layout of KNOWN_LAYOUTS) {
    if (!layout.requires.every((k) => keys.has(k))) continue
    if (layout.anyOf && !layout.anyOf.some((k) => keys.has(k))) continue
    return layout
  }
  return null
}
