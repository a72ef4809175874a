// The triage methods through the API dispatcher, and `apilog triage` / `apilog findings` (in-process).
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { main } from '../../../src/main/cli/index'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { openDb } from '../../../src/main/store/db'
import type { Finding, TriageResult } from '../../../src/shared/triage-types'
import { tempDir } from '../helpers/store'
import { loadScenario } from '../helpers/triage-scenarios'
import * as worlds from '../helpers/triage-worlds'

async function backendWith(world: worlds.World) {
  const backend = createBackend({ dbPath: ':memory:', workerPath: null })
  await loadScenario(backend.db, world.scenario)
  return backend
}

describe('triage API', () => {
  it('answers runTriage, getFindings and renderTriageReport through dispatch', async () => {
    const backend = await backendWith(worlds.silentCaller())
    try {
      const triage = await dispatch(backend.api, 'runTriage', { caller: { kind: 'apiUser', value: 'leadimport' }, at: '2024-05-01T02:30Z' })
      expect(triage.ok && (triage.value as TriageResult).verdict).toBe('caller_never_reached')
      const findings = await dispatch(backend.api, 'getFindings', {})
      expect(findings.ok && (findings.value as Finding[]).map((f) => f.kind)).toContain('caller_silent')
      expect(await dispatch(backend.api, 'getFindings', undefined)).toEqual(findings)
      const report = await dispatch(backend.api, 'renderTriageReport', { request: { caller: { kind: 'apiUser', value: 'leadimport' }, at: '2024-05-01T02:30Z' }, format: 'html' })
      expect(report.ok && (report.value as { fileName: string }).fileName).toBe('triage-leadimport-20240501-0200.html')
    } finally {
      backend.close()
    }
  })

  it('rejects malformed arguments and unanswerable requests as bad-argument errors', async () => {
    const backend = await backendWith(worlds.silentCaller())
    try {
      const cases: Array<[string, unknown, RegExp]> = [
        ['runTriage', { caller: { kind: 'robot', value: 'x' }, at: '2024-05-01T02:30Z' }, /caller.kind/],
        ['runTriage', { at: '2024-05-01T02:30Z' }, /caller/],
        ['runTriage', { caller: { kind: 'apiUser', value: 'x' }, at: '2024-05-01T02:30Z', extra: 1 }, /runTriage/],
        ['runTriage', { caller: { kind: 'apiUser', value: 'x' }, toleranceMinutes: -1, at: '2024-05-01T02:30Z' }, /toleranceMinutes/],
        ['runTriage', { caller: { kind: 'apiUser', value: 'x' } }, /give the failure time/],
        ['runTriage', { caller: { kind: 'apiUser', value: 'x' }, at: '2024-05-01T02:30', timeZone: 'Nowhere/Land' }, /unknown time zone/],
        ['getFindings', { from: 'yesterday' }, /from: not a valid time/],
        ['renderTriageReport', { request: { caller: { kind: 'apiUser', value: 'x' }, at: '2024-05-01T02:30Z' }, format: 'pdf' }, /format/],
      ]
      for (const [method, arg, message] of cases) {
        const reply = await dispatch(backend.api, method, arg)
        expect(reply.ok, method).toBe(false)
        if (!reply.ok) {
          expect(reply.error.code).toBe('bad-argument')
          expect(reply.error.message).toMatch(message)
        }
      }
    } finally {
      backend.close()
    }
  })
})

describe('apilog triage / findings', () => {
  let out = ''
  let err = ''
  afterEach(() => vi.restoreAllMocks())

  async function run(args: string[]): Promise<number> {
    out = ''
    err = ''
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true))
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true))
    const code = await main(args)
    vi.restoreAllMocks()
    return code
  }

  async function store(): Promise<string> {
    const path = join(tempDir(), 'store.sqlite')
    const db = openDb(path)
    await loadScenario(db, worlds.credentialChange().scenario)
    db.close()
    return path
  }

  it('prints the verdict as JSON, the report as Markdown, and findings', async () => {
    const db = await store()
    expect(await run(['triage', '--db', db, '--api-user', 'crmsync', '--at', '2024-05-01T10:20', '--tz', 'America/New_York'])).toBe(0)
    expect(JSON.parse(out)).toMatchObject({ verdict: 'request_rejected', cause: 'auth', window: { from: '2024-05-01T13:50:00.000Z' } })
    expect(await run(['triage', '--db', db, '--api-user', 'crmsync', '--from', '2024-05-01T14:00Z', '--to', '2024-05-01T15:00Z', '--function', 'update_lead', '--format', 'md'])).toBe(0)
    expect(out).toContain('# Triage: API user crmsync: Request rejected')
    expect(out).not.toMatch(/Winter2023|Spring2024/)
    expect(await run(['findings', '--db', db, '--format', 'md'])).toBe(0)
    expect(out).toContain('## Error-rate spike: API user crmsync')
    expect(await run(['findings', '--db', db, '--from', '2024-05-01T00:00Z', '--to', '2024-05-01T12:00Z'])).toBe(0)
    expect(JSON.parse(out)).toEqual([])
  })

  it('reports user errors as one line with exit code 1', async () => {
    const db = await store()
    const cases: Array<[string[], string]> = [
      [['triage', '--db', db, '--at', '2024-05-01T10:00Z'], 'apilog: name the failing caller with --api-user (back-office jobs) or --agent-user (agent-screen actions)\n'],
      [['triage', '--db', db, '--api-user', 'a', '--agent-user', 'b', '--at', '2024-05-01T10:00Z'], 'apilog: give --api-user or --agent-user, not both\n'],
      [['triage', '--db', db, '--api-user', 'a', '--at', '2024-05-01T10:00Z', '--from', '2024-05-01T09:00Z'], 'apilog: give --at, or --from and --to, not both\n'],
      [['triage', '--db', db, '--api-user', 'a', '--at', '2024-05-01T10:00', '--tz', 'Mars/Base'], 'apilog: timeZone: unknown time zone "Mars/Base" (use an IANA name such as Europe/Berlin, or an offset such as +02:00)\n'],
      [['triage', '--db', db, '--api-user', 'a', '--at', 'noon'], 'apilog: at: not a valid time: "noon" (use ISO-8601, e.g. 2024-05-01T09:05 or 2024-05-01T13:05Z)\n'],
      [['triage', '--db', db, '--api-user', 'a', '--at', '2024-05-01T10:00Z', '--tolerance', 'ten'], 'apilog: --tolerance: expected whole minutes, got "ten"\n'],
      [['triage', '--db', db, '--api-user', 'a', '--at', '2024-05-01T10:00Z', '--format', 'pdf'], 'apilog: --format: "pdf" is not one of json, md, html\n'],
      [['findings', '--db', db, '--from', 'yesterday'], 'apilog: --from: not a valid time: "yesterday" (use ISO-8601, e.g. 2024-05-01T10:00:00Z)\n'],
      [['findings', '--db', join(tempDir(), 'missing.sqlite')], ''],
    ]
    for (const [args, message] of cases) {
      expect(await run(args), args.join(' ')).toBe(1)
      if (message) expect(err).toBe(message)
      else expect(err).toMatch(/^apilog: no store at .*\n$/)
      expect(out).toBe('')
    }
  })
})
