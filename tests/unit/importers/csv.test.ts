import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { csvImporter } from '../../../src/main/importers/csv'
import { CsvReader } from '../../../src/main/importers/csv/csv-reader'
import { sniffDialect } from '../../../src/main/importers/csv/dialect'
import { describeColumn } from '../../../src/main/importers/csv/header-names'
import { chooseTimeReader } from '../../../src/main/importers/csv/time-format'
import { parseDuration } from '../../../src/main/importers/csv/value-parsers'
import { detectFormat } from '../../../src/main/importers/index'
import type { EntryRecord } from '../../../src/main/store/entry-record'
import { importIntoMemory, tempDir } from '../helpers/store'

const UTC = (ms: number) => ms

function readAll(text: string, delimiter = ',', chunkSize = text.length) {
  const records: Array<{ fields: string[]; line: number; raw: string }> = []
  const errors: Array<{ line: number; message: string }> = []
  const reader = new CsvReader((fields, line, raw) => records.push({ fields, line, raw }), {
    delimiter,
    onError: (line, message) => errors.push({ line, message }),
  })
  for (let i = 0; i < text.length; i += chunkSize) reader.push(text.slice(i, i + chunkSize))
  reader.end()
  return { records, errors }
}

interface Collected {
  entries: EntryRecord[]
  errors: Array<{ position: number; message: string }>
  skipped: number
  mapping: Record<string, string> | null
}

async function parseText(text: string, options: { mapping?: Record<string, string>; chunk?: number } = {}): Promise<Collected> {
  const out: Collected = { entries: [], errors: [], skipped: 0, mapping: null }
  const chunk = options.chunk ?? text.length
  async function* chunks() {
    for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk)
  }
  await csvImporter.parse(chunks(), {
    fileName: 'test.csv',
    timeZone: 'UTC',
    wall: UTC,
    mapping: options.mapping,
    sink: {
      add: (e) => out.entries.push(e),
      error: (position, message) => out.errors.push({ position, message }),
      skip: () => out.skipped++,
      setMapping: (m) => (out.mapping = m),
    },
  })
  return out
}

function writeTemp(name: string, text: string): string {
  const path = join(tempDir(), name)
  writeFileSync(path, text)
  return path
}

describe('CsvReader', () => {
  const text = 'a,b,c\r\n1,"x, ""y""",3\r\n2,"multi\r\nline",4\r\n\r\n5,6,7'

  it('reads quoted fields, doubled quotes, embedded line breaks; position is the start line', () => {
    const { records, errors } = readAll(text)
    expect(errors).toEqual([])
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', 'x, "y"', '3']],
      [3, ['2', 'multi\r\nline', '4']],
      [5, ['']],
      [6, ['5', '6', '7']],
    ])
    expect(records[2].raw).toBe('2,"multi\r\nline",4')
  })

  it('gives the same records whatever the chunk boundaries', () => {
    const whole = readAll(text).records
    for (const size of [1, 2, 3, 5, 7]) expect(readAll(text, ',', size).records).toEqual(whole)
  })

  it('reports an unclosed quote at its line and reads the following lines again', () => {
    const { records, errors } = readAll('h1,h2\n1,"open\n2,closed\n3,fine\n')
    expect(errors).toEqual([{ line: 2, message: 'unterminated quoted field' }])
    expect(records.map((r) => r.fields)).toEqual([['h1', 'h2'], ['2', 'closed'], ['3', 'fine']])
    expect(records.map((r) => r.line)).toEqual([1, 3, 4])
  })

  it('keeps text after a closing quote and quotes inside unquoted fields as typed', () => {
    expect(readAll('"ab"cd,5" screen\n').records[0].fields).toEqual(['abcd', '5" screen'])
  })

  it('splits on lone CR line breaks when told to', () => {
    const records: string[][] = []
    const reader = new CsvReader((f) => records.push(f), { delimiter: ';', lineBreak: '\r' })
    reader.push('a;b\r1;"x\r"\r2;3')
    reader.end()
    expect(records).toEqual([['a', 'b'], ['1', 'x\r'], ['2', '3']])
  })
})

describe('dialect and header names', () => {
  it.each([
    [',', 'time,user,status\n2024-01-01 00:00:00,a,200\n'],
    ['\t', 'time\tuser, name\tstatus\n2024-01-01 00:00:00\ta, b\t200\n'],
    [';', 'time;user;duration\n2024-01-01 00:00:00;a;"1,5 s"\n'],
    ['|', 'time|user|status\n2024-01-01 00:00:00|a|200\n'],
  ])('detects %j', (delimiter, head) => {
    expect(sniffDialect(head).delimiter).toBe(delimiter)
  })

  it('honours an Excel "sep=" line', () => {
    const dialect = sniffDialect('sep=|\r\na|b\r\n1|2\r\n')
    expect([dialect.delimiter, dialect.skipLines, dialect.records[0]]).toEqual(['|', 1, ['a', 'b']])
  })

  it('folds names and splits unit and zone hints', () => {
    expect(describeColumn('Status details')).toMatchObject({ key: 'statusdetails', unit: null })
    expect(describeColumn('Response Time (s)')).toMatchObject({ baseKey: 'responsetime', unit: 's' })
    expect(describeColumn('latency_ms')).toMatchObject({ baseKey: 'latency', unit: 'ms' })
    expect(describeColumn('elapsedMicros')).toMatchObject({ baseKey: 'elapsed', unit: 'us' })
    expect(describeColumn('TimeGenerated [UTC]')).toMatchObject({ baseKey: 'timegenerated', isUtc: true })
    expect(describeColumn('Resources')).toMatchObject({ baseKey: 'resources', unit: null })
  })
})

describe('values', () => {
  it.each([
    ['350 ms', null, 350], ['1.2 s', null, 1200], ['1,5 s', null, 1500], ['350', null, 350], ['2', 's', 2000],
    ['1500', 'us', 1.5], ['00:00:01.250', null, 1250], ['1m30s', null, 90000], ['0.412s', null, 412],
    ['n/a', null, null], ['', null, null],
  ] as const)('duration %j (unit %s) → %s ms', (text, unit, ms) => {
    expect(parseDuration(text, unit)).toBe(ms)
  })

  it('reads slash dates day-first unless the values or AM/PM say month-first', () => {
    const dayFirst = chooseTimeReader(['03/04/2024 10:00', '13/04/2024 10:00'], UTC)
    expect(new Date(dayFirst!('03/04/2024 10:00')!).toISOString()).toBe('2024-04-03T10:00:00.000Z')
    const monthFirst = chooseTimeReader(['03/04/2024 10:00', '03/14/2024 10:00'], UTC)
    expect(new Date(monthFirst!('03/04/2024 10:00')!).toISOString()).toBe('2024-03-04T10:00:00.000Z')
    const us = chooseTimeReader(['03/04/2024 10:00:00 PM'], UTC)
    expect(new Date(us!('03/04/2024 10:00:00 PM')!).toISOString()).toBe('2024-03-04T22:00:00.000Z')
    const azure = chooseTimeReader(['03/04/2024, 10:00:00.000'], UTC)
    expect(new Date(azure!('03/04/2024, 10:00:00.000')!).toISOString()).toBe('2024-04-03T10:00:00.000Z')
  })

  it('reads ISO with zones, SQL times through the wall clock, epochs, compact and month names', () => {
    const plusTwo = (ms: number) => ms - 2 * 3600_000
    const iso = chooseTimeReader(['2024-05-14T10:00:00.5+02:00'], plusTwo)!
    expect(iso('2024-05-14T10:00:00.5+02:00')).toBe(Date.UTC(2024, 4, 14, 8, 0, 0, 500))
    expect(iso('2024-05-14 10:00:00')).toBe(Date.UTC(2024, 4, 14, 8))
    expect(iso('2024-05-14 10:00:00 UTC')).toBe(Date.UTC(2024, 4, 14, 10))
    expect(chooseTimeReader(['1715680800'], UTC)!('1715680800')).toBe(Date.UTC(2024, 4, 14, 10))
    expect(chooseTimeReader(['20240514100000.250'], UTC)!('20240514100000.250')).toBe(Date.UTC(2024, 4, 14, 10, 0, 0, 250))
    expect(chooseTimeReader(['May 14, 2024 10:22:31 PM'], UTC)!('May 14, 2024 10:22:31 PM')).toBe(Date.UTC(2024, 4, 14, 22, 22, 31))
    expect(chooseTimeReader(['14 May 2024 10:22'], UTC)!('14 May 2024 10:22')).toBe(Date.UTC(2024, 4, 14, 10, 22))
    expect(chooseTimeReader(['350 ms', '12 ms'], UTC)).toBeNull()
    expect(chooseTimeReader(['42', '17'], UTC)).toBeNull()
  })
})

describe('csv detection', () => {
  it('claims header rows with consistent delimiters, higher for known layouts', () => {
    expect(csvImporter.detect('Date,Type,Code,Status,Gateway code,Status details,IP,Timing,Latency,API collection,Endpoint,Client,Job details\n', 'x')).toEqual({ kind: 'match', confidence: 0.8 })
    expect(csvImporter.detect('time,user,status,url\n2024-05-14 10:00:00,a,200,/x\n', 'x')).toEqual({ kind: 'match', confidence: 0.7 })
    expect(csvImporter.detect('alpha,beta\n1,2\n', 'x')).toEqual({ kind: 'match', confidence: 0.6 })
  })

  it.each([
    ['W3C', '#Software: Microsoft IIS\n#Fields: date time cs-method\n2024-01-01 00:00:00 GET\n'],
    ['Zeek', '#separator \\x09\n#fields\tts\tuid\n'],
    ['VICIdial report', '"API ACCESS LOG REPORT"\n"API DATE RANGE:","2024-03-12 00:00:00 to 2024-03-12 23:59:59"\n'],
    ['JSON', '[{"a":1,"b":2}]\n'],
    ['access log', '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a, b HTTP/1.0" 200 2326\n'],
    ['headerless', '2024-05-14 10:00:00,GET,/x,200\n2024-05-14 10:00:01,GET,/y,404\n'],
    ['one column', 'just one column\nvalue\n'],
  ])('leaves %s alone', (_name, head) => {
    expect(csvImporter.detect(head, 'x.csv').kind).toBe('no-match')
  })

  it('lets vicidial take a vicidial_api_log table export', () => {
    const head = 'api_id,user,api_date,api_script,function,agent_user,value,result,result_reason,source,data,run_time,webserver,api_url\n'
    expect(csvImporter.detect(head, 'x').kind).toBe('match')
    const picked = detectFormat(head, 'x.csv')
    expect(picked.importer?.id).toBe('vicidial')
  })
})

describe('csv mapping', () => {
  const header = 'When,Who,Op,Outcome,Took\n'
  const rows = '14/05/2024 10:00:00,alice,export,ok,120\n14/05/2024 10:01:00,bob,import,failed,80\n'

  it('rejects a file without a recognised time column, naming the columns and --map', async () => {
    await expect(parseText(header + rows)).rejects.toThrow(
      'no time column recognised among the columns "When", "Who", "Op", "Outcome", "Took"; name it with --map, e.g. --map "When=ts"',
    )
  })

  it('takes --map overrides and extensions and reports the mapping used', async () => {
    const out = await parseText(header + rows, { mapping: { When: 'ts', who: 'apiUser', Op: 'function', Took: 'durationMs' } })
    expect(out.mapping).toEqual({ When: 'ts', Who: 'apiUser', Op: 'function', Outcome: 'result', Took: 'durationMs' })
    expect(out.entries.map((e) => [e.ts, e.apiUser, e.function, e.result, e.durationMs])).toEqual([
      [Date.UTC(2024, 4, 14, 10), 'alice', 'export', 'success', 120],
      [Date.UTC(2024, 4, 14, 10, 1), 'bob', 'import', 'error', 80],
    ])
  })

  it('moves a column to another field, or out of the mapping', async () => {
    const text = 'time,user,client\n2024-05-14 10:00:00,alice,mobile\n'
    expect((await parseText(text)).entries[0]).toMatchObject({ apiUser: 'alice', origin: null })
    const moved = await parseText(text, { mapping: { client: 'apiUser', user: 'agentUser' } })
    expect(moved.entries[0]).toMatchObject({ apiUser: 'mobile', agentUser: 'alice' })
    const ignored = await parseText(text, { mapping: { user: 'ignore' } })
    expect(ignored.mapping).toEqual({ time: 'ts', client: 'apiUser' })
  })

  it('rejects an unknown column or field with the valid names', async () => {
    await expect(parseText(header + rows, { mapping: { Nope: 'ts' } })).rejects.toThrow(
      '--map Nope=ts: no column "Nope" (columns: "When", "Who", "Op", "Outcome", "Took")',
    )
    await expect(parseText(header + rows, { mapping: { When: 'timestampz' } })).rejects.toThrow(
      '--map When=timestampz: unknown field "timestampz" (fields: ts, apiUser, agentUser, function, result,',
    )
  })

  it('decides what "status" and "code" mean from their values', async () => {
    const words = await parseText('time,status,code\n2024-05-14 10:00:00,FAILED,E_AUTH\n2024-05-14 10:00:01,OK,\n')
    expect(words.mapping).toEqual({ time: 'ts', status: 'result', code: 'errorCode' })
    expect(words.entries.map((e) => [e.result, e.errorCode])).toEqual([['error', 'E_AUTH'], ['success', null]])
    const codes = await parseText('time,status\n2024-05-14 10:00:00,200 OK\n2024-05-14 10:00:01,503 Service Unavailable\n')
    expect(codes.entries.map((e) => [e.statusCode, e.statusText, e.result])).toEqual([
      [200, 'OK', 'success'],
      [503, 'Service Unavailable', 'error'],
    ])
  })

  it('keeps unknown columns only in raw, and splits request lines and URLs', async () => {
    const out = await parseText('timestamp,request,status,secret_sauce\n2024-05-14T10:00:00Z,GET https://h.example/a/42?x=1 HTTP/1.1,200,ketchup\n')
    expect(out.mapping).toEqual({ timestamp: 'ts', request: 'url', status: 'statusCode' })
    expect(out.entries[0]).toMatchObject({
      method: 'GET', url: 'https://h.example/a/42?x=1', host: 'h.example', path: '/a/42', function: 'GET /a/{id}',
      raw: '2024-05-14T10:00:00Z,GET https://h.example/a/42?x=1 HTTP/1.1,200,ketchup',
    })
  })

  it('derives the result: own word, then status, then error columns, blank status = no response', async () => {
    const out = await parseText(
      'time,status,error_code,error_message\n' +
        '2024-05-14 10:00:00,200,,\n2024-05-14 10:00:01,,,\n2024-05-14 10:00:02,204,E1,\n',
    )
    expect(out.entries.map((e) => e.result)).toEqual(['success', 'error', 'success'])
    const noStatus = await parseText('time,user,error_message\n2024-05-14 10:00:00,a,\n2024-05-14 10:00:01,b,boom\n')
    expect(noStatus.entries.map((e) => [e.result, e.resultReason])).toEqual([['success', null], ['error', 'boom']])
  })

  it('reads a "[UTC]" column as UTC whatever the wall clock', async () => {
    const out: EntryRecord[] = []
    await csvImporter.parse(
      (async function* () {
        yield 'TimeGenerated [UTC],EventName\n21/04/2025, 09:45:54.000,Login\n'.replace('21/04/2025, 09:45:54.000', '"21/04/2025, 09:45:54.000"')
      })(),
      {
        fileName: 'x', timeZone: '+02:00', wall: (ms) => ms - 7200_000,
        sink: { add: (e) => out.push(e), error: () => {}, skip: () => {}, setMapping: () => {} },
      },
    )
    expect(out[0].ts).toBe(Date.UTC(2025, 3, 21, 9, 45, 54))
  })

  it('reports a row with extra fields and a bad time at their lines while the rest import', async () => {
    const out = await parseText('time,user\n2024-05-14 10:00:00,a\n2024-05-14 10:00:01,b,c\nyesterday,d\n2024-05-14 10:00:03,e\n')
    expect(out.errors).toEqual([
      { position: 3, message: '3 fields but the header has 2' },
      { position: 4, message: 'unrecognised time "yesterday" in column "time"' },
    ])
    expect(out.entries.map((e) => [e.position, e.apiUser])).toEqual([[2, 'a'], [5, 'e']])
  })

  it('skips a repeated header (concatenated exports) and blank lines', async () => {
    const out = await parseText('time,user\n2024-05-14 10:00:00,a\n\ntime,user\n2024-05-14 10:00:01,b\n')
    expect([out.entries.length, out.skipped, out.errors]).toEqual([2, 3, []])
  })
})

describe('csv streaming', () => {
  it('imports a file larger than the sample and read buffers with exact positions', async () => {
    const lines = ['Date,Type,Code,Status,Gateway code,Status details,IP,Timing,Latency,API collection,Endpoint,Client,Job details']
    for (let i = 0; i < 3000; i++) {
      const t = new Date(Date.UTC(2024, 4, 14) + i * 1000).toISOString()
      const details = i % 10 === 0 ? '"Recipe is inactive,\nstart it"' : ''
      lines.push(`${t},${i % 10 === 0 ? 'Error' : 'Success'},${i % 10 === 0 ? 404 : 200},x,,${details},10.0.0.${i % 250},${i} ms,1 ms,C,GET /a,client-${i % 3},`)
    }
    const text = lines.join('\n') + '\n'
    const out = await parseText(text, { chunk: 4099 })
    expect(out.errors).toEqual([])
    expect(out.entries).toHaveLength(3000)
    // every 10th row spans two lines, so row i starts on line 2 + i + ceil(i / 10)
    for (const i of [0, 1, 9, 10, 11, 2999]) {
      expect(out.entries[i].position).toBe(2 + i + Math.ceil(i / 10))
      expect(out.entries[i].durationMs).toBe(i)
    }
    expect(out.entries.filter((e) => e.result === 'error')).toHaveLength(300)
  })

  it('imports through the pipeline and stores the mapping on the source', async () => {
    const path = writeTemp('api.csv', 'time,user,status\n2024-05-14 10:00:00,a,200\n2024-05-14 10:00:01,b,500\n')
    const { result, rows, db, detail } = await importIntoMemory(path, { timeZone: 'Europe/Berlin' })
    expect([result.format, result.imported, result.skipped]).toEqual(['csv', 2, 1])
    expect(rows.map((r) => [r.ts, r.apiUser, r.result])).toEqual([
      ['2024-05-14T08:00:00.000Z', 'a', 'success'],
      ['2024-05-14T08:00:01.000Z', 'b', 'error'],
    ])
    expect(detail(1).raw).toBe('2024-05-14 10:00:01,b,500')
    const source = db.prepare('SELECT mapping FROM sources').get() as { mapping: string }
    expect(JSON.parse(source.mapping)).toEqual({ time: 'ts', user: 'apiUser', status: 'statusCode' })
  })
})

describe('CsvReader limits', () => {
  it('reads a quoted field far longer than the chunks in linear time', () => {
    const big = 'x'.repeat(2_000_000)
    const started = Date.now()
    const { records, errors } = readAll(`a,b\n1,"${big}"\n2,3\n`, ',', 1024)
    expect(errors).toEqual([])
    expect(records.map((r) => [r.line, r.fields[0], r.fields[1].length])).toEqual([[1, 'a', 1], [2, '1', 2_000_000], [3, '2', 1]])
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('gives up on a record longer than the limit and resumes on its next line', () => {
    const records: string[][] = []
    const errors: number[] = []
    const reader = new CsvReader((f) => records.push(f), { delimiter: ',', maxRecordChars: 100, onError: (line) => errors.push(line) })
    reader.push('a,b\n1,"never closed\n')
    for (let i = 0; i < 20; i++) reader.push(`${i},y\n`)
    reader.end()
    expect(errors).toEqual([2])
    expect(records[0]).toEqual(['a', 'b'])
    expect(records[1]).toEqual(['0', 'y'])
    expect(records).toHaveLength(21)
  })
})

describe('CsvReader over-long lines', () => {
  it('reports a line longer than the limit once and goes on after it', () => {
    const records: Array<[number, string[]]> = []
    const errors: Array<[number, string]> = []
    const reader = new CsvReader((f, line) => records.push([line, f]), { delimiter: ',', maxRecordChars: 50, onError: (l, m) => errors.push([l, m]) })
    reader.push('a,b\n')
    for (let i = 0; i < 10; i++) reader.push('y'.repeat(30))
    reader.push('zz\n1,2\n')
    reader.end()
    expect(errors).toEqual([[2, 'line longer than 50 characters']])
    expect(records).toEqual([[1, ['a', 'b']], [3, ['1', '2']]])
  })
})

describe('csv files without rows', () => {
  it('reports a header-only file as empty rather than as unmappable', async () => {
    const path = join(tempDir(), 'empty.csv')
    writeFileSync(path, 'When,Who\n')
    const { result } = await importIntoMemory(path, { format: 'csv' })
    expect(result.failure).toBe('no API calls found in the file as CSV/TSV')
  })
})
