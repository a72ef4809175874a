// The synthetic logs: deterministic, exactly N records, and the value distributions the benchmark
// relies on (≈50 API users, ≤20 agents, 200 endpoints, a few per cent errors, a few bursty days).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCatalogue } from '../../../src/main/bench/generate/catalogue'
import { createCallStream, LOG_START_MS, type SyntheticCall } from '../../../src/main/bench/generate/calls'
import { BENCH_FORMATS } from '../../../src/main/bench/generate/log-format'
import { createRng, weightedPicker } from '../../../src/main/bench/generate/rng'
import { findReusableLog, generateLog, writeLog } from '../../../src/main/bench/generate/write-log'
import { tempDir } from '../helpers/store'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

function calls(n: number, seed = 1): SyntheticCall[] {
  const stream = createCallStream(buildCatalogue(seed), seed, n)
  return Array.from({ length: n }, () => stream.next())
}

describe('determinism', () => {
  it.each(BENCH_FORMATS)('%s: the same seed gives the same bytes, another seed other bytes', (format) => {
    const a = generateLog({ format, entries: 300, seed: 7 })
    const b = generateLog({ format, entries: 300, seed: 7 })
    const c = generateLog({ format, entries: 300, seed: 8 })
    expect(sha(a)).toBe(sha(b))
    expect(sha(c)).not.toBe(sha(a))
  })

  // A failure here means a generator now writes other bytes: bump GENERATOR_VERSION (so kept
  // .bench/ files are regenerated) and update these hashes; figures before and after are not comparable.
  it.each([
    ['access', '42eddf24204518d525494914e02296737ec9e87fdfa3618787bc2c57c573ff26'],
    ['ndjson', 'aead66760b425d78fd29b60187080e4c8c775b4fe6945985800e55a8f23ed1dd'],
    ['har', '66ea44be7e74c27a647e535c689f0ddc994ee52f022223b582bceb1895992982'],
    ['csv', '0ab488e02ae237bdd2e89777fab69ba0843ed22e55614077d1bf7d4d9e5ac0c6'],
  ] as const)('%s: 1000 entries of seed 1 are the pinned bytes', (format, hash) => {
    expect(sha(generateLog({ format, entries: 1000, seed: 1 }))).toBe(hash)
  })

  it('starts the access log as an Apache combined log', () => {
    expect(generateLog({ format: 'access', entries: 1000, seed: 1 }).split('\n')[0]).toBe(
      '10.37.162.195 - portal-app [16/Nov/2026:00:00:46 +0000] "GET /v1/leads?page=3&limit=50 HTTP/1.1" 200 600 "-" "curl/8.5.0"',
    )
  })

  it('a file written in streamed chunks holds exactly the generated text', async () => {
    const dir = tempDir()
    const path = join(dir, 'x.ndjson')
    const written = await writeLog(path, { format: 'ndjson', entries: 2500, seed: 3 })
    const text = readFileSync(path, 'utf8')
    expect(text).toBe(generateLog({ format: 'ndjson', entries: 2500, seed: 3 }))
    expect(written.bytes).toBe(Buffer.byteLength(text))
  })

  it('reuses a kept file only when it was made the same way', async () => {
    const path = join(tempDir(), 'x.csv')
    await writeLog(path, { format: 'csv', entries: 50, seed: 1 })
    expect(findReusableLog(path, { format: 'csv', entries: 50, seed: 1 })?.reused).toBe(true)
    expect(findReusableLog(path, { format: 'csv', entries: 51, seed: 1 })).toBeNull()
    expect(findReusableLog(path, { format: 'csv', entries: 50, seed: 2 })).toBeNull()
  })
})

describe('record counts', () => {
  const N = 400
  it('access log and NDJSON: one line per entry', () => {
    expect(generateLog({ format: 'access', entries: N, seed: 1 }).split('\n')).toHaveLength(N + 1)
    const lines = generateLog({ format: 'ndjson', entries: N, seed: 1 }).trimEnd().split('\n')
    expect(lines).toHaveLength(N)
    expect(lines.every((l) => typeof JSON.parse(l).request.id === 'string')).toBe(true)
  })

  it('HAR: one valid document with N entries', () => {
    const har = JSON.parse(generateLog({ format: 'har', entries: N, seed: 1 }))
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries).toHaveLength(N)
    expect(har.log.entries[0].request.headers.some((h: { name: string }) => h.name === 'Authorization')).toBe(true)
  })

  it('CSV: the Workato header and N rows', () => {
    const lines = generateLog({ format: 'csv', entries: N, seed: 1 }).trimEnd().split('\n')
    expect(lines[0]).toBe('Date,Type,Code,Status,Gateway code,Status details,IP,Timing,Delay,API collection,Endpoint,Client,Job details')
    expect(lines).toHaveLength(N + 1)
  })
})

describe('value distributions', () => {
  const sample = calls(20_000)

  it('has about 50 API users, 20 agents and 200 endpoints', () => {
    expect(new Set(sample.map((c) => c.user.name)).size).toBe(50)
    expect(new Set(sample.map((c) => c.agent).filter(Boolean)).size).toBe(20)
    const endpoints = new Set(sample.map((c) => `${c.endpoint.method} ${c.endpoint.template}`))
    expect(endpoints.size).toBeGreaterThan(150)
    expect(endpoints.size).toBeLessThanOrEqual(200)
    expect(buildCatalogue(1).endpoints).toHaveLength(200)
  })

  it('fails a few per cent of calls, with several error texts', () => {
    const errors = sample.filter((c) => c.error)
    expect(errors.length / sample.length).toBeGreaterThan(0.01)
    expect(errors.length / sample.length).toBeLessThan(0.08)
    expect(new Set(errors.map((c) => c.error!.message)).size).toBeGreaterThanOrEqual(6)
    expect(errors.every((c) => c.status === c.error!.status && c.status >= 400)).toBe(true)
  })

  it('spans a few days in order, with bursts', () => {
    const ts = sample.map((c) => c.ts)
    expect(ts.every((t, i) => i === 0 || t >= ts[i - 1])).toBe(true)
    expect(ts[0]).toBeGreaterThanOrEqual(LOG_START_MS)
    const days = (ts[ts.length - 1] - ts[0]) / 86_400_000
    expect(days).toBeGreaterThan(2)
    expect(days).toBeLessThan(5)
    // per-minute counts: the busiest minute is far above the average one
    const perMinute = new Map<number, number>()
    for (const t of ts) perMinute.set(Math.floor(t / 60_000), (perMinute.get(Math.floor(t / 60_000)) ?? 0) + 1)
    const average = sample.length / ((ts[ts.length - 1] - ts[0]) / 60_000)
    expect(Math.max(...perMinute.values())).toBeGreaterThan(average * 5)
  })

  it('keeps the call stream the same whatever the number of calls asked for (only the pace changes)', () => {
    const small = calls(50)
    const big = calls(5000).slice(0, 50)
    expect(small.map((c) => [c.user.name, c.endpoint.template, c.status])).toEqual(big.map((c) => [c.user.name, c.endpoint.template, c.status]))
  })

  it('NDJSON records weigh 1–3 KB on average', () => {
    const text = generateLog({ format: 'ndjson', entries: 2000, seed: 1 })
    const average = Buffer.byteLength(text) / 2000
    expect(average).toBeGreaterThan(1000)
    expect(average).toBeLessThan(3000)
  })
})

describe('rng', () => {
  it('weightedPicker follows the weights', () => {
    const rng = createRng(5)
    const pickIndex = weightedPicker([1, 3])
    let ones = 0
    for (let i = 0; i < 10_000; i++) ones += pickIndex(rng)
    expect(ones / 10_000).toBeGreaterThan(0.72)
    expect(ones / 10_000).toBeLessThan(0.78)
  })
})
