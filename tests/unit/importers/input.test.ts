import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { readHead, readText } from '../../../src/main/importers/input'
import { ImportRejected } from '../../../src/main/importers/types'
import { tempDir } from '../helpers/store'

async function textOf(path: string, size: number) {
  const reader = readText(path, size)
  let text = ''
  for await (const chunk of reader.text) text += chunk
  return { text, reader }
}

function file(name: string, bytes: Buffer): { path: string; size: number } {
  const path = join(tempDir(), name)
  writeFileSync(path, bytes)
  return { path, size: bytes.length }
}

describe('reading log files as text', () => {
  it('strips a UTF-8 BOM', async () => {
    const f = file('bom.log', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('héllo\n')]))
    expect((await textOf(f.path, f.size)).text).toBe('héllo\n')
    expect((await readHead(f.path)).text).toBe('héllo\n')
  })

  it('decodes UTF-16 LE and BE with a BOM', async () => {
    const le = file('le.log', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\nç,d\n', 'utf16le')]))
    expect((await textOf(le.path, le.size)).text).toBe('a,b\nç,d\n')
    const beBody = Buffer.from('x\ny\n', 'utf16le').swap16()
    const be = file('be.log', Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]))
    expect((await textOf(be.path, be.size)).text).toBe('x\ny\n')
  })

  it('replaces invalid bytes with U+FFFD and counts them', async () => {
    const f = file('bad.log', Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a, 0x00, 0x63]))
    const { text, reader } = await textOf(f.path, f.size)
    expect(text).toBe('a\uFFFD\uFFFDb\n\u0000c')
    expect(reader.replacementCount()).toBe(2)
  })

  it('inflates gzip and hashes the compressed bytes', async () => {
    const body = Buffer.from('line 1\nline 2\n'.repeat(1000))
    const gz = gzipSync(body)
    const f = file('x.log.gz', gz)
    const { text, reader } = await textOf(f.path, f.size)
    expect(text).toBe(body.toString())
    expect(reader.sha256()).toMatch(/^[0-9a-f]{64}$/)
    expect((await readHead(f.path)).text.startsWith('line 1\nline 2')).toBe(true)
  })

  it('aborts a gzip file that inflates past the cap (a bomb) with a clear error', async () => {
    const bomb = gzipSync(Buffer.alloc(300 * 1024 * 1024, 0x41), { level: 9 })
    const f = file('bomb.log.gz', bomb)
    await expect(textOf(f.path, f.size)).rejects.toThrow(ImportRejected)
    await expect(textOf(f.path, f.size)).rejects.toThrow(/gzip bomb/)
  })

  it('rejects a corrupt gzip file clearly', async () => {
    const gz = gzipSync(Buffer.from('hello\n'.repeat(5000)))
    gz[gz.length - 20] ^= 0xff
    gz[40] ^= 0xff
    const f = file('corrupt.gz', gz)
    await expect(textOf(f.path, f.size)).rejects.toThrow(/cannot decompress/)
  })
})
