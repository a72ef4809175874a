// Every shared access-log sample (and Zeek http.log) imports whole: imported + skipped equals the file's
// line count, counted here independently of the importer, with exact status tallies and field values.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EntryRow } from '../../../src/shared/types'
import { importIntoMemory, type Imported } from '../helpers/store'

const SAMPLES = join(__dirname, '../../../../shared/samples')
const DIRS = ['access-log', 'other'].map((d) => join(SAMPLES, d))

/** Lines as a text editor counts them (a last line without a break counts; a final break adds none). */
function lines(path: string): string[] {
  const all = readFileSync(path, 'utf8').split(/\r\n|\r|\n/)
  if (all[all.length - 1] === '') all.pop()
  return all
}

/** Which lines are requests, judged by a simple independent rule per file. */
function isRequestLine(file: string, line: string): boolean {
  if (file.includes('haproxy')) return / "[A-Z]+ \S+ HTTP\/1\.[01]"$/.test(line)
  if (file.includes('uwsgi')) return line.startsWith('[pid: ')
  return line.trim() !== '' && !line.startsWith('#')
}

function tally(imported: Imported): Record<string, number> {
  const rows = imported.db
    .prepare('SELECT status_code AS status, count(*) AS n FROM entries GROUP BY status_code')
    .all() as Array<{ status: number | null; n: number }>
  return Object.fromEntries(rows.map((r) => [String(r.status), r.n]))
}

const at = (rows: EntryRow[], position: number) => rows.find((r) => r.position === position)

type Check = (imported: Imported) => void

const CHECKS: Record<string, Check> = {
  apache_logs: (imported) => {
    expect(tally(imported)).toEqual({
      200: 9126, 304: 445, 404: 213, 301: 164, 206: 45, 500: 3, 416: 2, 403: 2,
    })
    const { rows } = imported
    expect(at(rows, 1)).toMatchObject({
      ts: '2015-05-17T10:05:03.000Z', clientIp: '83.149.9.216', method: 'GET', statusCode: 200,
      url: '/presentations/logstash-monitorama-2013/images/kibana-search.png', apiUser: null,
    })
    expect(at(rows, 2071)).toMatchObject({ statusCode: 500, result: 'error', url: '/misc/Title.php.txt' })
    expect(at(rows, 5009)).toMatchObject({
      method: 'POST', ts: '2015-05-19T04:05:16.000Z', function: 'POST /blog/geekery/xvfb-firefox',
    })
    // the line whose user agent is cut off at the end still imports
    expect(at(rows, 8899)).toMatchObject({
      clientIp: '46.118.127.106', statusCode: 200, url: '/scripts/grok-py-test/configlib.py',
    })
  },
  'lnav_logfile_shop_access_log.0': (imported) => {
    expect(tally(imported)).toEqual({ 200: 938, 404: 24, 302: 20, 301: 11, 304: 7 })
    expect(at(imported.rows, 1)).toMatchObject({ ts: '2019-01-22T00:26:14.000Z', clientIp: '54.36.149.41' })
    expect(at(imported.rows, 17)).toMatchObject({
      statusCode: 404, result: 'error', function: 'GET /product/{id}', ts: '2019-01-22T00:26:19.000Z',
    })
  },
  'lnav_logfile_w3c_big.0': (imported) => {
    expect(tally(imported)).toEqual({ 404: 202, 200: 8 })
    expect(at(imported.rows, 5)).toMatchObject({
      ts: '2015-01-13T00:32:17.000Z', url: '/robots.txt', clientIp: '157.55.39.146', durationMs: 283,
      errorCode: '404.0 (win32 2)', result: 'error',
    })
    expect(at(imported.rows, 26)).toMatchObject({
      statusCode: 200, clientIp: '188.120.253.124', durationMs: 468,
    })
    expect(imported.detail(0).requestHeaders).toEqual([
      ['User-Agent', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
    ])
  },
  'lnav_logfile_haproxy.0': (imported) => {
    expect(tally(imported)).toEqual({ 200: 13 })
    expect(at(imported.rows, 4)).toMatchObject({
      ts: '2019-02-25T16:19:48.143Z', clientIp: '141.35.244.171', service: 'bk_admin', durationMs: 1487,
      delayMs: 0, function: 'GET /admin/colt/administration',
    })
    expect(at(imported.rows, 9)).toMatchObject({ durationMs: 2707, service: 'bk_ktest_kt' })
  },
  'lnav_logfile_uwsgi.0': (imported) => {
    expect(tally(imported)).toEqual({ 200: 19 })
    expect(at(imported.rows, 1)).toMatchObject({
      ts: '2016-03-13T22:49:12.000Z', durationMs: 129, function: 'POST /update_metrics',
    })
    expect(at(imported.rows, 3)).toMatchObject({ durationMs: 0.068, function: 'POST /endpoint2' })
  },
  'matomo-log-analytics_alb.log': ({ rows }) => {
    expect(rows[0]).toMatchObject({
      ts: '2020-01-01T00:55:04.128Z', host: 'www.example.com', service: 'MyTargetGroup', durationMs: 103,
      correlationId: '1-abcdef123-abcdef123', clientIp: '1.2.3.4', statusCode: 200,
    })
  },
  'matomo-log-analytics_elb.log': ({ rows }) => {
    expect(rows.map((r) => [r.position, r.statusCode, r.result])).toEqual([
      [1, 200, 'success'],
      [3, null, 'error'],
    ])
    expect(rows[0]).toMatchObject({ durationMs: 2.471, service: 'my-loadbalancer' })
  },
  'matomo-log-analytics_amazon_cloudfront_web.log': ({ rows }) => {
    expect(rows[0]).toMatchObject({
      url: 'https://example.com/view/my/file.html', durationMs: 1, clientIp: '192.0.2.10',
      correlationId: 'MRVMF7KydIvxMWfJIglgwHQwZsbG2IhRJ07sn9AkKUFSHS9EXAMPLE==',
      service: 'd111111abcdef8.cloudfront.net',
    })
  },
  'matomo-log-analytics_iis.log': ({ rows }) => {
    expect(rows[0]).toMatchObject({
      apiUser: 'theuser', url: 'http://example.com/foo/bar?topCat1=divinity&submit=Search', durationMs: 1687,
      service: 'W3SVC834221556', clientIp: '1.2.3.4',
    })
  },
  'matomo-log-analytics_incapsula_w3c.log': ({ rows }) => {
    expect(rows.map((r) => [r.statusCode, r.result, r.resultReason])).toEqual([
      [200, 'success', null],
      [null, 'error', 'REQ_BAD_SERVER_CLOSED_CONNECTION'],
    ])
    expect(rows[0]).toMatchObject({
      url: 'http://www.example.com/page.php?variable=test', tenant: 'Customer', service: '44850949',
    })
  },
  'matomo-log-analytics_netscaler.log': ({ rows }) => {
    expect(rows[0]).toMatchObject({
      ts: '2012-08-16T11:55:13.000Z', statusCode: 302, durationMs: 1, clientIp: '172.20.1.0',
    })
  },
  'matomo-log-analytics_s3.log': ({ rows }) => {
    expect(rows[0]).toMatchObject({
      ts: '2012-02-10T21:42:07.000Z', apiUser: 'arn:aws:iam::179580289999:user/phillip.boss',
      function: 'WEBSITE.GET.OBJECT', correlationId: 'EB3502676500C6BE', durationMs: 10,
    })
  },
  'lnav_logfile_bro_http.log.0': (imported) => {
    expect(tally(imported)).toEqual({ 200: 173, 204: 1, 301: 1, 302: 4, 304: 17, 404: 1 })
    expect(at(imported.rows, 9)).toMatchObject({
      ts: '2011-11-03T00:19:26.453Z', correlationId: 'CwFs1P2UcUdlSxD2La', url: 'http://www.reddit.com/',
      statusText: 'OK', clientIp: '192.168.2.76',
    })
  },
}

const files = DIRS.filter(existsSync).flatMap((dir) => readdirSync(dir).map((f) => join(dir, f)))

describe.skipIf(!existsSync(SAMPLES))('shared access-log samples', () => {
  it('has a check for every sample file', () => {
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual(Object.keys(CHECKS).sort())
  })

  for (const file of files) {
    const name = file.split('/').pop() as string
    it(name, async () => {
      const all = lines(file)
      const requests = all.filter((line) => isRequestLine(name, line)).length
      const imported = await importIntoMemory(file)
      expect(imported.result.failure).toBeNull()
      expect(imported.result.format).toBe('access-log')
      expect(imported.result.errorCount).toBe(0)
      expect(imported.result.imported).toBe(requests)
      expect(imported.result.imported + imported.result.skipped).toBe(all.length)
      CHECKS[name](imported)
    })
  }
})
