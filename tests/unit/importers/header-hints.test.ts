import { describe, expect, it } from 'vitest'
import {
  agentUserFromHeaders,
  correlationIdFromHeaders,
  headerValue,
  traceIdFromTraceparent,
} from '../../../src/main/importers/header-hints'

describe('header hints', () => {
  it('finds header values case-insensitively, skipping blanks', () => {
    expect(headerValue([['X-Request-ID', ' '], ['x-request-id', ' abc ']], 'X-Request-Id')).toBe('abc')
    expect(headerValue([['x-request-idx', 'no']], 'x-request-id')).toBeNull()
  })

  it('prefers specific correlation headers, in the order the lists are given', () => {
    const response: Array<[string, string]> = [['CF-RAY', '8c1f-MAD'], ['x-amzn-RequestId', 'amzn-1']]
    const request: Array<[string, string]> = [['X-Correlation-Id', 'corr-9']]
    expect(correlationIdFromHeaders(response, request)).toBe('corr-9')
    expect(correlationIdFromHeaders(response)).toBe('amzn-1')
    expect(correlationIdFromHeaders([['x-request-id', 'resp']], [['x-request-id', 'req']])).toBe('resp')
    const upper = '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01'
    expect(correlationIdFromHeaders([['traceparent', upper]])).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    )
    expect(correlationIdFromHeaders([['traceparent', 'garbage'], ['cf-ray', 'ray-1']])).toBe('ray-1')
  })

  it('reads W3C trace ids, refusing the all-zero id', () => {
    const tp = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'
    expect(traceIdFromTraceparent(tp)).toBe('0af7651916cd43dd8448eb211c80319c')
    expect(traceIdFromTraceparent('00-00000000000000000000000000000000-b7ad6b7169203331-01')).toBeNull()
  })

  it('names the on-behalf-of user', () => {
    expect(agentUserFromHeaders([['Accept', '*/*'], ['X-Agent-User', 'agent7']])).toBe('agent7')
    expect(agentUserFromHeaders([['x-impersonate-user', 'dana'], ['x-on-behalf-of', 'maria']])).toBe('maria')
    expect(agentUserFromHeaders([])).toBeNull()
  })
})
