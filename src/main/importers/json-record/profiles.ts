// Gateway shapes whose field names mean something special (a bare "duration" in ns, seconds or ms;
// headers spread over prefixed keys; records nested under "attributes"). A record takes the first
// profile with any of its marker paths present; other records use the generic table alone.
import { FIELDS, type Alias, type FieldName, type FieldTable } from './fields'

export interface Profile {
  id: string
  /** the record has this shape when any of these paths is present */
  markers: readonly string[]
  /** candidate lists that replace the generic ones for these fields */
  fields?: Partial<FieldTable>
  /** objects searched, in order, after the record itself */
  roots?: readonly string[]
  /** headers spread over top-level keys with these prefixes */
  headerPrefixes?: { request?: string; response?: string }
  /** scheme assumed when the record names none (used to build the full URL) */
  scheme?: string
}

const withDuration = (path: string, unit: Alias['unit']): readonly Alias[] => [{ path, unit }]

export const PROFILES: readonly Profile[] = [
  {
    id: 'traefik',
    markers: ['DownstreamStatus', 'OriginStatus', 'RouterName', 'StartUTC', 'OriginDuration'],
    fields: { duration: withDuration('Duration', 'ns'), delay: withDuration('Overhead', 'ns') },
    headerPrefixes: { request: 'request_', response: 'downstream_' },
  },
  {
    id: 'caddy',
    markers: ['resp_headers', 'request.remote_ip', 'request.client_ip'],
    fields: {
      duration: withDuration('duration', 's'),
      scheme: [{ path: 'request.tls', constant: 'https' }, { path: 'request', constant: 'http' }],
    },
  },
  {
    id: 'mitmproxy',
    markers: ['client_conn', 'server_conn'],
    fields: { duration: [{ path: 'request.timestamp_start', to: 'response.timestamp_end', unit: 's' }] },
  },
  {
    id: 'envoy',
    markers: ['response_flags', 'upstream_cluster', 'downstream_remote_address', 'upstream_host'],
    fields: { duration: withDuration('duration', 'ms') },
  },
  {
    id: 'datadog',
    markers: [
      'ddsource', 'ddtags', 'usr', 'network.client.ip', 'http.url_details', 'dd.trace_id', 'attributes',
      'content.attributes',
    ],
    // API v2 events {id, type, attributes:{…, attributes:{…}}}; Log Explorer JSON {id, content:{…}}
    roots: ['attributes', 'attributes.attributes', 'content', 'content.attributes'],
    fields: {
      duration: withDuration('duration', 'ns'),
      // Datadog's top-level "host" is the machine that shipped the log, not the HTTP host
      host: [{ path: 'http.url_details.host' }, { path: 'http.host' }],
    },
  },
  {
    // Azure Monitor diagnostic records ({"records":[{time, resourceId, category, properties:{…}}]})
    id: 'azure-diagnostics',
    markers: ['resourceId'],
    roots: ['properties'],
    // operationName is the log category ("Microsoft.ApiManagement/GatewayLogs"), not the API operation
    fields: { function: [{ path: 'apiId', with: ['operationId'], join: ' ' }, { path: 'operationId' }] },
  },
  {
    id: 'aws-api-gateway',
    markers: [
      'httpMethod', 'resourcePath', 'routeKey', 'extendedRequestId', 'connectionId',
      'integrationErrorMessage', 'responseLatency', 'requestTimeEpoch',
    ],
    scheme: 'https',
  },
]

/** Generic table for records that match no profile. */
export const GENERIC: Profile = { id: 'generic', markers: [] }

/** A profile's candidates: its own lists where it has them, else the generic ones. */
export function tableFor(profile: Profile): FieldTable {
  const table = { ...FIELDS }
  const own = Object.entries(profile.fields ?? {}) as Array<[FieldName, readonly Alias[]]>
  for (const [name, aliases] of own) table[name] = aliases
  return table
}
