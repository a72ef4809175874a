// The synthetic logs go through the real importers (format detection included) and come out as the
// calls they were written from: every entry, the same users, functions, statuses and times.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCatalogue } from '../../../src/main/bench/generate/catalogue'
import { createCallStream, type SyntheticCall } from '../../../src/main/bench/generate/calls'
import { BENCH_FORMATS, FORMAT_INFO, type BenchFormat } from '../../../src/main/bench/generate/log-format'
import { generateLog } from '../../../src/main/bench/generate/write-log'
import { importIntoMemory, tempDir } from '../helpers/store'

const N = 600
const SEED = 11
const stream = createCallStream(buildCatalogue(SEED), SEED, N)
const CALLS: SyntheticCall[] = Array.from({ length: N }, () => stream.next())

async function imported(format: BenchFormat) {
  const path = join(tempDir(), `bench.${FORMAT_INFO[format].ext}`)
  writeFileSync(path, generateLog({ format, entries: N, seed: SEED }))
  return importIntoMemory(path)
}

describe.each(BENCH_FORMATS)('%s', (format) => {
  it('imports every entry with the expected importer and no errors', async () => {
    const { result, rows } = await imported(format)
    expect(result.failure).toBeNull()
    expect(result.format).toBe(FORMAT_INFO[format].importer)
    expect(result.imported).toBe(N)
    expect(result.errorCount).toBe(0)
    expect(rows).toHaveLength(N)
  })

  it('keeps each call\'s API user, status, result and time', async () => {
    const { rows } = await imported(format)
    // access logs carry whole seconds
    const time = (ms: number) => new Date(format === 'access' ? Math.floor(ms / 1000) * 1000 : ms).toISOString()
    expect(rows.map((r) => r.apiUser)).toEqual(CALLS.map((c) => c.user.name))
    expect(rows.map((r) => r.statusCode)).toEqual(CALLS.map((c) => c.status))
    expect(rows.map((r) => r.result)).toEqual(CALLS.map((c) => (c.status >= 400 ? 'error' : 'success')))
    expect(rows.map((r) => r.ts)).toEqual(CALLS.map((c) => time(c.ts)))
  })
})

describe('format-specific fields', () => {
  it('NDJSON and HAR carry the agent user, the function and the bodies', async () => {
    for (const format of ['ndjson', 'har'] as const) {
      const { rows, detail } = await imported(format)
      expect(rows.map((r) => r.agentUser)).toEqual(CALLS.map((c) => c.agent))
      expect(rows.map((r) => r.function)).toEqual(CALLS.map((c) => `${c.endpoint.method} ${c.endpoint.template}`))
      const i = CALLS.findIndex((c) => c.endpoint.action === 'create' && !c.error)
      expect(JSON.parse(detail(i).requestBody!).object).toBe(CALLS[i].endpoint.resource)
    }
  })

  it('HAR keeps the error text of failed calls from their bodies', async () => {
    const { rows } = await imported('har')
    const failed = CALLS.map((c, i) => [c, rows[i]] as const).filter(([c]) => c.error)
    expect(failed.length).toBeGreaterThan(5)
    for (const [call, row] of failed) expect(row.resultReason).toBe(call.error!.message)
  })

  it('the Workato CSV maps collection + endpoint, gateway code and status details', async () => {
    const { rows } = await imported('csv')
    const i = CALLS.findIndex((c) => c.error)
    const call = CALLS[i]
    expect(rows[i].function).toBe(`${call.endpoint.collection} ${call.endpoint.method} ${call.endpoint.template.replace('{id}', ':id')}`)
    expect(rows[i].errorCode).toBe(String(call.error!.gatewayCode))
    expect(rows[i].resultReason).toBe(call.error!.message)
    expect(rows[i].clientIp).toBe(call.clientIp)
  })

  it('the access log gives one function per endpoint template', async () => {
    const { rows } = await imported('access')
    expect(rows.map((r) => r.function)).toEqual(CALLS.map((c) => `${c.endpoint.method} ${c.endpoint.template}`))
  })
})
