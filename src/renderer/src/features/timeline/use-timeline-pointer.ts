// Pointer and keyboard interaction on the timeline: hover a bar, drag across bars, or move a
// cursor with ←/→ and press Enter. Every selection snaps to whole bars.
import { useRef, useState } from 'react'
import { bucketAt, snapRange, timeToX, xToTime, type TimelineModel } from './timeline-scale'

export interface Drag {
  anchor: number
  current: number
  moved: boolean
}

const DRAG_THRESHOLD_PX = 3

export function useTimelinePointer(model: TimelineModel | null, width: number, onRange: (from: string, to: string) => void) {
  const [hover, setHover] = useState<number | null>(null)
  const [drag, setDrag] = useState<Drag | null>(null)
  const plot = useRef<SVGSVGElement>(null)

  const timeAt = (clientX: number) => {
    const rect = plot.current?.getBoundingClientRect()
    return model && rect ? xToTime(model, clientX - rect.left, width) : 0
  }
  const commit = (a: number, b: number) => {
    if (!model) return
    const range = snapRange(model, a, b)
    onRange(new Date(range.from).toISOString(), new Date(range.to).toISOString())
  }

  const svgHandlers = {
    onPointerDown: (e: React.PointerEvent<SVGSVGElement>) => {
      if (e.button !== 0) return
      e.currentTarget.setPointerCapture?.(e.pointerId)
      const t = timeAt(e.clientX)
      setDrag({ anchor: t, current: t, moved: false })
    },
    onPointerMove: (e: React.PointerEvent<SVGSVGElement>) => {
      if (!model) return
      const t = timeAt(e.clientX)
      setHover(bucketAt(model, t))
      if (!drag) return
      const distance = Math.abs(timeToX(model, t, width) - timeToX(model, drag.anchor, width))
      setDrag({ ...drag, current: t, moved: drag.moved || distance > DRAG_THRESHOLD_PX })
    },
    onPointerUp: () => {
      if (drag) commit(drag.anchor, drag.moved ? drag.current : drag.anchor)
      setDrag(null)
    },
    onPointerLeave: () => {
      if (!drag) setHover(null)
    },
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!model) return
    const last = model.buckets.length - 1
    const moves: Record<string, number> = {
      ArrowRight: Math.min(last, (hover ?? -1) + 1),
      ArrowLeft: Math.max(0, (hover ?? last + 1) - 1),
      Home: 0,
      End: last,
    }
    if (event.key in moves) {
      event.preventDefault()
      setHover(moves[event.key])
    } else if (event.key === 'Enter' && hover !== null) {
      commit(model.starts[hover], model.starts[hover])
    } else if (event.key === 'Escape') setHover(null)
  }

  return { plot, hover, drag, svgHandlers, onKeyDown, clearHover: () => setHover(null) }
}
