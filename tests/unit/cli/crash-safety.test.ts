// A SIGKILL in the middle of an import must leave a sound store with no trace of that import.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/store/db'
import { listSources, removeInterruptedImports } from '../../../src/main/store/sources-repo'
import { apilog, apilogAsync, combinedLog, ensureBuilt } from '../helpers/cli'
import { tempDir } from '../helpers/store'

beforeAll(() => ensureBuilt(), 180_000)

function countRows(dbPath: string): { importing: number; entries: number } {
  const db = openDb(dbPath, { readonly: true })
  try {
    const importing = (db.prepare(`SELECT count(*) AS n FROM sources WHERE status = 'importing'`).get() as { n: number }).n
    const entries = (db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n
    return { importing, entries }
  } finally {
    db.close()
  }
}

describe('crash safety', () => {
  it('SIGKILL during an import leaves integrity ok and no partial source', async () => {
    const dir = tempDir()
    const dbPath = join(dir, 'store.sqlite')
    const small = join(dir, 'small.log')
    writeFileSync(small, combinedLog(40))
    expect(apilog(['import', '--db', dbPath, small]).code).toBe(0)
    const big = join(dir, 'big.log')
    writeFileSync(big, combinedLog(400_000, Date.UTC(2024, 5, 1)))

    const child = apilogAsync(['import', '--db', dbPath, big])
    let seen = { importing: 0, entries: 0 }
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50))
      seen = countRows(dbPath)
      if (seen.importing === 1 && seen.entries > 40) break
    }
    expect(seen.importing).toBe(1)
    expect(seen.entries).toBeGreaterThan(40)
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))

    const db = openDb(dbPath)
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(removeInterruptedImports(db)).toHaveLength(1)
      expect(listSources(db).map((s) => [s.name, s.entryCount])).toEqual([['small.log', 40]])
      expect((db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n).toBe(40)
      expect((db.prepare('SELECT count(*) AS n FROM entry_payloads').get() as { n: number }).n).toBe(40)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
    // the next command (which recovers on open) sees only the complete source
    expect(apilog(['query', '--db', dbPath, '--count']).stdout).toBe('40\n')
  }, 120_000)
})
