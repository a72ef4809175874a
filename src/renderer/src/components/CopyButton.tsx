import { useEffect, useState } from 'react'
import { copyText } from '../lib/clipboard'
import { Icon } from './Icon'

export interface CopyButtonProps {
  /** accessible name and visible text, e.g. "Copy URL" */
  label: string
  getText: () => string
  compact?: boolean
}

/** Copies text and confirms with a short "Copied" state announced to screen readers. */
export function CopyButton({ label, getText, compact = false }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 1500)
    return () => clearTimeout(timer)
  }, [state])
  const onClick = async () => setState((await copyText(getText())) ? 'copied' : 'failed')
  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label
  return (
    <button type="button" className={compact ? 'btn btn-small btn-ghost' : 'btn btn-small'} onClick={onClick} aria-label={label} title={label}>
      <Icon name={state === 'copied' ? 'check' : 'copy'} size={14} />
      {!compact && <span>{text}</span>}
      <span className="sr-only" role="status">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </button>
  )
}
