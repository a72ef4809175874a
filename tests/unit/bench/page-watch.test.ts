// @vitest-environment jsdom
// The in-page timers: a change counts from the input event until both the entry count and the first
// grid row show the expected result (and the frame after).
import { describe, expect, it } from 'vitest'
import { armChange, type ChangeState } from '../../../src/main/bench/page-watch'

// The node typings have no DOM: the little of it these tests touch, typed here.
interface El {
  textContent: string | null
  innerHTML: string
  setAttribute(name: string, value: string): void
  remove(): void
  dispatchEvent(event: unknown): boolean
}
const dom = globalThis as unknown as {
  document: { body: El; querySelector(selector: string): El | null }
  requestAnimationFrame(callback: () => void): void
  Event: new (type: string, init?: object) => unknown
  MouseEvent: new (type: string, init?: object) => unknown
  KeyboardEvent: new (type: string, init?: object) => unknown
}
const { document, requestAnimationFrame, Event, MouseEvent, KeyboardEvent } = dom

function page(count: string, firstId: string): void {
  document.body.innerHTML = `<span data-testid="entry-count">${count}</span>
    <div data-testid="entry-grid"><div class="ag-row" row-index="0" row-id="${firstId}"></div></div>`
}
const state = () => (globalThis as { __benchChange?: ChangeState }).__benchChange!
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0))
  await frame()
  await frame()
}

describe('armChange', () => {
  it('waits for the input, then for both the count and the first row', async () => {
    page('1,000 entries', '1')
    armChange({ countText: '40 entries', firstId: '77', trigger: 'click' })
    document.querySelector('[data-testid="entry-count"]')!.textContent = '40 entries'
    await settle()
    expect(state().t0).toBeNull() // nothing counts before the input
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    expect(state().t0).not.toBeNull()
    document.querySelector('[data-testid="entry-count"]')!.textContent = '41 entries'
    document.querySelector('[data-testid="entry-count"]')!.textContent = '40 entries'
    await settle()
    expect(state().tCount).not.toBeNull()
    expect(state().tPaint).toBeNull() // the grid still shows the old first row
    document.querySelector('.ag-row')!.setAttribute('row-id', '77')
    await settle()
    expect(state().tGrid).not.toBeNull()
    expect(state().tPaint).toBeGreaterThanOrEqual(state().tGrid!)
  })

  it('starts a search change at Enter and notes the typing before it', async () => {
    page('10 entries', '5')
    armChange({ countText: '3 entries', firstId: null, trigger: 'Enter' })
    document.body.dispatchEvent(new Event('input', { bubbles: true }))
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }))
    expect(state().t0).toBeNull()
    expect(state().lastInput).not.toBeNull()
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(state().t0).not.toBeNull()
    document.querySelector('.ag-row')!.remove()
    document.querySelector('[data-testid="entry-count"]')!.textContent = '3 entries'
    await settle()
    expect(state().tPaint).not.toBeNull()
  })
})
