// Zeek (Bro) http.log in its TSV form: `#separator`, `#fields` and `#types` directives describe the
// columns; "-" is an unset field and "(empty)" an empty set. The password column is never read.
import { parseEpoch, type WallClock } from '../parse-time'
import { addHeader, blankEntry, setStatus, setTarget } from './entry'
import type { HeadScore, LineParser, LineVariant } from './variant'

interface ZeekState {
  separator: string
  unset: string
  empty: string
  /** column name → index, from #fields */
  columns: Map<string, number> | null
  count: number
}

const DIRECTIVE_RE = /^#(?:separator|set_separator|empty_field|unset_field|path|open|close|fields|types)\b/

function newState(): ZeekState {
  return { separator: '\t', unset: '-', empty: '(empty)', columns: null, count: 0 }
}

function unescapeZeek(text: string): string {
  return text.replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

function readDirective(line: string, state: ZeekState): void {
  if (line.startsWith('#separator ')) {
    state.separator = unescapeZeek(line.slice('#separator '.length)) || '\t'
    return
  }
  const parts = line.split(state.separator)
  const [name, ...values] = parts
  if (name === '#unset_field') state.unset = values[0] ?? '-'
  else if (name === '#empty_field') state.empty = values[0] ?? '(empty)'
  else if (name === '#fields') {
    state.columns = new Map(values.map((field, i) => [field, i]))
    state.count = values.length
  }
}

function isHttpLayout(state: ZeekState): boolean {
  return state.columns !== null && state.columns.has('method') && state.columns.has('uri')
}

function zeekEntry(values: readonly string[], state: ZeekState, position: number, line: string) {
  const columns = state.columns as Map<string, number>
  const get = (name: string): string | null => {
    const i = columns.get(name)
    const value = i === undefined ? undefined : values[i]
    const isUnset = value === undefined || value === state.unset || value === state.empty || value === ''
    return isUnset ? null : value
  }
  const entry = blankEntry(position, line)
  const ts = get('ts')
  entry.ts = ts === null ? null : parseEpoch(ts)
  if (ts !== null && entry.ts === null) return `unreadable ts "${ts}"`
  setTarget(entry, get('method'), get('uri'), get('host'))
  const status = get('status_code')
  setStatus(entry, status === null ? null : Number(status))
  entry.statusText = entry.statusCode === null ? null : get('status_msg')
  entry.correlationId = get('uid')
  entry.clientIp = get('id.orig_h')
  entry.apiUser = get('username')
  addHeader(entry, 'Referer', get('referrer'))
  addHeader(entry, 'User-Agent', get('user_agent'))
  addHeader(entry, 'Origin', get('origin'))
  return entry
}

function createParser(): LineParser {
  const state = newState()
  return (line, position) => {
    if (line.charCodeAt(0) === 35 /* # */) {
      readDirective(line, state)
      return null
    }
    if (!isHttpLayout(state)) return 'data line before a "#fields" directive naming http.log columns'
    const values = line.split(state.separator)
    if (values.length !== state.count) return `${values.length} values where "#fields" names ${state.count}`
    return zeekEntry(values, state, position, line)
  }
}

function scoreHead(lines: readonly string[]): HeadScore {
  const state = newState()
  let requests = 0
  let others = 0
  for (const line of lines) {
    if (DIRECTIVE_RE.test(line)) {
      readDirective(line, state)
      others++
    } else if (isHttpLayout(state) && line.split(state.separator).length === state.count) {
      requests++
    }
  }
  return { requests, others }
}

export const zeekVariant: LineVariant = {
  id: 'zeek',
  label: 'Zeek/Bro http.log',
  scoreHead,
  createParser: (_head: readonly string[], _wall: WallClock) => createParser(),
}
