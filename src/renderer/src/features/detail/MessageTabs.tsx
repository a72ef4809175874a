// The Request, Response and Raw tabs.
import { useMemo } from 'react'
import type { EntryDetail, SourceFormat } from '../../../../shared/types'
import { CopyButton } from '../../components/CopyButton'
import { ResultBadge } from '../../components/ResultBadge'
import { VisibleText } from '../../components/VisibleText'
import { buildCurl } from '../../lib/curl'
import { positionLabel } from '../../lib/position'
import { formatDuration } from '../../lib/time-format'
import { BodyView } from './BodyView'
import { CodeView } from './CodeView'
import { detectBodyKind, headerValue } from './body-format'
import { KeyValueTable, queryParams } from './KeyValueTable'

export function RequestTab({ entry }: { entry: EntryDetail }) {
  const params = useMemo(() => queryParams(entry.url), [entry.url])
  return (
    <div className="message">
      <section className="request-line" aria-label="Request line">
        <div className="section-bar">
          <h3 className="section-title">URL</h3>
          <span className="spacer" />
          {entry.url && <CopyButton label="Copy URL" getText={() => entry.url ?? ''} />}
          <CopyButton label="Copy as cURL" getText={() => buildCurl(entry)} />
        </div>
        <p className="url-line">
          {entry.method && <span className="method-badge">{entry.method}</span>}
          <span className="url-text mono">
            <VisibleText text={entry.url ?? entry.endpoint ?? entry.path} empty="(no URL in the log)" />
          </span>
        </p>
      </section>
      <KeyValueTable title="Query parameters" nameHeader="Parameter" rows={params} empty="No query parameters." />
      <KeyValueTable title="Request headers" rows={entry.requestHeaders} empty="No request headers in the log." />
      <BodyView
        title="Request body"
        body={entry.requestBody}
        encoding={entry.requestBodyEncoding}
        contentType={headerValue(entry.requestHeaders, 'content-type')}
      />
    </div>
  )
}

export function ResponseTab({ entry }: { entry: EntryDetail }) {
  return (
    <div className="message">
      <section className="response-line" aria-label="Response status">
        <span className={`status-big ${statusClass(entry.statusCode)}`}>
          {entry.statusCode ?? 'No status'}
          {entry.statusText && (
            <span className="status-big-text">
              {' '}
              <VisibleText text={entry.statusText} />
            </span>
          )}
        </span>
        <ResultBadge result={entry.result} />
        {entry.durationMs !== null && <span className="muted">in {formatDuration(entry.durationMs)}</span>}
      </section>
      <KeyValueTable title="Response headers" rows={entry.responseHeaders} empty="No response headers in the log." />
      <BodyView
        title="Response body"
        body={entry.responseBody}
        encoding={entry.responseBodyEncoding}
        contentType={headerValue(entry.responseHeaders, 'content-type')}
      />
    </div>
  )
}

function statusClass(code: number | null): string {
  if (code === null) return 'status-none'
  return code >= 500 ? 'status-5xx' : code >= 400 ? 'status-4xx' : 'status-ok'
}

export function RawTab({ entry, format }: { entry: EntryDetail; format: SourceFormat | null }) {
  const kind = useMemo(() => (detectBodyKind(entry.raw) === 'json' ? 'json' : 'text'), [entry.raw])
  return (
    <div className="message raw">
      <div className="section-bar">
        <h3 className="section-title">Original record</h3>
        <span className="muted small raw-origin">
          exactly as imported from <VisibleText text={entry.sourceName} />, {positionLabel(format, entry.position)}
        </span>
        <span className="spacer" />
        <CopyButton label="Copy raw record" getText={() => entry.raw} />
      </div>
      <CodeView text={entry.raw} kind={kind} label="Original record" />
    </div>
  )
}
