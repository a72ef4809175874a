// Every CSV sample in /work/shared/samples/csv imports completely; counts are checked against an
// independent parser (csv-parse), and a few values per file against the raw text.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { importIntoMemory } from '../helpers/store'

const SAMPLES = join(__dirname, '../../../../shared/samples')
const CSV_DIR = join(SAMPLES, 'csv')
const CLOUDTRAIL = 'Azure-Sentinel_AWS_CloudTrail_Authentication_IngestedLogs.head17.csv'

describe.skipIf(!existsSync(CSV_DIR))('shared CSV samples', () => {
  const files = existsSync(CSV_DIR) ? readdirSync(CSV_DIR).filter((f) => /\.(csv|tsv)$/.test(f)) : []

  it('has the samples this suite knows about', () => {
    expect(files).toContain(CLOUDTRAIL)
  })

  it.each(files)('%s imports one entry per data record', async (file) => {
    const text = readFileSync(join(CSV_DIR, file), 'utf8')
    const records = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]
    const { result } = await importIntoMemory(join(CSV_DIR, file))
    expect(result.failure).toBeNull()
    expect(result.format).toBe('csv')
    expect(result.errorCount).toBe(0)
    expect(result.imported).toBe(records.length - 1)
  })

  it('maps the CloudTrail export of Azure Log Analytics', async () => {
    const { rows, detail, db } = await importIntoMemory(join(CSV_DIR, CLOUDTRAIL), { timeZone: 'America/New_York' })
    // "TimeGenerated [UTC]" is dd/mm/yyyy and UTC whatever --tz says
    expect(rows[0]).toMatchObject({
      position: 2,
      ts: '2025-04-21T09:45:54.000Z',
      apiUser: 'CATTeamIDC',
      function: 'signin.amazonaws.com ConsoleLogin',
      service: 'signin.amazonaws.com',
      result: 'success',
      clientIp: '167.220.238.89',
      tenant: '072643944673',
      correlationId: '190150da-f77d-428f-b699-78e570f2dae3',
      host: 'signin.aws.amazon.com',
    })
    expect(detail(0).responseBody).toBe('{"ConsoleLogin":"Success"}')
    // failed sign-ins carry ErrorMessage without ErrorCode
    expect(rows.filter((r) => r.result === 'error').map((r) => [r.position, r.apiUser, r.resultReason])).toEqual([
      [14, 'sharmamanis', 'Failed authentication'],
      [15, 'sharmamanis', 'Failed authentication'],
      [17, 'CATTeamIDC', 'Failed authentication'],
      [18, 'CATTeamIDC', 'Failed authentication'],
    ])
    expect(detail(12).responseBody).toBe('{"ConsoleLogin":"Failure"}')
    expect(rows[12].ts).toBe('2025-03-29T11:10:09.000Z')
    const firstLine = readFileSync(join(CSV_DIR, CLOUDTRAIL), 'utf8').split('\n')[1]
    expect(detail(0).raw).toBe(firstLine)
    const { mapping } = db.prepare('SELECT mapping FROM sources').get() as { mapping: string }
    expect(JSON.parse(mapping)).toMatchObject({
      'TimeGenerated [UTC]': 'ts',
      EventSource: 'function,service',
      EventName: 'function',
      UserIdentityUserName: 'apiUser',
      ErrorMessage: 'resultReason',
      RecipientAccountId: 'tenant',
    })
  })
})
