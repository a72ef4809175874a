import { useEffect, useRef, useState } from 'react'

/**
 * The value at once when it changes after a quiet spell of `windowMs`; a burst of changes closer
 * together than that is coalesced into its last value, `windowMs` after the last change. A single
 * edit (a click in a filter) costs no delay; a run of edits costs one update, not one per edit.
 */
export function useCoalescedValue<T>(value: T, windowMs: number): T {
  const [settled, setSettled] = useState(value)
  const lastChange = useRef(Number.NEGATIVE_INFINITY)
  useEffect(() => {
    if (Object.is(value, settled)) return
    const now = performance.now()
    const quiet = now - lastChange.current >= windowMs
    lastChange.current = now
    if (quiet) {
      setSettled(value)
      return
    }
    const timer = setTimeout(() => setSettled(value), windowMs)
    return () => clearTimeout(timer)
  }, [value, windowMs, settled])
  return settled
}
