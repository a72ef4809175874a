// A vertical separator between the grid and the detail pane: drag it, or focus it and use ←/→.
import { useRef } from 'react'

export interface SplitterProps {
  /** width of the right-hand pane, in percent of the container */
  value: number
  min: number
  max: number
  onChange: (value: number) => void
  container: React.RefObject<HTMLElement | null>
}

export function Splitter({ value, min, max, onChange, container }: SplitterProps) {
  const dragging = useRef(false)
  const clamp = (v: number) => Math.max(min, Math.min(max, v))
  const fromPointer = (clientX: number) => {
    const rect = container.current?.getBoundingClientRect()
    if (rect && rect.width > 0) onChange(clamp(((rect.right - clientX) / rect.width) * 100))
  }
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the detail pane"
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={Math.round(value)}
      tabIndex={0}
      onPointerDown={(e) => {
        dragging.current = true
        e.currentTarget.setPointerCapture?.(e.pointerId)
      }}
      onPointerMove={(e) => dragging.current && fromPointer(e.clientX)}
      onPointerUp={() => {
        dragging.current = false
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 10 : 2
        if (e.key === 'ArrowLeft') onChange(clamp(value + step))
        else if (e.key === 'ArrowRight') onChange(clamp(value - step))
        else return
        e.preventDefault()
      }}
    />
  )
}
