// A button that opens a non-modal panel below it: Escape or a click outside closes it and focus
// returns to the button.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { focusFirst } from './focus'

export interface PopoverProps {
  /** accessible name of the trigger button */
  label: string
  /** accessible name of the panel */
  panelLabel: string
  trigger: ReactNode
  triggerClassName?: string
  triggerTitle?: string
  align?: 'start' | 'end'
  panelClassName?: string
  onOpenChange?: (open: boolean) => void
  children: (close: () => void) => ReactNode
}

export function Popover(props: PopoverProps) {
  const { label, panelLabel, trigger, triggerClassName, triggerTitle, align = 'start', panelClassName } = props
  const [open, setOpen] = useState(false)
  const wrapper = useRef<HTMLSpanElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const id = useId()
  const buttonId = `${id}-trigger`
  const onOpenChange = props.onOpenChange

  const setOpenState = useCallback(
    (next: boolean, refocus = false) => {
      setOpen(next)
      onOpenChange?.(next)
      if (!next && refocus) document.getElementById(buttonId)?.focus()
    },
    [onOpenChange, buttonId],
  )

  useEffect(() => {
    if (!open) return
    if (panel.current) focusFirst(panel.current)
    const onPointer = (event: MouseEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpenState(false)
    }
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) setOpenState(false)
    }
    document.addEventListener('mousedown', onPointer)
    document.addEventListener('focusin', onFocus)
    return () => {
      document.removeEventListener('mousedown', onPointer)
      document.removeEventListener('focusin', onFocus)
    }
  }, [open, setOpenState])

  return (
    <span className="popover-anchor" ref={wrapper}>
      <button
        id={buttonId}
        type="button"
        className={triggerClassName ?? 'btn'}
        aria-label={label}
        title={triggerTitle}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpenState(!open)}
      >
        {trigger}
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          role="dialog"
          aria-label={panelLabel}
          className={`popover popover-${align}${panelClassName ? ` ${panelClassName}` : ''}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              setOpenState(false, true)
            }
          }}
        >
          {props.children(() => setOpenState(false, true))}
        </div>
      )}
    </span>
  )
}
