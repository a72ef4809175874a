// One loop over tests/fixtures/<format>/<case>.<ext>: each case imports and must match its
// <case>.expected.json. UPDATE_GOLDEN=1 rewrites the expectations after a deliberate change
// (review the diff: a golden file is only as right as the person who accepted it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importIntoMemory } from '../helpers/store'

const ROOT = join(__dirname, '../../fixtures')
const GOLDEN_FIELDS = [
  'position', 'ts', 'apiUser', 'agentUser', 'function', 'result', 'statusCode', 'statusText',
  'resultReason', 'errorCode', 'method', 'url', 'host', 'path', 'endpoint', 'service', 'tenant',
  'clientIp', 'durationMs', 'delayMs', 'correlationId', 'origin',
] as const

/** Fixture folders that are not one importer's golden cases (redaction canaries, the hostile corpus). */
const NOT_FORMATS = new Set(['redact-canary', 'hostile'])

interface Case {
  format: string
  name: string
  file: string
  expected: string
}

function cases(): Case[] {
  if (!existsSync(ROOT)) return []
  const out: Case[] = []
  for (const format of readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory() && !NOT_FORMATS.has(d.name)).map((d) => d.name)) {
    const dir = join(ROOT, format)
    for (const file of readdirSync(dir)) {
      if (file.endsWith('.expected.json') || file.endsWith('.md') || file.endsWith('.options.json')) continue
      const name = file.replace(/\.[^.]+(\.gz)?$/, '')
      out.push({ format, name, file: join(dir, file), expected: join(dir, `${name}.expected.json`) })
    }
  }
  return out
}

describe('importer fixtures', () => {
  it('has fixtures for every format', () => {
    const formats = new Set(cases().map((c) => c.format))
    for (const f of ['har', 'csv', 'vicidial', 'ndjson', 'json', 'access-log']) expect(formats).toContain(f)
  })

  for (const c of cases()) {
    it(`${c.format}/${c.name}`, async () => {
      const optionsFile = c.expected.replace('.expected.json', '.options.json')
      const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}
      const { result, rows } = await importIntoMemory(c.file, options)
      const actual = {
        format: result.format,
        failure: result.failure,
        imported: result.imported,
        skipped: result.skipped,
        errorCount: result.errorCount,
        errors: result.errors.slice(0, 10),
        entries: rows.map((row) => Object.fromEntries(GOLDEN_FIELDS.map((f) => [f, row[f]]))),
      }
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(c.expected)) {
        if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`missing ${c.expected}; run with UPDATE_GOLDEN=1 and review it`)
        writeFileSync(c.expected, JSON.stringify(actual, null, 2) + '\n')
      }
      expect(actual).toEqual(JSON.parse(readFileSync(c.expected, 'utf8')))
    })
  }
})
