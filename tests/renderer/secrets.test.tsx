// @vitest-environment jsdom
import { act, cleanup, renderHook, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportRequest, SourceInfo } from '../../src/shared/types'
import { useImports } from '../../src/renderer/src/features/import/use-imports'
import { ImportOptions } from '../../src/renderer/src/features/secrets/ImportOptions'
import { listNames, SecretsBanner } from '../../src/renderer/src/features/secrets/SecretsBanner'
import { fakeBackend, renderWith } from './fake-services'

function source(id: number, name: string, secretsKept: boolean): SourceInfo {
  return {
    id, name, secretsKept, path: null, size: 1, sha256: String(id), format: 'har', mapping: null, timeZone: 'UTC',
    importedAt: '2024-05-01T00:00:00Z', entryCount: 3, skippedCount: 0, errorCount: 0, errors: [], firstTs: null,
    lastTs: null, durationMs: 1,
  }
}

describe('secrets-kept banner', () => {
  afterEach(cleanup)

  it('names the sources that hold live credentials and opens Sources', async () => {
    const onOpenSources = vi.fn()
    const user = userEvent.setup()
    renderWith(
      fakeBackend(),
      <SecretsBanner hasSecretsKept sources={[source(1, 'clean.har', false), source(2, 'prod\u202Egnp.har', true)]} onOpenSources={onOpenSources} />,
    )
    const banner = screen.getByRole('region', { name: 'Live credentials in this store' })
    // a hostile name cannot reorder the sentence: its bidi control is shown escaped
    expect(banner.textContent).toBe(
      'This store holds live credentials from “prod\\u202Egnp.har”; exports still redact them. Remove the source or re-import it with redaction.Open Sources',
    )
    await user.click(within(banner).getByRole('button', { name: 'Open Sources' }))
    expect(onOpenSources).toHaveBeenCalledTimes(1)
  })

  it('is absent while no source kept its credentials', () => {
    renderWith(fakeBackend(), <SecretsBanner hasSecretsKept={false} sources={[source(1, 'a.har', false)]} onOpenSources={() => undefined} />)
    expect(screen.queryByRole('region')).toBeNull()
  })

  it('lists a few names, then how many more', () => {
    expect(listNames(['a'])).toBe('“a”')
    expect(listNames(['a', 'b'])).toBe('“a” and “b”')
    expect(listNames(['a', 'b', 'c', 'd'])).toBe('“a”, “b” and 2 more')
  })
})

describe('import options', () => {
  afterEach(cleanup)

  it('offers "Keep credentials" with a warning, for this import only', async () => {
    const onChoose = vi.fn()
    const user = userEvent.setup()
    renderWith(fakeBackend(), <ImportOptions onChoose={onChoose} />)
    await user.click(screen.getByRole('button', { name: 'Import options' }))
    const panel = screen.getByRole('dialog', { name: 'Import options' })
    const keep = within(panel).getByRole('checkbox', { name: 'Keep credentials (not recommended)' })
    expect(keep).toHaveProperty('checked', false)
    expect(keep.getAttribute('aria-describedby')).toBeTruthy()
    expect(document.getElementById(keep.getAttribute('aria-describedby') as string)?.textContent).toContain(
      'anyone who gets this store can use them',
    )
    await user.click(keep)
    await user.click(within(panel).getByRole('button', { name: 'Choose files (keep credentials)…' }))
    expect(onChoose).toHaveBeenLastCalledWith({ keepSecrets: true })
    // the next time it starts unticked
    await user.click(screen.getByRole('button', { name: 'Import options' }))
    expect(screen.getByRole('checkbox', { name: 'Keep credentials (not recommended)' })).toHaveProperty('checked', false)
    await user.click(screen.getByRole('button', { name: 'Choose files…' }))
    expect(onChoose).toHaveBeenLastCalledWith({})
  })

  it('passes keepSecrets to startImport', async () => {
    const requests: ImportRequest[] = []
    const backend = fakeBackend({
      startImport: async (req) => {
        requests.push(req)
        return { jobId: `job-${requests.length}` }
      },
    })
    const { result } = renderHook(() => useImports(backend.services, () => undefined))
    const file = new File(['{}'], 'capture.har')
    await act(() => result.current.openFiles([file], { keepSecrets: true }))
    await act(() => result.current.openFiles([file]))
    expect(requests).toEqual([
      { keepSecrets: true, files: [{ uploadId: 'up-capture.har', name: 'capture.har' }] },
      { files: [{ uploadId: 'up-capture.har', name: 'capture.har' }] },
    ])
  })
})
