// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as SaveFile from '../../src/renderer/src/lib/save-file'
import type { ExportRequest, RedactionPreviewItem } from '../../src/shared/export-types'
import type { EntryRow, SourceInfo } from '../../src/shared/types'
import { ApiError } from '../../src/shared/transport'
import { ExportDialog } from '../../src/renderer/src/features/export/ExportDialog'
import { makeValueFormatter } from '../../src/renderer/src/features/filters/value-format'
import { fakeBackend, renderWith, type FakeBackend } from './fake-services'

vi.mock('../../src/renderer/src/lib/save-file', async (actual) => ({
  ...(await actual<typeof SaveFile>()),
  saveTextFile: vi.fn(),
  startDownload: vi.fn(),
}))
const { startDownload } = await import('../../src/renderer/src/lib/save-file')

const EXPORT_ID = '0b6f2f4e-8d1c-4c55-9a43-7f1de2a0c001'

function source(id: number, name: string, secretsKept: boolean): SourceInfo {
  return {
    id, name, secretsKept, path: null, size: 1, sha256: 'x', format: 'har', mapping: null, timeZone: 'UTC',
    importedAt: '2024-05-01T00:00:00Z', entryCount: 10, skippedCount: 0, errorCount: 0, errors: [], firstTs: null,
    lastTs: null, durationMs: 1,
  }
}

function row(id: number, sourceId: number): EntryRow {
  return {
    id, sourceId, position: id, ts: '2024-05-01T10:00:00.000Z', apiUser: 'bob', agentUser: null, function: 'POST /v1/login',
    result: 'error', statusCode: 401, statusText: null, resultReason: null, errorCode: null, method: 'POST', url: null,
    host: null, path: null, endpoint: null, service: null, tenant: null, clientIp: null, durationMs: null, delayMs: null,
    correlationId: null, origin: null,
  }
}

const PREVIEW: RedactionPreviewItem[] = [
  { field: 'requestHeaders.Authorization', before: 'eyJh… (43 chars)', after: '«redacted:7f3a9c»' },
  { field: 'url', before: 'CN… (12 chars)', after: '«redacted:11aa22»' },
]
const SOURCES = [source(1, 'plain.har', false), source(2, 'kept.har', true)]
const format = makeValueFormatter(SOURCES)

describe('export dialog', () => {
  let backend: FakeBackend
  let requests: ExportRequest[]
  let previewed: number[]
  let queried: unknown[]
  const onClose = vi.fn()

  beforeEach(() => {
    localStorage.clear()
    vi.mocked(startDownload).mockClear()
    onClose.mockClear()
    requests = []
    previewed = []
    queried = []
    backend = fakeBackend({
      countEntries: async () => ({ count: 1204 }),
      queryEntries: async (q) => {
        queried.push(q.filter)
        return { rows: [row(q.filter.sourceId?.includes(2) ? 77 : 5, q.filter.sourceId?.includes(2) ? 2 : 1)], offset: 0 }
      },
      previewRedaction: async ({ id }) => {
        previewed.push(id)
        return id === 77 ? PREVIEW : []
      },
      startExport: async (request) => {
        requests.push(request)
        return { exportId: EXPORT_ID }
      },
      cancelExport: async () => undefined,
    })
  })
  afterEach(cleanup)

  const open = (props: Partial<Parameters<typeof ExportDialog>[0]> = {}) =>
    renderWith(
      backend,
      <ExportDialog filter={{ result: ['error'] }} sort={{ field: 'ts', dir: 'desc' }} selected={null} sources={SOURCES} format={format} onClose={onClose} {...props} />,
    )

  it('says how many rows the file gets and previews the redaction on a sample from a source with kept credentials', async () => {
    open()
    const dialog = screen.getByRole('dialog', { name: 'Export' })
    await waitFor(() =>
      expect(within(dialog).getByTestId('export-count').textContent).toBe(
        '1,204 entries will be exported — every entry that matches, in the grid’s order, nothing cut.',
      ),
    )
    expect(dialog.textContent).toContain('Filters: Result: Error')
    expect(dialog.textContent).toContain('Credentials are always redacted in exports')
    const table = await within(dialog).findByRole('table', { name: 'What the export masks in this entry' })
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'FieldCredential (shortened)In the export',
      'requestHeaders.AuthorizationeyJh… (43 chars)«redacted:7f3a9c»',
      'urlCN… (12 chars)«redacted:11aa22»',
    ])
    expect(queried[0]).toEqual({ result: ['error'], sourceId: [2] })
    expect(dialog.textContent).toContain('A sample entry: POST /v1/login · 2024-05-01 10:00:00 UTC')
    expect(within(dialog).getByRole('button', { name: 'Export 1,204 entries' })).toBeTruthy()
  })

  it('previews the selected entry, and says when its credentials were masked on import', async () => {
    open({ selected: row(5, 1) })
    const empty = await screen.findByTestId('redaction-empty')
    expect(empty.textContent).toBe('Nothing left to mask: credentials in this source were already replaced when it was imported.')
    expect(previewed).toEqual([5])
    expect(queried).toEqual([])
    expect(screen.getByRole('dialog').textContent).toContain('The selected entry: POST /v1/login')
  })

  it('exports CSV with a BOM, shows progress, then downloads the file and lists its notes', async () => {
    const user = userEvent.setup()
    open()
    const dialog = screen.getByRole('dialog', { name: 'Export' })
    const bom = within(dialog).getByRole('checkbox', { name: /Add a BOM for Excel/ })
    await user.click(bom)
    await user.click(await within(dialog).findByRole('button', { name: 'Export 1,204 entries' }))
    await waitFor(() => expect(requests).toHaveLength(1))
    expect(requests[0]).toEqual({ filter: { result: ['error'] }, sort: { field: 'ts', dir: 'desc' }, format: 'csv', bom: true })

    act(() => backend.emit('exportProgress', { exportId: EXPORT_ID, rows: 301, total: 1204 }))
    const bar = await screen.findByRole('progressbar', { name: 'Export progress' })
    expect(bar.getAttribute('aria-valuenow')).toBe('25')
    expect(bar.getAttribute('aria-valuetext')).toBe('301 of 1,204 entries')
    expect(document.activeElement?.textContent).toBe('Cancel export')

    act(() =>
      backend.emit('exportFinished', {
        exportId: EXPORT_ID, rows: 1204, path: null, downloadUrl: `/download/${EXPORT_ID}`, failure: null,
        notes: ['3 entries had no timestamp: 1970-01-01T00:00:00.000Z was written instead'],
      }),
    )
    expect((await screen.findByTestId('export-result')).textContent).toBe('Exported 1,204 entries: the download has started.')
    expect(startDownload).toHaveBeenCalledTimes(1)
    expect(startDownload).toHaveBeenCalledWith(`/download/${EXPORT_ID}`)
    expect(screen.getByRole('link', { name: 'Download the file again' }).getAttribute('href')).toBe(`/download/${EXPORT_ID}`)
    expect(screen.getByRole('dialog').textContent).toContain('3 entries had no timestamp')
    expect(document.activeElement?.textContent).toBe('Close')
  })

  it('keeps a finish that arrives before startExport answers, and never follows a foreign download URL', async () => {
    backend = fakeBackend({
      countEntries: async () => ({ count: 2 }),
      queryEntries: async () => ({ rows: [], offset: 0 }),
      startExport: async () => {
        backend.emit('exportFinished', { exportId: EXPORT_ID, rows: 2, path: null, downloadUrl: 'https://evil.example/x', failure: null, notes: [] })
        return { exportId: EXPORT_ID }
      },
    })
    const user = userEvent.setup()
    open()
    await user.click(await screen.findByRole('button', { name: 'Export 2 entries' }))
    expect((await screen.findByTestId('export-result')).textContent).toContain('Exported 2 entries')
    expect(startDownload).not.toHaveBeenCalled()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('cancels: the backend is told, and the outcome says no file was written', async () => {
    const cancelExport = vi.fn(async () => undefined)
    backend = fakeBackend({
      countEntries: async () => ({ count: 50 }),
      queryEntries: async () => ({ rows: [], offset: 0 }),
      startExport: async () => ({ exportId: EXPORT_ID }),
      cancelExport,
    })
    const user = userEvent.setup()
    open()
    await user.click(await screen.findByRole('radio', { name: /^HAR 1\.2/ }))
    expect(screen.getByRole('checkbox', { name: /Add a BOM/ })).toHaveProperty('disabled', true)
    await user.click(await screen.findByRole('button', { name: 'Export 50 entries' }))
    await user.click(await screen.findByRole('button', { name: 'Cancel export' }))
    expect(cancelExport).toHaveBeenCalledWith({ exportId: EXPORT_ID })
    act(() =>
      backend.emit('exportFinished', {
        exportId: EXPORT_ID, rows: 10, path: null, downloadUrl: null,
        failure: 'export cancelled after 10 of 50 rows; no file was written', notes: [],
      }),
    )
    expect((await screen.findByRole('alert')).textContent).toBe('Export cancelled after 10 of 50 rows; no file was written')
    expect(localStorage.getItem('inspector.export.format')).toBe('"har"')
  })

  it('shows why the backend refused to start, and has nothing to export for an empty set', async () => {
    backend = fakeBackend({
      countEntries: async () => ({ count: 3 }),
      queryEntries: async () => ({ rows: [], offset: 0 }),
      startExport: async () => {
        throw new ApiError('startExport', 'bad-argument', 'cannot sort by "nope"')
      },
    })
    const user = userEvent.setup()
    open()
    await user.click(await screen.findByRole('button', { name: 'Export 3 entries' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Could not start the export: cannot sort by "nope"')
    cleanup()
    backend = fakeBackend({ countEntries: async () => ({ count: 0 }), queryEntries: async () => ({ rows: [], offset: 0 }) })
    open()
    await waitFor(() =>
      expect(screen.getByTestId('export-count').textContent).toBe(
        'No entries match the current filters: there is nothing to export.',
      ),
    )
    expect(screen.getByRole('button', { name: 'Export 0 entries' })).toHaveProperty('disabled', true)
  })

  it('desktop: asks where to save and sends the path; without a save dialog it says so', async () => {
    const chooseSavePath = vi.fn(async () => '/home/ana/failures.csv')
    backend.services.isDesktop = true
    backend.services.chooseSavePath = chooseSavePath
    const user = userEvent.setup()
    open()
    await user.click(await screen.findByRole('button', { name: 'Export 1,204 entries' }))
    await waitFor(() => expect(requests).toHaveLength(1))
    expect(chooseSavePath).toHaveBeenCalledWith('apilog-export.csv')
    expect(requests[0].path).toBe('/home/ana/failures.csv')
    act(() =>
      backend.emit('exportFinished', { exportId: EXPORT_ID, rows: 1204, path: '/home/ana/failures.csv', downloadUrl: null, failure: null, notes: [] }),
    )
    expect((await screen.findByTestId('export-result')).textContent).toBe('Exported 1,204 entries to /home/ana/failures.csv')
    expect(startDownload).not.toHaveBeenCalled()
    cleanup()

    backend.services.chooseSavePath = undefined
    open()
    expect((await screen.findByRole('note')).textContent).toContain('cannot ask where to save an export yet')
    expect(await screen.findByRole('button', { name: 'Export 1,204 entries' })).toHaveProperty('disabled', true)
  })
})
