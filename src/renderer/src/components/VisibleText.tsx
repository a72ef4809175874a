// Renders a log value as text with control, bidi and invisible characters shown as marked escapes.
import { memo } from 'react'
import { splitVisible } from '../lib/visible-text'

export interface VisibleTextProps {
  text: string | null | undefined
  multiline?: boolean
  /** shown (dimmed) when the value is null or empty */
  empty?: string
}

export const VisibleText = memo(function VisibleText({ text, multiline = false, empty = '' }: VisibleTextProps) {
  if (text === null || text === undefined || text === '') {
    return empty ? <span className="empty-value">{empty}</span> : null
  }
  const parts = splitVisible(text, multiline)
  if (parts.length === 1 && !parts[0].escaped) return <>{text}</>
  return (
    <>
      {parts.map((part, i) =>
        part.escaped ? (
          <span key={i} className="ctl-char" title={part.title}>
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  )
})
