import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compareSources } from '../../../src/main/compare/compare-sources'
import { openDb } from '../../../src/main/store/db'
import { apilog } from '../helpers/cli'
import { ensureCliWith } from '../helpers/cli-build'
import { tempDir } from '../helpers/store'

const FIXTURES = join(__dirname, '../../fixtures/har')

beforeAll(() => ensureCliWith(['baseline source: id or file name']), 180_000)

function store() {
  const db = join(tempDir(), 'store.sqlite')
  const files = ['firefox-excerpt.har', 'chrome.har', 'jwt-bearer.har', 'proxyman.har'].map((f) => join(FIXTURES, f))
  const imported = apilog(['import', '--db', db, ...files])
  expect(imported.code, imported.stderr).toBe(0)
  return db
}

describe('apilog compare', () => {
  it('prints the same result as the library in JSON, sources given by id or file name', () => {
    const db = store()
    const printed = apilog(['compare', '1', 'chrome.har', '--db', db, '--format', 'json'])
    expect(printed.stderr).toBe('')
    const handle = openDb(db, { readonly: true })
    try {
      expect(JSON.parse(printed.stdout)).toEqual(compareSources(handle, { a: 1, b: 2 }))
    } finally {
      handle.close()
    }
  })

  it('prints readable Markdown tables, regression first', () => {
    const db = store()
    const { code, stdout } = apilog(['compare', 'firefox-excerpt.har', 'chrome.har', '--db', db])
    expect(code).toBe(0)
    expect(stdout).toContain(
      [
        '| | A: firefox-excerpt.har (source 1) | B: chrome.har (source 2) | Δ |',
        '| --- | ---: | ---: | ---: |',
        '| entries | 3 | 3 | 0 |',
        '| errors | 0 | 1 | +1 |',
        '| error rate | 0.0% | 33.3% | +33.3 pp |',
      ].join('\n'),
    )
    expect(stdout).toContain(
      [
        '| Function | success A → B | error A → B | notice A → B | error rate A → B | extra errors in B |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        '| GET / | 1 → 1 (0) | 0 → 1 (+1) |  | 0.0% → 50.0% | 1 |',
      ].join('\n'),
    )
    expect(stdout).toContain('### Functions: 2\n\n| Function | entries |\n| --- | ---: |\n| GET /logo-navbar.png | 1 |\n')
  })

  it('lists users seen on one side only, and narrows by filter options', () => {
    const db = store()
    const { stdout } = apilog(['compare', 'jwt-bearer.har', 'proxyman.har', '--db', db])
    expect(stdout).toContain('## Only in A: jwt-bearer.har (source 3)\n\n### Functions: 3\n')
    expect(stdout).toContain('### API Users: 2\n\n| API User | entries |\n| --- | ---: |\n| ivr-bot@clients.acme.example | 1 |\n| reporting-cron | 1 |\n')
    expect(stdout).toContain('### Agent Users: 1\n\n| Agent User | entries |\n| --- | ---: |\n| maria.lopez | 2 |\n')
    const narrowed = JSON.parse(apilog(['compare', '3', '4', '--db', db, '--format', 'json', '--result', 'error']).stdout)
    // jwt-bearer.har has 2 errors of 4 entries, proxyman.har 2 of 3 (goldens in tests/fixtures/har)
    expect([narrowed.a.total, narrowed.a.errors, narrowed.b.total, narrowed.b.errors]).toEqual([2, 2, 2, 2])
    expect(narrowed.rows.map((r: { function: string }) => r.function).sort()).toEqual([
      'DELETE /v1/charges/{id}',
      'GET /v2/me',
      'GET /v2/reports/daily/2025-11-18',
      'POST /v1/charges',
    ])
  })

  it('explains mistakes in one line', () => {
    const db = store()
    const fails = (args: string[], message: string) =>
      expect(apilog(['compare', ...args, '--db', db])).toMatchObject({ code: 1, stderr: `apilog: ${message}\n` })
    fails(['1', '1'], 'compare needs two different sources')
    fails(['1', '9'], 'no source 9 (see apilog sources)')
    fails(['1', 'nope.har'], 'no source named "nope.har" (see apilog sources)')
    fails(['1', '2', '--format', 'xml'], '--format: "xml" is not one of md, json')
    fails(['1', '2', '--source', '3'], '--source: the two sources to compare are the arguments')
  })
})
