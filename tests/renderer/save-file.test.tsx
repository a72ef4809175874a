// @vitest-environment jsdom
// Every download (exports, view files, triage reports) goes through one module: a safe file name,
// a same-origin or blob link clicked and removed.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isDownloadPath, safeFileName, saveTextFile } from '../../src/renderer/src/lib/save-file'

afterEach(() => vi.restoreAllMocks())

describe('safeFileName', () => {
  it.each([
    ['triage-crmsync-20240312.html', 'triage-crmsync-20240312.html'],
    ['agent 1004 dials.apilog-view.json', 'agent 1004 dials.apilog-view.json'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['C:\\Users\\x\\report.md', 'C_Users_x_report.md'],
    ['invoice\u202Egnp.exe', 'invoice_gnp.exe'],
    ['a\u0000b\u001b[31mc.md', 'a_b_[31mc.md'],
    ['<script>.html', '_script_.html'],
    ['...', 'download.txt'],
    ['/\u202E/', 'download.txt'],
  ])('%j → %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected)
  })

  it('keeps names to 150 characters', () => {
    expect(safeFileName(`${'x'.repeat(300)}.md`)).toHaveLength(150)
  })
})

it('only a finished export on the loopback host counts as a download path', () => {
  expect(isDownloadPath('/download/0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true)
  expect(isDownloadPath('https://evil.example/download/0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(false)
  expect(isDownloadPath('javascript:alert(1)')).toBe(false)
})

it('saves text through a blob link with a safe name, and leaves nothing in the page', () => {
  const created = vi.fn(() => 'blob:http://127.0.0.1/1')
  Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() })
  const clicks: Array<{ href: string; download: string }> = []
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.href, download: this.download })
  })
  saveTextFile('triage-\u202Eexe.html', '<p>x</p>', 'text/html')
  expect(clicks).toEqual([{ href: 'blob:http://127.0.0.1/1', download: 'triage-_exe.html' }])
  expect(document.querySelectorAll('a')).toHaveLength(0)
})
