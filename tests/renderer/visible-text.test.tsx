// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { VisibleText } from '../../src/renderer/src/components/VisibleText'
import { TextCell } from '../../src/renderer/src/features/entries/cells'
import { splitVisible, toVisibleText } from '../../src/renderer/src/lib/visible-text'

afterEach(cleanup)

describe('visible text', () => {
  it('shows C0 controls and DEL as \\xNN escapes', () => {
    expect(toVisibleText('a\u001b[31mred\u0000\u007f')).toBe('a\\x1B[31mred\\x00\\x7F')
  })

  it('shows bidi overrides, isolates and invisible characters as \\u escapes', () => {
    expect(toVisibleText('invoice\u202Egnp.exe')).toBe('invoice\\u202Egnp.exe')
    expect(toVisibleText('\u2066x\u2069\u200B\uFEFF\u061C')).toBe('\\u2066x\\u2069\\u200B\\uFEFF\\u061C')
    expect(toVisibleText('tag\u{E0041}s')).toBe('tag\\u{E0041}s')
    expect(toVisibleText('C1\u0085\u009B')).toBe('C1\\u0085\\u009B')
  })

  it('keeps tab, LF and CRLF in multi-line mode but not a lone CR', () => {
    expect(toVisibleText('a\tb\nc\r\nd\re', true)).toBe('a\tb\nc\r\nd\\re')
    expect(toVisibleText('a\tb\nc', false)).toBe('a\\tb\\nc')
  })

  it('leaves ordinary text, including non-Latin scripts and emoji, alone', () => {
    const text = 'Ärger — مرحبا 你好 🚀 "quotes" <b>'
    expect(toVisibleText(text)).toBe(text)
    expect(splitVisible(text)).toEqual([{ text, escaped: false }])
  })

  it('labels each escape with its code point', () => {
    const parts = splitVisible('x\u202Ey')
    expect(parts).toEqual([
      { text: 'x', escaped: false },
      { text: '\\u202E', escaped: true, title: 'U+202E RIGHT-TO-LEFT OVERRIDE' },
      { text: 'y', escaped: false },
    ])
  })
})

describe('VisibleText and grid cells', () => {
  it('renders escapes as marked spans and never interprets markup', () => {
    const { container } = render(<VisibleText text={'<img src=x onerror=alert(1)>\u202Eevil'} />)
    expect(container.querySelector('img')).toBeNull()
    expect(container.textContent).toBe('<img src=x onerror=alert(1)>\\u202Eevil')
    const mark = container.querySelector('.ctl-char')
    expect(mark?.textContent).toBe('\\u202E')
    expect(mark?.getAttribute('title')).toBe('U+202E RIGHT-TO-LEFT OVERRIDE')
  })

  it('shows a placeholder for empty values when asked', () => {
    const { container } = render(<VisibleText text={null} empty="(none)" />)
    expect(container.textContent).toBe('(none)')
  })

  it('grid text cells escape control characters in the text and the tooltip', () => {
    const props = { value: 'ok\u001b[2Jcleared\u202E' } as unknown as Parameters<typeof TextCell>[0]
    const { container } = render(<TextCell {...props} />)
    expect(container.textContent).toBe('ok\\x1B[2Jcleared\\u202E')
    expect(container.querySelector('.cell-text')?.getAttribute('title')).toBe('ok\\x1B[2Jcleared\\u202E')
    expect(container.querySelectorAll('.ctl-char')).toHaveLength(2)
  })
})
