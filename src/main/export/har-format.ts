// HAR 1.2 export that Chrome DevTools (Network ▸ Import HAR) and other HAR tools read: every field the
// spec requires, bodies whole, our own fields under `_apiLogInspector`. Values HAR requires but the
// log lacks get a placeholder, counted in notes written into `log.comment`.
import type { EntryDetail, HeaderList } from '../../shared/types'
import { headerValue } from '../importers/header-hints'
import { parseQuery, splitUrl } from '../importers/normalize'
import type { ExportFormatter } from './formatter'

export const HAR_CREATOR = { name: 'API Log Inspector', version: '0.1.0' }
const EPOCH = '1970-01-01T00:00:00.000Z'
const NO_URL = 'about:blank'

type NameValue = { name: string; value: string }

const nameValues = (headers: HeaderList): NameValue[] => headers.map(([name, value]) => ({ name, value }))

/** Cookies of `Cookie` headers, or of `Set-Cookie` headers (name=value before the first ';'). */
function cookies(headers: HeaderList, header: 'cookie' | 'set-cookie'): NameValue[] {
  const out: NameValue[] = []
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== header) continue
    const parts = header === 'cookie' ? value.split(';') : value.split('\n').map((line) => line.split(';')[0])
    for (const part of parts) {
      const eq = part.indexOf('=')
      if (eq > 0) out.push({ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() })
    }
  }
  return out
}

function byteLength(body: string | null, encoding: 'base64' | null): number {
  if (!body) return 0
  return encoding === 'base64' ? Buffer.from(body, 'base64').length : Buffer.byteLength(body, 'utf8')
}

/** HAR 1.2 postData has no encoding field: a base64 body says so in `_encoding`. */
function postData(text: string, encoding: 'base64' | null, mimeType: string) {
  return { mimeType, text, ...(encoding ? { _encoding: encoding } : {}) }
}

function request(e: EntryDetail, url: string) {
  const query = splitUrl(url).query
  const mimeType = headerValue(e.requestHeaders, 'content-type') ?? 'application/octet-stream'
  return {
    method: e.method ?? '',
    url,
    httpVersion: '',
    headers: nameValues(e.requestHeaders),
    queryString: parseQuery(query).map(([name, value]) => ({ name, value })),
    cookies: cookies(e.requestHeaders, 'cookie'),
    headersSize: -1,
    bodySize: byteLength(e.requestBody, e.requestBodyEncoding),
    ...(e.requestBody ? { postData: postData(e.requestBody, e.requestBodyEncoding, mimeType) } : {}),
  }
}

function response(e: EntryDetail) {
  const content = {
    size: byteLength(e.responseBody, e.responseBodyEncoding),
    mimeType: headerValue(e.responseHeaders, 'content-type') ?? 'x-unknown',
    ...(e.responseBody ? { text: e.responseBody } : {}),
    ...(e.responseBody && e.responseBodyEncoding ? { encoding: e.responseBodyEncoding } : {}),
  }
  return {
    status: e.statusCode ?? 0,
    statusText: e.statusText ?? '',
    httpVersion: '',
    headers: nameValues(e.responseHeaders),
    cookies: cookies(e.responseHeaders, 'set-cookie'),
    content,
    redirectURL: headerValue(e.responseHeaders, 'location') ?? '',
    headersSize: -1,
    bodySize: -1,
  }
}

/** Our fields that HAR has no place for, so a HAR round trip keeps who / what / outcome. */
function inspectorFields(e: EntryDetail) {
  return {
    id: e.id, source: e.sourceName, position: e.position, apiUser: e.apiUser, agentUser: e.agentUser,
    function: e.function, result: e.result, resultReason: e.resultReason, errorCode: e.errorCode,
    service: e.service, tenant: e.tenant, clientIp: e.clientIp, correlationId: e.correlationId,
    durationMs: e.durationMs, delayMs: e.delayMs, statusCode: e.statusCode, ts: e.ts,
  }
}

const entries = (n: number) => `${n} entr${n === 1 ? 'y has' : 'ies have'}`

export function harFormatter(header: { comment: string }): ExportFormatter {
  let noTime = 0
  let noUrl = 0
  const notes = (): string[] => [
    ...(noTime ? [`${entries(noTime)} no time in the log: startedDateTime is set to ${EPOCH}`] : []),
    ...(noUrl ? [`${entries(noUrl)} no URL in the log: request.url is set to ${NO_URL}`] : []),
  ]
  return {
    begin: () => `{"log":{"version":"1.2","creator":${JSON.stringify(HAR_CREATOR)},"entries":[\n`,
    row: (e, index) => {
      if (e.ts === null) noTime++
      if (e.url === null) noUrl++
      const time = e.durationMs ?? 0
      const entry = {
        startedDateTime: e.ts ?? EPOCH,
        time,
        request: request(e, e.url ?? NO_URL),
        response: response(e),
        cache: {},
        timings: { send: 0, wait: time, receive: 0 },
        _apiLogInspector: inspectorFields(e),
      }
      return (index === 0 ? '' : ',\n') + JSON.stringify(entry)
    },
    end: (summary) => {
      const comment = [header.comment, ...summary.notes].join(' ')
      return `\n],"comment":${JSON.stringify(comment)}}}\n`
    },
    notes,
  }
}
