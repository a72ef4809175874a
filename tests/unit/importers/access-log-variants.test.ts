// Access-log importer: AWS ALB/ELB/S3, HAProxy, uWSGI and Zeek lines with exact values.
import { describe, expect, it } from 'vitest'
import { importText } from '../helpers/import-text'

describe('AWS load balancers and S3', () => {
  it('reads ALB lines: seconds, -1 on failure, trace id, target group, error reason', async () => {
    const tail =
      'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 ' +
      'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/orders-tg/73e2d6bc24d8a067 ' +
      '"Self=1-6638f1a9-0a1b2c3d4e5f6a7b8c9d0e1f;Root=1-6638f1a9-1234567890abcdef12345678" "orders.example.com" ' +
      '"arn:aws:acm:us-east-1:111122223333:certificate/abc" 0 2024-05-06T07:08:09.100000Z "forward" "-"'
    const text = [
      'https 2024-05-06T07:08:09.123456Z app/orders-alb/50dc6c495c0c9188 192.0.2.44:51234 - -1 -1 -1 502 - 120 ' +
        `345 "POST https://orders.example.com:443/v1/orders HTTP/1.1" "Go-http-client/2.0" ${tail} ` +
        '"LambdaUnhandled" "-" "-" "-" "-"',
      'h2 2024-05-06T07:08:10.000000Z app/orders-alb/50dc6c495c0c9188 192.0.2.45:51235 10.0.1.7:8080 0.000 0.004 ' +
        `0.000 200 200 98 512 "GET https://orders.example.com:443/v1/orders/42 HTTP/2.0" "curl/8.4.0" ${tail} ` +
        '"-" "10.0.1.7:8080" "200" "-" "-"',
    ].join('\n')
    const { rows, detail } = await importText(text)
    expect(rows[0]).toMatchObject({
      ts: '2024-05-06T07:08:09.123Z', method: 'POST', url: 'https://orders.example.com:443/v1/orders',
      host: 'orders.example.com', function: 'POST /v1/orders', statusCode: 502, result: 'error',
      resultReason: 'LambdaUnhandled', durationMs: null, clientIp: '192.0.2.44', service: 'orders-tg',
      correlationId: '1-6638f1a9-1234567890abcdef12345678',
    })
    expect(detail(0).requestHeaders).toEqual([['User-Agent', 'Go-http-client/2.0']])
    expect(rows[1]).toMatchObject({
      durationMs: 4, statusCode: 200, result: 'success', resultReason: null, function: 'GET /v1/orders/{id}',
    })
  })

  it('reads Classic ELB lines and imports a TCP line as an error without response', async () => {
    const text = [
      '2024-05-06T07:08:09.000100Z legacy-elb 192.0.2.50:4100 10.0.0.9:80 0.000050 0.250000 0.000040 200 200 0 ' +
        '57 "GET http://legacy.example.com:80/ping HTTP/1.1" "Wget/1.21" - -',
      '# a comment',
      '2024-05-06T07:08:10.000000Z legacy-elb 192.0.2.51:4101 10.0.0.9:5432 0.001 0.000028 0.000041 - - 82 305 ' +
        '"- - - " "-" - -',
    ].join('\n')
    const { result, rows } = await importText(text)
    expect(result.skipped).toBe(1)
    expect(rows[0]).toMatchObject({
      url: 'http://legacy.example.com:80/ping', host: 'legacy.example.com', service: 'legacy-elb',
      durationMs: 250.09, clientIp: '192.0.2.50', result: 'success',
    })
    expect(rows[1]).toMatchObject({
      method: null, url: null, statusCode: null, result: 'error', clientIp: '192.0.2.51', durationMs: 1.069,
      resultReason: 'no response: the log records no HTTP status',
    })
  })

  it('reads S3 server access logs: requester, operation, request id, error code', async () => {
    const line =
      '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be orders-bucket [06/Feb/2024:00:00:38 +0100] ' +
      '192.0.2.3 arn:aws:sts::111122223333:assumed-role/etl/session-1 3E57427F3EXAMPLE REST.GET.OBJECT ' +
      'exports/2024/01.csv "GET /orders-bucket/exports/2024/01.csv HTTP/1.1" 404 NoSuchKey 243 - 21 - "-" ' +
      '"aws-sdk-java/1.12.0" - 7Cc4sNQ== SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader s3.us-east-1.amazonaws.com ' +
      'TLSv1.2 - -'
    const { rows } = await importText(line)
    expect(rows[0]).toMatchObject({
      ts: '2024-02-05T23:00:38.000Z', apiUser: 'arn:aws:sts::111122223333:assumed-role/etl/session-1',
      function: 'REST.GET.OBJECT', url: 'https://s3.us-east-1.amazonaws.com/orders-bucket/exports/2024/01.csv',
      statusCode: 404, result: 'error', errorCode: 'NoSuchKey', correlationId: '3E57427F3EXAMPLE',
      durationMs: 21, service: 'orders-bucket', clientIp: '192.0.2.3',
    })
  })
})

describe('HAProxy, uWSGI and Zeek', () => {
  const haproxy = [
    'Mar  3 09:15:00 lb1 haproxy[2211]: Proxy api_front started.',
    'Mar  3 09:15:02 lb1 haproxy[2212]: 198.51.100.30:40112 [03/Mar/2024:09:15:01.250] api_front~ api_back/app2 ' +
      '3/12/1/480/496 200 2104 - - ---- 10/8/2/1/0 0/3 {api.example.com|3f2504e0-4f89-41d3-9a0c-0305e82c3301} {} ' +
      '"GET /v1/accounts/991/balance HTTP/1.1"',
    'Mar  3 09:15:07 lb1 haproxy[2212]: 198.51.100.31:40113 [03/Mar/2024:09:15:02.000] api_front~ ' +
      'api_back/<NOSRV> 0/-1/-1/-1/5003 503 217 - - SC-- 12/10/0/0/3 0/0 {api.example.com|} {} "POST /v1/payments HTTP/1.1"',
    'Mar  3 09:15:08 lb1 haproxy[2212]: 198.51.100.32:40114 [03/Mar/2024:09:15:08.001] api_front/1: SSL handshake failure',
  ].join('\n')

  it('reads HAProxy timers, backend, termination state and captured headers; skips other lines', async () => {
    const { result, rows, detail } = await importText(haproxy)
    expect(result.imported).toBe(2)
    expect(result.skipped).toBe(2)
    expect(result.errorCount).toBe(0)
    expect(rows[0]).toMatchObject({
      position: 2, ts: '2024-03-03T09:15:01.250Z', service: 'api_back', durationMs: 496, delayMs: 12,
      correlationId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', host: 'api.example.com',
      url: 'http://api.example.com/v1/accounts/991/balance', function: 'GET /v1/accounts/{id}/balance',
      clientIp: '198.51.100.30', result: 'success', resultReason: null, errorCode: null,
    })
    expect(detail(0).requestHeaders).toEqual([
      ['Host', 'api.example.com'],
      ['X-Request-ID', '3f2504e0-4f89-41d3-9a0c-0305e82c3301'],
    ])
    expect(rows[1]).toMatchObject({
      statusCode: 503, result: 'error', errorCode: 'SC--', durationMs: 5003, delayMs: null,
      resultReason:
        'SC: the server aborted, refused or failed the connection while waiting for the connection to the server',
    })
  })

  it('reads the zone-less HAProxy accept date in the chosen time zone', async () => {
    const { rows } = await importText(haproxy, { timeZone: 'America/New_York' })
    expect(rows[0].ts).toBe('2024-03-03T14:15:01.250Z')
  })

  it('reads uWSGI durations in msecs and micros, and the remote user', async () => {
    const text = [
      '*** Starting uWSGI 2.0.23 (64bit) on [Mon Jan  8 14:00:00 2024] ***',
      '[pid: 4242|app: 0|req: 7/19] 10.1.1.1 (apiuser) {40 vars in 812 bytes} [Mon Jan  8 14:03:22 2024] ' +
        'GET /status?full=1 => generated 2 bytes in 480 micros (HTTP/1.1 503) 4 headers in 160 bytes (1 switches on core 0)',
      '[pid: 4242|app: 0|req: 8/20] 10.1.1.2 () {40 vars in 812 bytes} [Mon Jan  8 14:03:23 2024] ' +
        'POST /jobs/17 => generated 40 bytes in 12 msecs (HTTP/1.1 201) 4 headers in 160 bytes (1 switches on core 1)',
    ].join('\n')
    const { result, rows } = await importText(text)
    expect(result.skipped).toBe(1)
    expect(rows[0]).toMatchObject({
      ts: '2024-01-08T14:03:22.000Z', apiUser: 'apiuser', durationMs: 0.48, statusCode: 503,
      result: 'error', url: '/status?full=1', clientIp: '10.1.1.1',
    })
    expect(rows[1]).toMatchObject({
      apiUser: null, durationMs: 12, function: 'POST /jobs/{id}', statusCode: 201,
    })
  })

  it('reads Zeek http.log: uid, unset "-" and "(empty)", a request without response', async () => {
    const header = [
      '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\thttp',
      '#fields\tts\tuid\tid.orig_h\tid.orig_p\tmethod\thost\turi\treferrer\tuser_agent\tstatus_code\tstatus_msg\tusername\tpassword\ttags',
      '#types\ttime\tstring\taddr\tport\tstring\tstring\tstring\tstring\tstring\tcount\tstring\tstring\tstring\tset[enum]',
    ]
    const data = [
      '1320279566.452687\tCwFs1P2UcUdlSxD2La\t192.168.2.76\t52026\tGET\tapi.example.com\t/v1/me\t-\tcurl/7.1\t200\tOK\tjdoe\tsecret\t(empty)',
      '1320279567.000001\tCJxSUgkInyKSHiju1\t192.168.2.77\t52027\tPOST\tapi.example.com\t/v1/login\t-\t-\t-\t-\t-\t-\t(empty)',
    ]
    const text = [...header, ...data, '#close\t2017-04-16-21-36-10'].join('\n')
    const { result, rows, detail } = await importText(text)
    expect(result.skipped).toBe(8)
    expect(rows[0]).toMatchObject({
      ts: '2011-11-03T00:19:26.453Z', correlationId: 'CwFs1P2UcUdlSxD2La', clientIp: '192.168.2.76',
      url: 'http://api.example.com/v1/me', host: 'api.example.com', apiUser: 'jdoe', statusCode: 200,
      statusText: 'OK', result: 'success',
    })
    expect(JSON.stringify(detail(0))).not.toContain('"secret"')
    expect(rows[1]).toMatchObject({
      statusCode: null, statusText: null, result: 'error', apiUser: null,
      resultReason: 'no response: the log records no HTTP status',
    })
  })
})
