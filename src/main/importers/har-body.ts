// HAR request and response bodies as text: base64 content decoded when it is textual UTF-8,
// Polly.JS `_isBinary` hex chunks (possibly gzip/deflate/br) decoded, form params rendered.
import { isUtf8 } from 'node:buffer'
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib'
import type { HeaderList } from '../../shared/types'
import { headerValue } from './header-hints'

export interface Body {
  text: string | null
  encoding: 'base64' | null
}

/** Largest body inflated from a compressed Polly.JS recording. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024

const NO_BODY: Body = { text: null, encoding: null }
const TEXTUAL_MIME_RE = /^\s*text\/|json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|yaml|csv/i
const HEX_RE = /^(?:[\da-f]{2})*$/i

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A mime type as text; Polly.JS writes some as an array of strings. */
export function mimeTypeOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(', ')
  return ''
}

export function isTextualMime(mime: string): boolean {
  return TEXTUAL_MIME_RE.test(mime)
}

function fromBytes(bytes: Buffer, mime: string): Body {
  if (bytes.length === 0) return NO_BODY
  if (isTextualMime(mime) && isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: null }
  return { text: bytes.toString('base64'), encoding: 'base64' }
}

/** Polly.JS binary bodies: a JSON array of hex chunks (content-encoded) or one hex string. */
function pollyBytes(text: string): Buffer | null {
  if (text.startsWith('[')) {
    let chunks: unknown
    try {
      chunks = JSON.parse(text)
    } catch {
      return null
    }
    if (!Array.isArray(chunks) || !chunks.every((c) => typeof c === 'string' && HEX_RE.test(c))) return null
    return Buffer.concat(chunks.map((c: string) => Buffer.from(c, 'hex')))
  }
  return HEX_RE.test(text) ? Buffer.from(text, 'hex') : null
}

function inflateOne(bytes: Buffer, coding: string): Buffer {
  const options = { maxOutputLength: MAX_INFLATED_BYTES }
  if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(bytes, options)
  if (coding === 'br') return brotliDecompressSync(bytes, options)
  if (coding === 'deflate') {
    try {
      return inflateSync(bytes, options)
    } catch {
      return inflateRawSync(bytes, options)
    }
  }
  return bytes
}

/** Undoes Content-Encoding (applied in order, so undone last-first); null when it cannot. */
function inflate(bytes: Buffer, contentEncoding: string | null): Buffer | null {
  if (!contentEncoding) return bytes
  const codings = contentEncoding.toLowerCase().split(',').map((c) => c.trim()).reverse()
  try {
    return codings.reduce((data, coding) => inflateOne(data, coding), bytes)
  } catch {
    return null
  }
}

/** The response body of a HAR `content` object. */
export function responseBody(content: unknown, headers: HeaderList): Body {
  if (!isObject(content)) return NO_BODY
  const text = content.text
  if (typeof text !== 'string' || text === '') return NO_BODY
  const mime = mimeTypeOf(content.mimeType) || (headerValue(headers, 'content-type') ?? '')
  if (content._isBinary === true) {
    const raw = pollyBytes(text)
    const bytes = raw && inflate(raw, headerValue(headers, 'content-encoding'))
    if (bytes) return fromBytes(bytes, mime)
    if (raw) return fromBytes(raw, '')
    return { text, encoding: null }
  }
  if (content.encoding === 'base64') {
    if (!isTextualMime(mime)) return { text, encoding: 'base64' }
    const bytes = Buffer.from(text, 'base64')
    return isUtf8(bytes) ? { text: bytes.toString('utf8'), encoding: null } : { text, encoding: 'base64' }
  }
  return { text, encoding: null }
}

function formEncode(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+')
}

/** The request body of a HAR `postData`: its text, else its params as a form body. */
export function requestBody(postData: unknown): string | null {
  if (!isObject(postData)) return null
  if (typeof postData.text === 'string' && postData.text !== '') return postData.text
  const params = postData.params
  if (!Array.isArray(params)) return null
  const pairs: string[] = []
  for (const param of params) {
    if (!isObject(param) || typeof param.name !== 'string') continue
    const value =
      typeof param.value === 'string' ? param.value : typeof param.fileName === 'string' ? param.fileName : ''
    pairs.push(`${formEncode(param.name)}=${formEncode(value)}`)
  }
  return pairs.length > 0 ? pairs.join('&') : null
}
