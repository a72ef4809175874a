import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/store/db'
import { tenantStats } from '../../../src/main/tenants/tenant-stats'
import { apilog } from '../helpers/cli'
import { ensureCliWith } from '../helpers/cli-build'
import { generateRecords, writeSource } from '../helpers/generated-store'
import { tempDir } from '../helpers/store'

beforeAll(() => ensureCliWith(['most tenants to print, busiest first']), 180_000)

function store(): string {
  const path = join(tempDir(), 'store.sqlite')
  const db = openDb(path)
  writeSource(db, generateRecords(600, 4))
  db.close()
  return path
}

function library(path: string, filter: object) {
  const db = openDb(path, { readonly: true })
  try {
    return tenantStats(db, { filter })
  } finally {
    db.close()
  }
}

describe('apilog tenants', () => {
  it('prints the library result as JSON, with filters', () => {
    const db = store()
    expect(JSON.parse(apilog(['tenants', '--db', db, '--format', 'json']).stdout)).toEqual(library(db, {}))
    expect(JSON.parse(apilog(['tenants', '--db', db, '--format', 'json', '--result', 'error', '--api-user', '-']).stdout)).toEqual(
      library(db, { result: ['error'], apiUser: [null] }),
    )
  })

  it('prints a table, busiest tenant first, no tenant shown as (none)', () => {
    const db = store()
    const { tenants } = library(db, {})
    const { code, stdout } = apilog(['tenants', '--db', db])
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('TENANT                      ENTRIES    ERRORS  ERROR %    P50 MS    P95 MS  FIRST SEEN                LAST SEEN')
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(tenants.map((t) => t.tenant ?? '(none)'))
    const first = tenants[0]
    expect(lines[1].split(/\s+/).slice(1, 6)).toEqual([
      String(first.count),
      String(first.errors),
      (first.errorRate * 100).toFixed(1),
      String(Math.round(first.p50Ms!)),
      String(Math.round(first.p95Ms!)),
    ])
    expect(apilog(['tenants', '--db', db, '--limit', '1']).stdout).toContain('(showing 1 of 3 tenants; raise --limit for more)')
    expect(apilog(['tenants', '--db', db, '--tenant', 'nobody']).stdout).toBe('no entries match\n')
    expect(apilog(['tenants', '--db', db, '--format', 'csv'])).toMatchObject({ code: 1, stderr: 'apilog: --format: "csv" is not one of table, json\n' })
  })
})
