// @vitest-environment jsdom
// A damaged store file (issue 7): the app says what happened and offers read-only or a new store,
// keeps a banner up while read-only, and refuses imports (saying why) until the store is sound.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { StoreHealth } from '../../src/shared/store-types'
import { App } from '../../src/renderer/src/App'
import { fakeBackend } from './fake-services'

const DB = '/home/agent/.apilog/store.sqlite'
const DAMAGED: StoreHealth = { status: 'corrupt', dbPath: DB, message: 'database disk image is malformed', backupPath: null }
const KEPT = `${DB}.damaged-20240501T101500Z`

/** A backend whose store health follows the two recovery calls, as the real one does. */
function damagedBackend(initial: StoreHealth = DAMAGED) {
  let health = initial
  const fake = fakeBackend({
    getStoreHealth: async () => health,
    openStoreReadOnly: async () => {
      fake.calls.push({ method: 'openStoreReadOnly', arg: undefined })
      health = { status: 'read-only', dbPath: DB, message: health.message, backupPath: null }
      fake.emit('storeChanged', { reason: 'other' })
      return health
    },
    rebuildStore: async () => {
      fake.calls.push({ method: 'rebuildStore', arg: undefined })
      health = { status: 'ok', dbPath: DB, message: null, backupPath: KEPT }
      fake.emit('storeChanged', { reason: 'other' })
      return health
    },
    listViews: async () => [],
    getLastUsedView: async () => null,
    getFindings: async () => [],
  })
  return {
    fake,
    /** damage found later, while the app runs: the backend flips the health and says so */
    breakLater: () => {
      health = DAMAGED
      fake.emit('storeChanged', { reason: 'other' })
    },
  }
}

const importCalls = (fake: ReturnType<typeof fakeBackend>) =>
  fake.calls.filter((c) => c.method === 'startImport' || c.method === 'importSample')

afterEach(cleanup)

describe('a damaged store', () => {
  it('says what happened, with the file, and offers read-only or a new store; imports say why they are off', async () => {
    const { fake } = damagedBackend()
    render(<App services={fake.services} />)
    const screenMain = await screen.findByRole('main', { name: 'The log store needs attention' })
    expect(within(screenMain).getByTestId('store-damaged-what').textContent).toBe(
      `The store file ${DB} is damaged (database disk image is malformed), so the logs in it cannot be shown.`,
    )
    expect(within(screenMain).getByRole('button', { name: /^Open read-only See what can still be read/ })).toBeTruthy()
    const rebuild = within(screenMain).getByRole('button', { name: /^Start a new store The damaged file is kept at/ })
    expect(rebuild.textContent).toContain(`${DB}.damaged-‹date and time›`)
    expect(screen.queryByRole('heading', { name: 'Open an API log' })).toBeNull()

    const importButton = screen.getByRole('button', { name: 'Import…' })
    expect(importButton.getAttribute('aria-disabled')).toBe('true')
    expect(importButton.title).toBe('Imports are off: the store is damaged. Open it read-only or start a new store first.')
    expect(screen.queryByRole('button', { name: 'Import options' })).toBeNull()
    fireEvent.click(importButton)
    expect(await screen.findByText('Imports are off: the store is damaged. Open it read-only or start a new store first.', { selector: '.notice-text' })).toBeTruthy()
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true })
    expect(importCalls(fake)).toEqual([])
  })

  it('read-only: a banner stays up, imports stay off; a new store after confirming says where the damaged file went', async () => {
    const { fake } = damagedBackend()
    render(<App services={fake.services} />)
    fireEvent.click(await screen.findByRole('button', { name: /^Open read-only/ }))
    const banner = await screen.findByRole('region', { name: 'Store opened read-only' })
    expect(banner.textContent).toContain(`the store ${DB} is damaged (database disk image is malformed)`)
    expect(fake.calls.filter((c) => c.method === 'openStoreReadOnly')).toHaveLength(1)
    expect(screen.queryByRole('main', { name: 'The log store needs attention' })).toBeNull()
    // the read store is empty here: the empty state shows, its buttons off with the reason
    expect((await screen.findByRole('button', { name: 'Open log file…' })).hasAttribute('disabled')).toBe(true)
    expect(screen.getByText('Imports are off while the damaged store is open read-only: start a new store to import.', { selector: '.empty-blocked' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Import…' }).getAttribute('aria-disabled')).toBe('true')

    fireEvent.click(within(banner).getByRole('button', { name: 'Start a new store…' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Start a new store?' })
    expect(confirm.textContent).toContain(`The damaged file is kept at ${DB}.damaged-‹date and time›`)
    fireEvent.click(within(confirm).getByRole('button', { name: 'Start a new store' }))
    const note = await screen.findByRole('region', { name: 'New store started' })
    expect(note.textContent).toBe(`A new, empty store was started. The damaged file is kept at ${KEPT}. Import your logs again to go on.`)
    expect(fake.calls.filter((c) => c.method === 'rebuildStore')).toHaveLength(1)
    expect(screen.queryByRole('region', { name: 'Store opened read-only' })).toBeNull()

    // imports are back
    const importButton = screen.getByRole('button', { name: 'Import…' })
    expect(importButton.hasAttribute('aria-disabled')).toBe(false)
    expect(screen.getByRole('button', { name: 'Open log file…' }).hasAttribute('disabled')).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: 'Open sample data' }))
    await act(async () => undefined)
    expect(importCalls(fake).map((c) => c.method)).toEqual(['importSample'])
    fireEvent.click(within(note).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('region', { name: 'New store started' })).toBeNull()
  })

  it('damage found while the app runs replaces the screen at once', async () => {
    const { fake, breakLater } = damagedBackend({ status: 'ok', dbPath: DB, message: null, backupPath: null })
    render(<App services={fake.services} />)
    await screen.findByRole('heading', { name: 'Open an API log' })
    act(() => breakLater())
    expect(await screen.findByRole('main', { name: 'The log store needs attention' })).toBeTruthy()
    expect(screen.queryByRole('heading', { name: 'Open an API log' })).toBeNull()
  })

  it('a drop while the store is damaged is refused with the reason', async () => {
    const { fake } = damagedBackend()
    render(<App services={fake.services} />)
    await screen.findByRole('main', { name: 'The log store needs attention' })
    const file = new File(['{}'], 'x.ndjson')
    const dataTransfer = { types: ['Files'], files: [file] }
    fireEvent.drop(window, { dataTransfer })
    expect(await screen.findByText(/^Imports are off: the store is damaged/, { selector: '.notice-text' })).toBeTruthy()
    expect(importCalls(fake)).toEqual([])
  })
})
