// Runs an async load whenever its key changes and keeps only the newest reply: a slow answer to an
// old filter never overwrites the answer to the current one. The previous value stays visible while
// the next one loads, so the UI does not flash.
import { useEffect, useRef, useState } from 'react'

export interface AsyncState<T> {
  value: T | undefined
  error: Error | null
  loading: boolean
}

export function useAsync<T>(load: (() => Promise<T>) | null, key: string): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ value: undefined, error: null, loading: load !== null })
  const seq = useRef(0)
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })

  useEffect(() => {
    const current = loadRef.current
    const mine = ++seq.current
    if (!current) {
      setState({ value: undefined, error: null, loading: false })
      return
    }
    setState((s) => ({ ...s, loading: true }))
    current().then(
      (value) => {
        if (mine === seq.current) setState({ value, error: null, loading: false })
      },
      (error: unknown) => {
        if (mine === seq.current) {
          setState((s) => ({ value: s.value, error: error instanceof Error ? error : new Error(String(error)), loading: false }))
        }
      },
    )
  }, [key])

  useEffect(() => () => void ++seq.current, [])
  return state
}
