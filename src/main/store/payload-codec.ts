// How the wide payload columns are stored.
import { deflateRawSync, inflateRawSync } from 'node:zlib'

/** Longest body text put into the full-text index, per body. */
export const FTS_BODY_LIMIT = 256 * 1024

/** Raw records at least this long are stored deflated (a BLOB); shorter ones as plain TEXT. */
export const RAW_COMPRESS_FROM = 2048

export function encodeRaw(raw: string): string | Buffer {
  return raw.length >= RAW_COMPRESS_FROM ? deflateRawSync(raw, { level: 1 }) : raw
}

export function decodeRaw(stored: string | Buffer): string {
  return typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8')
}

/** Columns and joins that read a payload with its header lists (as JSON text) from `entry_payloads p`. */
export const PAYLOAD_SELECT = `coalesce(p.request_headers, rh.headers) AS request_headers, p.request_body,
  p.request_body_encoding, coalesce(p.response_headers, sh.headers) AS response_headers, p.response_body,
  p.response_body_encoding, p.raw`
export const PAYLOAD_JOIN = `JOIN entry_payloads p ON p.entry_id = e.id
  LEFT JOIN header_sets rh ON rh.id = p.request_headers_id
  LEFT JOIN header_sets sh ON sh.id = p.response_headers_id`
