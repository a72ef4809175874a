import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { csvImporter } from '../../../src/main/importers/csv'
import { detectFormat } from '../../../src/main/importers/index'
import { vicidialImporter } from '../../../src/main/importers/vicidial'
import { resultOf, runTimeMs, userId } from '../../../src/main/importers/vicidial/api-log-row'
import { ApiUrlCache, MAX_CACHED_URLS } from '../../../src/main/importers/vicidial/api-url-cache'
import { classifyVicidial } from '../../../src/main/importers/vicidial/detect-vicidial'
import { nextTuple } from '../../../src/main/importers/vicidial/mysql-tuples'
import { fitCells, splitQuotedLine } from '../../../src/main/importers/vicidial/report-parser'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { importIntoMemory, tempDir } from '../helpers/store'

const FIXTURES = join(__dirname, '../../fixtures/vicidial')
const DEMO = join(__dirname, '../../../resources/samples/vicidial-api-log-demo.csv')
const HEADER = '"API DATE","USER","API SCRIPT","FUNCTION","AGENT USER","VALUE","RESULT","RESULT REASON","SOURCE","DATA","RUN TIME","WEBSERVER","API URL"'
const ROW = '"2024-03-12 09:00:01","6666 - Admin User","non-agent","version","","","SUCCESS","version","test","VERSION: 2.14|","0.004129","1","1"'

interface Collected {
  entries: EntryRecord[]
  errors: Array<{ position: number; message: string }>
  skipped: number
  mapping: Record<string, string> | null
}

async function parseText(text: string, chunk = text.length, wall = (ms: number) => ms): Promise<Collected> {
  const out: Collected = { entries: [], errors: [], skipped: 0, mapping: null }
  async function* chunks() {
    for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk)
  }
  await vicidialImporter.parse(chunks(), {
    fileName: 'x',
    timeZone: 'UTC',
    wall,
    sink: {
      add: (e) => out.entries.push(e),
      error: (position, message) => out.errors.push({ position, message }),
      skip: () => out.skipped++,
      setMapping: (m) => (out.mapping = m),
    },
  })
  return out
}

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')

describe('vicidial detection', () => {
  it.each([
    ['report with preamble', `"API ACCESS LOG REPORT"\n"API DATE RANGE:","2024-03-12 00:00:00 to 2024-03-12 23:59:59"\n\n${HEADER}\n`, 'report'],
    ['translated preamble', fixture('api-log-report-translated.csv'), 'report'],
    ['report without preamble', `${HEADER}\n${ROW}\n`, 'report'],
    ['translated header without preamble', `${HEADER.replace('API DATE', 'FECHA API').replace('"USER"', '"USUARIO"').replace('API SCRIPT', 'SCRIPT API')}\n${ROW}\n`, 'report'],
    ['re-saved report', `API ACCESS LOG REPORT\nAPI DATE RANGE:,2024-03-12 00:00:00 to 2024-03-12 23:59:59\n\n${HEADER.replace(/"/g, '')}\n`, 'report-rfc'],
    ['mysqldump', fixture('mysqldump-vicidial_api_log.sql'), 'sql'],
    ['phpMyAdmin', fixture('phpmyadmin-urls-first.sql'), 'sql'],
    ['mysql -e', fixture('mysql-e-api-log.tsv'), 'table-tsv'],
    ['table CSV', fixture('table-export.csv'), 'table-csv'],
  ])('recognises a %s (0.98)', (_name, head, variant) => {
    expect(classifyVicidial(head)).toBe(variant)
    expect(vicidialImporter.detect(head, 'x')).toEqual({ kind: 'match', confidence: 0.98 })
    expect(detectFormat(head, 'x').importer?.id).toBe('vicidial')
  })

  it('leaves other CSVs alone, even fully quoted ones with a date first', () => {
    const workato = '"Date","Type","Code","Status","Gateway code","Status details","IP","Timing","Latency","API collection","Endpoint","Client","Job details"\n"2024-05-14 10:00:00","Success","200","OK","","","1.2.3.4","3 ms","1 ms","A","GET /x","c",""\n'
    expect(vicidialImporter.detect(workato, 'x').kind).toBe('no-match')
    expect(detectFormat(workato, 'x').importer?.id).toBe('csv')
    expect(vicidialImporter.detect('INSERT INTO `vicidial_list` VALUES (1);\n', 'x').kind).toBe('no-match')
  })

  it('keeps the csv importer off the report', () => {
    expect(csvImporter.detect(`"API ACCESS LOG REPORT"\n"API DATE RANGE:","2024-03-12 00:00:00 to 2024-03-12 23:59:59"\n\n${HEADER}\n`, 'x').kind).toBe('no-match')
  })
})

describe('row values', () => {
  it('takes the user id before " - Full Name" (cut to 30 characters by the report)', () => {
    expect(userId('leadimport - Nightly Lead Impo')).toBe('leadimport')
    expect(userId('6666')).toBe('6666')
    expect(userId(' ')).toBeNull()
  })

  it('maps results case-insensitively; unknown words are notices', () => {
    expect(['SUCCESS', 'error', 'Notice', 'ÉXITO', ''].map(resultOf)).toEqual(['success', 'error', 'notice', 'notice', 'notice'])
  })

  it('turns run_time seconds into milliseconds', () => {
    expect(['0.004129', '1.5', '0', '', 'abc', '0.1'].map(runTimeMs)).toEqual([4.129, 1500, 0, null, null, 100])
  })
})

describe('API Log Report', () => {
  it('splits quote-wrapped rows on "," without RFC 4180 unescaping', () => {
    expect(splitQuotedLine('"a","b "quoted" c","d"')).toEqual(['a', 'b "quoted" c', 'd'])
    expect(splitQuotedLine('a,b')).toBeNull()
    expect(fitCells(['1', '2', 'x', 'y', '5'], 4, 2)).toEqual(['1', '2', 'x","y', '5'])
  })

  it('imports the fixture: lone quotes, a "," inside VALUE, a multi-line DATA, broken rows at their lines', async () => {
    const { result, rows, detail } = await importIntoMemory(join(FIXTURES, 'api-log-report.csv'), { timeZone: 'America/New_York' })
    expect([result.imported, result.skipped, result.errors]).toEqual([
      8,
      6,
      [
        { position: 15, message: '7 of 13 report columns (row cut short or malformed)' },
        { position: 17, message: 'unrecognised API date "2024-03-12 25:61:00"' },
      ],
    ])
    expect(rows.map((r) => [r.position, r.ts, r.apiUser, r.agentUser, r.function, r.result])).toEqual([
      [7, '2024-03-12T13:00:01.000Z', '6666', null, 'version', 'success'],
      [8, '2024-03-12T13:01:15.000Z', 'apiuser', '1001', 'external_status', 'success'],
      [9, '2024-03-12T13:02:30.000Z', 'apiuser', '1002', 'external_dial', 'error'],
      [10, '2024-03-12T13:03:00.000Z', '6666', null, 'add_lead', 'notice'],
      [11, '2024-03-12T13:04:12.000Z', '6666', null, 'update_lead', 'error'],
      [12, '2024-03-12T13:05:00.000Z', 'apiuser', '1003', 'external_status', 'success'],
      [13, '2024-03-12T13:06:40.000Z', '6666', null, 'lead_all_info', 'success'],
      [16, '2024-03-12T13:08:00.000Z', 'apiuser', '1004', 'logout', 'error'],
    ])
    expect(rows[4].resultReason).toBe('update_lead NO MATCHES FOUND IN THE SYSTEM - vendor_lead_code "X-77"')
    expect(detail(5)).toMatchObject({ resultReason: 'external_status function set', origin: 'crm', responseBody: 'CALLBK|1003', durationMs: 10.441 })
    expect(detail(5).raw).toContain('"note: "urgent","call back"","SUCCESS"')
    expect(detail(6)).toMatchObject({ responseBody: 'status|user|vendor_lead_code\nSALE|1001|WEB-88044', durationMs: 17.2, statusCode: null })
    expect(detail(6).raw).toBe(
      '"2024-03-12 09:06:40","6666 - Admin User","non-agent","lead_all_info","","","SUCCESS","lead_all_info LEAD FOUND","crm","status|user|vendor_lead_code\nSALE|1001|WEB-88044","0.0172","1","1"',
    )
  })

  it('reads the "show URLs" layout: URL variables, REMOTE IP and the full URL with its password', async () => {
    const { rows, result, detail } = await importIntoMemory(join(FIXTURES, 'api-log-report-urls.csv'), { keepSecrets: true })
    expect(result.errors).toEqual([{ position: 10, message: 'not a report row: it does not start with a quote' }])
    expect(rows.map((r) => [r.apiUser, r.clientIp, r.host, r.path])).toEqual([
      ['crmsync', '203.0.113.40', 'dialer.example.com', '/vicidial/non_agent_api.php'],
      ['crmsync', '203.0.113.40', 'dialer.example.com', '/vicidial/non_agent_api.php'],
      ['crmwidget', '192.168.50.107', 'dialer.example.com:8443', '/agc/api.php'],
      ['webform', '198.51.100.50', 'dialer.example.com', '/vicidial/non_agent_api.php'],
      ['monitor', null, 'dialer.example.com', '/vicidial/non_agent_api.php'],
    ])
    expect(rows[1].url).toBe(
      'http://dialer.example.com/vicidial/non_agent_api.php?source=crm_sync&user=crmsync&pass=CrmSync2024Q1&function=update_lead&lead_id=2231107&status=NI',
    )
    expect(detail(1)).toMatchObject({ requestBody: null, responseBody: 'crmsync|BAD|', resultReason: 'Invalid Username/Password' })
  })

  it('places translated columns by position', async () => {
    const out = await parseText(fixture('api-log-report-translated.csv'))
    expect(out.mapping).toMatchObject({ 'FECHA API': 'ts', USUARIO: 'apiUser', 'FUNCIÓN': 'function', 'TIEMPO DE EJECUCIÓN': 'durationMs' })
    expect(out.entries.map((e) => [e.position, e.apiUser, e.agentUser, e.function, e.result, e.durationMs])).toEqual([
      [6, 'apiuser', '1001', 'external_pause', 'success', 7.1],
      [7, 'apiuser', '1001', 'external_hangup', 'error', 2.5],
    ])
  })

  it.each([
    ['no filter lines', ['"API ACCESS LOG REPORT"', '"API DATE RANGE:","2024-03-12 00:00:00 to 2024-03-12 23:59:59"', '']],
    ['every filter line', [
      '"API ACCESS LOG REPORT"', '"API DATE RANGE:","2024-03-12 00:00:00 to 2024-03-12 23:59:59"', '"USERS:","6666"',
      '"AGENT USERS:","1001, 1002"', '"FUNCTIONS:","version"', '"RESULTS:","SUCCESS"', '',
    ]],
    ['no preamble', []],
    ['blank lines first', ['', '', '"API ACCESS LOG REPORT"', '"API DATE RANGE:","2024-03-12 00:00:00 to 2024-03-12 23:59:59"', '']],
  ])('handles a preamble with %s', async (_name, preamble) => {
    const out = await parseText([...preamble, HEADER, ROW, ''].join('\n'))
    expect(out.errors).toEqual([])
    expect(out.skipped).toBe(preamble.length + 1)
    expect(out.entries.map((e) => [e.position, e.apiUser, e.function, e.durationMs])).toEqual([[preamble.length + 2, '6666', 'version', 4.129]])
  })

  it('reads a report re-saved by a spreadsheet (RFC 4180 quoting, semicolons)', async () => {
    const text = ['API ACCESS LOG REPORT', 'API DATE RANGE:;2024-03-12 00:00:00 to 2024-03-12 23:59:59', '', HEADER.replace(/"/g, '').replace(/,/g, ';'),
      '2024-03-12 09:00:01;6666 - Admin User;non-agent;version;;;SUCCESS;version;test;"VERSION: 2.14; ""beta""";0.004129;1;1', ''].join('\r\n')
    const out = await parseText(text)
    expect(out.entries.map((e) => [e.position, e.apiUser, e.responseBody])).toEqual([[5, '6666', 'VERSION: 2.14; "beta"']])
  })

  it('gives the same entries whatever the chunk boundaries', async () => {
    const text = fixture('api-log-report.csv')
    const whole = await parseText(text)
    for (const size of [1, 7, 64]) expect(await parseText(text, size)).toEqual(whole)
  })

  it('rejects a file that has a preamble but no header row', async () => {
    await expect(parseText('"API ACCESS LOG REPORT"\n"API DATE RANGE:","2024-03-12 00:00:00 to 2024-03-12 23:59:59"\n')).rejects.toThrow(
      'no API Log Report header row',
    )
  })
})

describe('vicidial_api_log dumps', () => {
  it('reads VALUES tuples with MySQL escapes, NULL and charset prefixes', () => {
    const text = `(1,'It\\'s ''ok''','a\\nb\\tc\\\\d\\Z',NULL, _utf8mb4'x' ,-2.5),(2)`
    const first = nextTuple(text, 0)
    expect(first).toEqual({ kind: 'tuple', values: ['1', "It's 'ok'", 'a\nb\tc\\d\x1a', null, 'x', '-2.5'], start: 0, end: text.indexOf(',(2)') })
    expect(nextTuple(text, first.kind === 'tuple' ? first.end : 0)).toMatchObject({ kind: 'tuple', values: ['2'] })
    expect(nextTuple("(1,'open", 0)).toEqual({ kind: 'incomplete', start: 0 })
    expect(nextTuple(';', 0)).toEqual({ kind: 'end', end: 1 })
  })

  it('imports a mysqldump: escapes, NULLs, a zero date and a short tuple reported at their line', async () => {
    const { result, rows, detail } = await importIntoMemory(join(FIXTURES, 'mysqldump-vicidial_api_log.sql'))
    expect([result.format, result.imported, result.errors]).toEqual([
      'vicidial',
      6,
      [
        { position: 46, message: 'unrecognised API date "0000-00-00 00:00:00"' },
        { position: 46, message: '3 values for 14 columns of vicidial_api_log' },
      ],
    ])
    expect(rows.map((r) => [r.position, r.correlationId, r.result, r.durationMs, r.url])).toEqual([
      [45, '1038', 'success', 4.129, null],
      [45, '1039', 'success', 54.21, null],
      [45, '1040', 'error', 3.1, null],
      [45, '1041', 'notice', 0, null],
      [46, '1043', 'error', 3.112, null],
      [46, '1045', 'error', 2.51, null],
    ])
    expect(detail(2).responseBody).toBe('line one\nline two\r\ntab\there back\\slash \x1a end')
    expect(detail(2).raw).toContain(`'It\\'s a \\"SALE\\"'`)
    expect(detail(3).responseBody).toBeNull()
  })

  it('joins vicidial_api_urls rows that come before the log rows', async () => {
    const { rows, result } = await importIntoMemory(join(FIXTURES, 'phpmyadmin-urls-first.sql'), { keepSecrets: true })
    expect(result.errors).toEqual([])
    expect(rows.map((r) => [r.position, r.correlationId, r.clientIp, r.url])).toEqual([
      [35, '2001', '203.0.113.40', 'http://dialer.example.com/vicidial/non_agent_api.php?source=crm_sync&user=crmsync&pass=CrmSync2024Q1&function=update_lead&lead_id=2231044&status=SALE'],
      [36, '2002', '203.0.113.40', 'http://dialer.example.com/vicidial/non_agent_api.php?source=crm_sync&user=crmsync&pass=CrmSync2024Q1&function=update_lead&lead_id=2231107&status=NI'],
      [37, '2003', null, null],
    ])
  })

  it('carries a tuple split over lines by a literal line break', async () => {
    const sql = "INSERT INTO vicidial_api_log VALUES\n(7,'u','2024-03-12 09:00:00','agent','external_status','1001','SALE','SUCCESS','ok','crm','first\nsecond','0.01',1,2),\n(8,'u','2024-03-12 09:00:01','agent','logout','1001','','ERROR','no','crm','','0.002',1,2);\nUNLOCK TABLES;\n"
    const out = await parseText(sql, 5)
    expect(out.errors).toEqual([])
    expect(out.entries.map((e) => [e.position, e.correlationId, e.responseBody])).toEqual([[2, '7', 'first\nsecond'], [4, '8', null]])
  })

  it('keeps at most MAX_CACHED_URLS unjoined URL rows', () => {
    const cache = new ApiUrlCache()
    for (let i = 0; i <= MAX_CACHED_URLS; i++) cache.put(String(i), 'http://x/', '1.2.3.4')
    expect(cache.take('0')).toEqual({ url: 'http://x/', remoteIp: '1.2.3.4' })
    expect(cache.take('0')).toBeNull()
    expect(cache.take(String(MAX_CACHED_URLS))).toBeNull()
  })
})

describe('table exports', () => {
  it('reads `mysql -e` TSV: escapes, NULL, joined url / remote_ip columns, a bad row at its line', async () => {
    const { rows, result, detail } = await importIntoMemory(join(FIXTURES, 'mysql-e-api-log.tsv'), { keepSecrets: true })
    expect(result.errors).toEqual([{ position: 5, message: 'unrecognised API date "later"' }])
    expect(rows.map((r) => [r.position, r.correlationId, r.clientIp, r.durationMs])).toEqual([
      [2, '3001', '192.168.50.104', 11],
      [3, '3002', null, 4],
      [4, '3003', '10.10.0.21', 1500],
    ])
    expect(detail(1).responseBody).toBeNull()
    expect(detail(2).responseBody).toBe('first\nsecond\tcol \\ end')
    expect(rows[0].url).toBe('http://dialer.example.com/agc/api.php?source=crm&user=apiuser&pass=1234&agent_user=1004&function=external_pause&value=PAUSE')
  })

  it('reads a CSV export of the table with RFC 4180 quoting and NULL', async () => {
    const { rows, detail } = await importIntoMemory(join(FIXTURES, 'table-export.csv'))
    expect(rows.map((r) => [r.correlationId, r.apiUser, r.agentUser, r.result, r.durationMs])).toEqual([
      ['4001', '6666', null, 'success', 3],
      ['4002', 'apiuser', '1005', 'error', 2.9],
      ['4003', 'apiuser', '1005', 'success', 12],
    ])
    expect(detail(1).responseBody).toBeNull()
    expect(detail(2).raw).toContain('"He said ""call me"", then hung up"')
  })
})

describe('demo log (resources/samples)', () => {
  const text = readFileSync(DEMO, 'utf8')
  const dataLines = text.split('\n').filter((l) => /^"2024-03-12 \d\d:\d\d:\d\d","/.test(l))

  it('is what scripts/make-demo-log.mjs writes', async () => {
    const { execFileSync } = await import('node:child_process')
    const out = join(tempDir(), 'demo.csv')
    execFileSync(process.execPath, [join(__dirname, '../../../scripts/make-demo-log.mjs'), out])
    expect(readFileSync(out, 'utf8')).toBe(text)
  })

  it('imports every row with exact counts per API user, function and result', async () => {
    const { result, rows } = await importIntoMemory(DEMO, { timeZone: 'America/New_York' })
    expect([result.format, result.imported, result.skipped, result.errorCount]).toEqual(['vicidial', 1541, 4, 0])
    expect(rows).toHaveLength(dataLines.length)
    const counts: Record<string, number> = {}
    for (const r of rows) counts[`${r.apiUser} ${r.function} ${r.result}`] = (counts[`${r.apiUser} ${r.function} ${r.result}`] ?? 0) + 1
    expect(counts).toEqual({
      'monitor version success': 144,
      'leadimport add_lead success': 357,
      'crmsync update_lead success': 121,
      'crmsync update_lead error': 234,
      'crmwidget external_dial success': 291,
      'crmwidget external_status success': 291,
      'crmwidget external_pause success': 84,
      'crmwidget external_pause notice': 7,
      'crmwidget logout error': 12,
    })
    expect(new Set(rows.filter((r) => r.agentUser).map((r) => r.agentUser)).size).toBe(12)
    // the file's first and last rows: 00:00:01 and 23:50:04 dialer time (EDT, UTC-4)
    expect([rows[0].ts, rows[rows.length - 1].ts]).toEqual(['2024-03-12T04:00:01.000Z', '2024-03-13T03:50:04.000Z'])
  })

  it('tells the story: a silent hour for leadimport, crmsync failing from 14:05 local time', async () => {
    const { rows } = await importIntoMemory(DEMO, { timeZone: 'America/New_York' })
    const local = (iso: string | null) => new Date(Date.parse(iso as string) - 4 * 3600_000).toISOString().slice(11, 19)
    const imports = rows.filter((r) => r.apiUser === 'leadimport').map((r) => local(r.ts))
    expect(imports.filter((t) => t >= '02:00:00' && t < '03:00:00')).toEqual([])
    expect([imports[0] < '02:00:00', imports.some((t) => t > '03:00:00')]).toEqual([true, true])
    const sync = rows.filter((r) => r.apiUser === 'crmsync')
    const lastSuccess = sync.filter((r) => r.result === 'success').map((r) => local(r.ts)).pop() as string
    const firstError = sync.find((r) => r.result === 'error')
    expect(lastSuccess < '14:05:00').toBe(true)
    expect(local(firstError?.ts ?? null) >= '14:05:00').toBe(true)
    expect(sync.filter((r) => r.result === 'error').every((r) => r.resultReason === 'Invalid Username/Password')).toBe(true)
    const denied = rows.filter((r) => r.resultReason === 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION')
    expect(denied.map((r) => r.function)).toEqual(Array(12).fill('logout'))
  })

  it('keeps the password quirk of the logged URLs (redaction is a later step)', async () => {
    const { rows } = await importIntoMemory(DEMO, { keepSecrets: true })
    expect(rows.every((r) => r.url !== null && /[?&]pass=[^&]+/.test(r.url))).toBe(true)
    expect(rows.find((r) => r.apiUser === 'crmsync')?.url).toContain('pass=CrmSync2024Q1')
  })
})

describe('vicidial through the pipeline', () => {
  it('writes the mapping used onto the source', async () => {
    const path = join(tempDir(), 'report.csv')
    writeFileSync(path, `${HEADER}\n${ROW}\n`)
    const { db, result } = await importIntoMemory(path)
    expect(result.imported).toBe(1)
    const { mapping } = db.prepare('SELECT mapping FROM sources').get() as { mapping: string }
    expect(JSON.parse(mapping)).toEqual({
      'API DATE': 'ts', USER: 'apiUser', 'API SCRIPT': 'service', FUNCTION: 'function', 'AGENT USER': 'agentUser',
      RESULT: 'result', 'RESULT REASON': 'resultReason', SOURCE: 'origin', DATA: 'responseBody', 'RUN TIME': 'durationMs',
    })
  })
})

describe('dump details', () => {
  it('accepts database-qualified table names and the archive table', async () => {
    const sql = "INSERT INTO `asterisk`.`vicidial_api_log_archive` VALUES (9,'u','2024-03-12 09:00:00','agent','logout','1001','','ERROR','no','crm','','0.002',1,2);\n"
    expect(classifyVicidial(sql)).toBe('sql')
    const out = await parseText(sql)
    expect(out.entries.map((e) => [e.correlationId, e.function, e.result])).toEqual([['9', 'logout', 'error']])
  })
})
