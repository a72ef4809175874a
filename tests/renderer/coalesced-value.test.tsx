// @vitest-environment jsdom
// The workspace's filter: one edit applies at once, a burst of edits becomes one update.
import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCoalescedValue } from '../../src/renderer/src/hooks/use-coalesced-value'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('useCoalescedValue', () => {
  it('applies a change after a quiet spell at once', () => {
    const { result, rerender } = renderHook(({ v }) => useCoalescedValue(v, 120), { initialProps: { v: 'a' } })
    expect(result.current).toBe('a')
    act(() => vi.advanceTimersByTime(500))
    rerender({ v: 'b' })
    expect(result.current).toBe('b')
  })

  it('coalesces a burst into its last value, one window after the last change', () => {
    const seen: string[] = []
    const { result, rerender } = renderHook(({ v }) => {
      const settled = useCoalescedValue(v, 120)
      if (seen[seen.length - 1] !== settled) seen.push(settled)
      return settled
    }, { initialProps: { v: 'a' } })
    act(() => vi.advanceTimersByTime(500))
    rerender({ v: 'b' }) // after a quiet spell: at once
    act(() => vi.advanceTimersByTime(40))
    rerender({ v: 'c' })
    act(() => vi.advanceTimersByTime(40))
    rerender({ v: 'd' })
    act(() => vi.advanceTimersByTime(119))
    expect(result.current).toBe('b')
    act(() => vi.advanceTimersByTime(1))
    expect(result.current).toBe('d')
    expect(seen).toEqual(['a', 'b', 'd'])
  })
})
