// Every importer reads the same log the same way whatever its encoding (UTF-8 with or without a
// BOM, UTF-16 LE/BE with a BOM) and line breaks (LF, CRLF, CR); invalid bytes become U+FFFD and
// are counted as an import error at position 0; a NUL is text where the format allows it.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EntryRow, SourceFormat } from '../../../src/shared/types'
import { importIntoMemory, tempDir } from '../helpers/store'

/** A value with accents, CJK and an astral character, so a wrong decoding shows. */
const USER = 'josé-日本-😀'

const LOGS: Record<SourceFormat, { name: string; text: string }> = {
  ndjson: {
    name: 'log.ndjson',
    text: [1, 2, 3].map((i) => `{"time":"2024-05-01T10:00:0${i}Z","method":"GET","url":"/v${i}","status":${i === 2 ? 500 : 200},"user":"${USER}${i}"}`).join('\n') + '\n',
  },
  json: {
    name: 'log.json',
    text: `[\n${[1, 2, 3].map((i) => `  {\n    "time": "2024-05-01T10:00:0${i}Z",\n    "method": "GET",\n    "url": "/v${i}",\n    "status": ${i === 2 ? 500 : 200},\n    "user": "${USER}${i}"\n  }`).join(',\n')}\n]\n`,
  },
  har: {
    name: 'log.har',
    text: `{\n  "log": {\n    "version": "1.2",\n    "entries": [\n${[1, 2, 3]
      .map((i) => `      {\n        "startedDateTime": "2024-05-01T10:00:0${i}Z",\n        "time": 1,\n        "request": {"method": "GET", "url": "https://api.example.com/v${i}/${USER}${i}", "headers": [{"name": "X-User", "value": "${USER}${i}"}]},\n        "response": {"status": ${i === 2 ? 500 : 200}, "headers": [], "content": {"mimeType": "text/plain", "text": "${USER}"}}\n      }`)
      .join(',\n')}\n    ]\n  }\n}\n`,
  },
  csv: {
    name: 'log.csv',
    text: `Date,Type,Code,Status,Endpoint,Client\n${[1, 2, 3].map((i) => `2024-05-01T10:00:0${i}Z,${i === 2 ? 'Error' : 'Success'},${i === 2 ? 500 : 200},OK,GET /v${i},${USER}${i}`).join('\n')}\n`,
  },
  vicidial: {
    name: 'report.csv',
    text: [
      '"API ACCESS LOG REPORT"',
      '"API DATE RANGE:","2024-05-01 00:00:00 to 2024-05-01 23:59:59"',
      '',
      '"API DATE","USER","API SCRIPT","FUNCTION","AGENT USER","VALUE","RESULT","RESULT REASON","SOURCE","DATA","RUN TIME","WEBSERVER","API URL"',
      ...[1, 2, 3].map((i) => `"2024-05-01 10:00:0${i}","${USER}${i}","non-agent","add_lead","","","${i === 2 ? 'ERROR' : 'SUCCESS'}","reason ${i}","crm","","0.01","1","1"`),
    ].join('\n') + '\n',
  },
  'access-log': {
    name: 'access.log',
    text: [1, 2, 3].map((i) => `10.0.0.${i} - user${i} [01/May/2024:10:00:0${i} +0000] "GET /v${i}?u=${USER}${i} HTTP/1.1" ${i === 2 ? 500 : 200} 5 "-" "agent-${USER}"`).join('\n') + '\n',
  },
}

const BREAKS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const
const ENCODINGS: Record<string, (text: string) => Buffer> = {
  'UTF-8': (text) => Buffer.from(text, 'utf8'),
  'UTF-8 with BOM': (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  'UTF-16 LE with BOM': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  'UTF-16 BE with BOM': (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
}

const FIELDS = ['ts', 'apiUser', 'function', 'result', 'statusCode', 'url', 'clientIp'] as const
const summary = (rows: EntryRow[]) => rows.map((row) => Object.fromEntries(FIELDS.map((f) => [f, row[f]])))

async function importBytes(format: SourceFormat, bytes: Buffer) {
  const path = join(tempDir(), LOGS[format].name)
  writeFileSync(path, bytes)
  return importIntoMemory(path)
}

describe.each(Object.keys(LOGS) as SourceFormat[])('%s', (format) => {
  it('reads the same entries in every encoding and with every line break', async () => {
    const baseline = await importBytes(format, Buffer.from(LOGS[format].text))
    expect(baseline.result).toMatchObject({ format, failure: null, imported: 3, errorCount: 0 })
    const expected = summary(baseline.rows)
    expect(JSON.stringify(expected)).toContain(USER)
    for (const [breakName, lineBreak] of Object.entries(BREAKS)) {
      for (const [encodingName, encode] of Object.entries(ENCODINGS)) {
        const imported = await importBytes(format, encode(LOGS[format].text.replace(/\n/g, lineBreak)))
        const label = `${encodingName}, ${breakName}`
        expect(imported.result, label).toMatchObject({ format, failure: null, imported: 3, errorCount: 0 })
        expect(summary(imported.rows), label).toEqual(expected)
      }
    }
  })

  it('replaces invalid bytes with U+FFFD, counts them as an error at position 0, and keeps the record', async () => {
    const text = LOGS[format].text
    const at = Buffer.from(text.slice(0, text.indexOf(`${USER}2`) + 4))
    const bytes = Buffer.concat([at, Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(text).subarray(at.length)])
    const imported = await importBytes(format, bytes)
    expect(imported.result).toMatchObject({ format, failure: null, imported: 3, errorCount: 1 })
    expect(imported.result.errors).toEqual([{ position: 0, message: "2 invalid byte sequence(s) for the file's encoding were replaced by U+FFFD" }])
    const second = imported.detail(1)
    expect(second.raw).toContain('josé\uFFFD\uFFFD(-日本')
  })
})

describe('NUL bytes', () => {
  it.each<[SourceFormat, number]>([
    ['csv', 0],
    ['vicidial', 0],
    ['access-log', 0],
    // a raw control character inside a JSON string is invalid JSON: that one record is an error
    ['ndjson', 1],
  ])('%s: a NUL inside a value is kept as text (or that record reported)', async (format, errors) => {
    const text = LOGS[format].text.replace(`${USER}2`, `${USER}\u00002`)
    const imported = await importBytes(format, Buffer.from(text))
    expect(imported.result).toMatchObject({ format, failure: null, imported: 3 - errors, errorCount: errors })
    if (errors === 0) expect(imported.detail(1).raw).toContain(`${USER}\u00002`)
    else expect(imported.result.errors[0]).toEqual({ position: 2, message: expect.stringMatching(/^not valid JSON: Bad control character/) })
  })
})
