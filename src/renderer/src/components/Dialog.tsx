// A modal dialog: focus moves in, Tab stays inside, Escape closes, focus returns where it was.
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { focusFirst, trapTab } from './focus'
import { Icon } from './Icon'

export interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  className?: string
  role?: 'dialog' | 'alertdialog'
}

export function Dialog({ title, onClose, children, footer, className, role = 'dialog' }: DialogProps) {
  const box = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    if (box.current) focusFirst(box.current)
    return () => previous?.focus?.()
  }, [])

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCloseRef.current()}>
      <div
        ref={box}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        className={className ? `dialog ${className}` : 'dialog'}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            onCloseRef.current()
          } else if (box.current) trapTab(event, box.current)
        }}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn btn-ghost btn-icon" aria-label="Close" onClick={() => onCloseRef.current()}>
            <Icon name="close" />
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>
  )
}
