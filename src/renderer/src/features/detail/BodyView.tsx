// A request or response body: pretty-printed and highlighted (JSON, XML, form data), foldable,
// searchable, with the text as logged one click away and copyable.
import { useMemo, useRef, useState } from 'react'
import { CopyButton } from '../../components/CopyButton'
import { formatBytes } from '../../lib/format'
import { CodeView, type CodeViewHandle } from './CodeView'
import { decodeBase64Body, detectBodyKind, PRETTY_LIMIT, prettyBody, type BodyKind } from './body-format'

const KIND_LABELS: Record<BodyKind, string> = { json: 'JSON', xml: 'XML', form: 'Form data', text: 'Text' }

export interface BodyViewProps {
  /** "Request body" / "Response body" */
  title: string
  body: string | null
  encoding: 'base64' | null
  contentType: string | null
}

function useBodyText(body: string, encoding: 'base64' | null) {
  return useMemo(() => {
    if (encoding !== 'base64') return { text: body, note: null as string | null }
    const decoded = decodeBase64Body(body)
    if (decoded.text !== null) return { text: decoded.text, note: 'decoded from base64' }
    return { text: body, note: `binary, ${formatBytes(decoded.bytes)} — shown as base64` }
  }, [body, encoding])
}

export function BodyView({ title, body, encoding, contentType }: BodyViewProps) {
  if (body === null || body === '') {
    return (
      <section className="body-view" aria-label={title}>
        <h3 className="section-title">{title}</h3>
        <p className="muted">No {title.toLowerCase()} in the log.</p>
      </section>
    )
  }
  return <BodyContent title={title} body={body} encoding={encoding} contentType={contentType} />
}

function BodyContent({ title, body, encoding, contentType }: BodyViewProps & { body: string }) {
  const { text, note } = useBodyText(body, encoding)
  const kind = useMemo(() => detectBodyKind(text, contentType), [text, contentType])
  const pretty = useMemo(() => prettyBody(text, kind), [text, kind])
  const [asLogged, setAsLogged] = useState(false)
  const [wrap, setWrap] = useState(true)
  const code = useRef<CodeViewHandle>(null)
  const showPretty = pretty !== null && pretty !== text && !asLogged
  const foldable = kind === 'json' || kind === 'xml'
  const size = useMemo(() => new TextEncoder().encode(body).length, [body])
  const details = [KIND_LABELS[kind], formatBytes(size), note].filter(Boolean).join(' · ')

  return (
    <section className="body-view" aria-label={title}>
      <div className="section-bar">
        <h3 className="section-title">{title}</h3>
        <span className="muted small">{details}</span>
        {text.length > PRETTY_LIMIT && <span className="muted small">· too large to pretty-print</span>}
        <span className="spacer" />
        {pretty !== null && pretty !== text && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-pressed={asLogged}
            title={asLogged ? 'Showing the body exactly as logged' : 'Showing the body pretty-printed'}
            onClick={() => setAsLogged(!asLogged)}
          >
            As logged
          </button>
        )}
        <button type="button" className="btn btn-small btn-ghost" aria-pressed={wrap} title="Wrap long lines" onClick={() => setWrap(!wrap)}>
          Wrap
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => code.current?.search()} aria-label={`Find in ${title.toLowerCase()}`}>
          Find
        </button>
        {foldable && showPretty && (
          <>
            <button type="button" className="btn btn-small btn-ghost" title="Fold every block" onClick={() => code.current?.foldAll()}>
              Fold all
            </button>
            <button type="button" className="btn btn-small btn-ghost" title="Unfold every block" onClick={() => code.current?.unfoldAll()}>
              Unfold
            </button>
          </>
        )}
        <CopyButton label={`Copy ${title.toLowerCase()}`} getText={() => text} compact />
      </div>
      <CodeView ref={code} text={showPretty ? pretty : text} kind={kind} label={title} wrap={wrap} />
    </section>
  )
}
