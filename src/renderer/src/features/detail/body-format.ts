// Body detection and pretty-printing. Pretty output keeps every token exactly as logged (no number
// re-formatting: a 19-digit id must not be rounded by JSON.parse), only whitespace changes.

import { xmlTokens, type XmlToken } from './xml-tokens'

export type BodyKind = 'json' | 'xml' | 'form' | 'text'

/** Bodies bigger than this are shown as logged (pretty-printing would stall the UI). */
export const PRETTY_LIMIT = 8 * 1024 * 1024

// name=value pairs; each part can match one way only, so a near miss fails in linear time
const FORM_RE = /^[\w.%\-[\]+*~!$'()]+=[^&\s]*(?:&[\w.%\-[\]+*~!$'()]+(?:=[^&\s]*)?)*$/

function isJson(text: string): boolean {
  if (!/^\s*[{[]/.test(text)) return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

export function detectBodyKind(text: string, contentType: string | null = null): BodyKind {
  const type = (contentType ?? '').toLowerCase()
  const trimmed = text.trimStart()
  if (type.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (isJson(text)) return 'json'
  }
  if (type.includes('xml') || type.includes('html') || (trimmed.startsWith('<') && text.trimEnd().endsWith('>'))) return 'xml'
  if (type.includes('x-www-form-urlencoded') || (text.length < 1_000_000 && FORM_RE.test(text.trim()))) return 'form'
  return 'text'
}

const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|[{}[\],:]|[^\s{}[\],:"]+|\s+/g

/** Re-indents JSON text token by token (2 spaces); returns null when it is not JSON. */
export function prettyJson(text: string): string | null {
  if (!isJson(text)) return null
  const out: string[] = []
  let depth = 0
  let prev = ''
  const newline = () => '\n' + '  '.repeat(Math.min(depth, 200))
  JSON_TOKEN.lastIndex = 0
  for (let m = JSON_TOKEN.exec(text); m !== null; m = JSON_TOKEN.exec(text)) {
    const token = m[0]
    if (/^\s/.test(token)) continue
    const prevOpen = prev === '{' || prev === '['
    if (token === '}' || token === ']') {
      depth--
      out.push(prevOpen ? token : newline() + token)
    } else {
      if (prevOpen) out.push(newline())
      if (token === '{' || token === '[') {
        out.push(token)
        depth++
      } else if (token === ',') out.push(',' + newline())
      else if (token === ':') out.push(': ')
      else out.push(token)
    }
    prev = token
  }
  return out.join('')
}

const isCloseTag = (token: XmlToken | undefined) => token !== undefined && token.markup && token.text.startsWith('</')

/** Indents XML/HTML one element per line; text-only elements stay on one line. */
export function prettyXml(text: string): string | null {
  const tokens = xmlTokens(text)
  if (tokens.length === 0) return null
  const lines: string[] = []
  let depth = 0
  const indent = () => '  '.repeat(Math.min(depth, 200))
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i].text.trim()
    if (token === '') continue
    const isClose = tokens[i].markup && token.startsWith('</')
    const isOpen = tokens[i].markup && !isClose && !/^<[!?]/.test(token) && !token.endsWith('/>')
    // an element holding only text (or nothing) stays on one line
    const empty = isCloseTag(tokens[i + 1])
    if (isOpen && (empty || (!tokens[i + 1]?.markup && isCloseTag(tokens[i + 2])))) {
      const inner = empty ? '' : tokens[i + 1].text.trim()
      lines.push(indent() + token + inner + tokens[empty ? i + 1 : i + 2].text.trim())
      i += empty ? 1 : 2
      continue
    }
    if (isClose) depth = Math.max(0, depth - 1)
    lines.push(indent() + token)
    if (isOpen) depth++
  }
  return lines.join('\n')
}

function decodeFormPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '))
  } catch {
    return part
  }
}

/** One "name = value" line per form field, URL-decoded. */
export function prettyForm(text: string): string | null {
  const pairs = text.trim().split('&').filter((p) => p !== '')
  if (pairs.length === 0) return null
  return pairs
    .map((pair) => {
      const eq = pair.indexOf('=')
      return eq < 0 ? decodeFormPart(pair) : `${decodeFormPart(pair.slice(0, eq))} = ${decodeFormPart(pair.slice(eq + 1))}`
    })
    .join('\n')
}

export function prettyBody(text: string, kind: BodyKind): string | null {
  if (text.length > PRETTY_LIMIT) return null
  if (kind === 'json') return prettyJson(text)
  if (kind === 'xml') return prettyXml(text)
  if (kind === 'form') return prettyForm(text)
  return null
}

/** Decodes a base64 body: text when it is valid UTF-8 without NULs, else null (binary). */
export function decodeBase64Body(b64: string): { text: string | null; bytes: number } {
  let binary: string
  try {
    binary = atob(b64.replace(/\s+/g, ''))
  } catch {
    return { text: null, bytes: 0 }
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  if (bytes.includes(0)) return { text: null, bytes: bytes.length }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes: bytes.length }
  } catch {
    return { text: null, bytes: bytes.length }
  }
}

export function headerValue(headers: ReadonlyArray<[string, string]>, name: string): string | null {
  const lower = name.toLowerCase()
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1] ?? null
}
