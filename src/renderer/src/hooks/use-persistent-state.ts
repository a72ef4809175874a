import { useCallback, useState } from 'react'
import { readStored, writeStored } from '../lib/storage'

/** useState remembered in localStorage under `key`; invalid stored values fall back to the default. */
export function usePersistentState<T>(
  key: string,
  fallback: T,
  isValid: (value: unknown) => value is T,
): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => readStored(key, fallback, isValid))
  const update = useCallback(
    (next: T) => {
      setValue(next)
      writeStored(key, next)
    },
    [key],
  )
  return [value, update]
}
