// W3C extended logs (IIS 6/8.5, CloudFront, NetScaler, Incapsula): `#Fields:` directives name the
// columns and may repeat, with other names, anywhere in the file.
import type { WallClock } from '../parse-time'
import { splitFields } from './fields'
import { isRequestLayout, w3cColumns, type W3cColumns } from './w3c-columns'
import { w3cEntry } from './w3c-entry'
import type { HeadScore, LineParser, LineVariant } from './variant'

const DIRECTIVE_RE = /^#(?:Software|Version|Date|Fields|Remark|Start-Date|End-Date):/

function fieldNames(directive: string): string[] {
  return directive.slice('#Fields:'.length).trim().split(/\s+/)
}

/** Values of a data line: tab-separated (CloudFront) or blank-separated with "quoted" values. */
function valuesOf(line: string): string[] {
  if (line.indexOf('\t') < 0) return splitFields(line).fields
  const values = line.split('\t')
  if (values.length > 1 && values[values.length - 1] === '') values.pop()
  return values
}

interface W3cState {
  columns: W3cColumns | null
  date: string | null
}

/** Applies a directive line to the state. */
function readDirective(line: string, state: W3cState): void {
  if (line.startsWith('#Fields:')) state.columns = w3cColumns(fieldNames(line))
  else if (line.startsWith('#Date:')) {
    const m = /^#Date:\s*(\d{4}-\d{2}-\d{2})/.exec(line)
    state.date = m ? m[1] : null
  }
}

function createParser(_head: readonly string[], wall: WallClock): LineParser {
  const state: W3cState = { columns: null, date: null }
  return (line, position) => {
    if (line.charCodeAt(0) === 35 /* # */) {
      readDirective(line, state)
      return null
    }
    const { columns } = state
    if (columns === null) return 'data line before any "#Fields:" directive'
    const values = valuesOf(line)
    if (values.length !== columns.count) {
      return `${values.length} values where the "#Fields:" directive names ${columns.count}`
    }
    return w3cEntry(values, columns, position, line, wall, state.date)
  }
}

function scoreHead(lines: readonly string[]): HeadScore {
  const state: W3cState = { columns: null, date: null }
  let requests = 0
  let others = 0
  for (const line of lines) {
    if (DIRECTIVE_RE.test(line)) {
      readDirective(line, state)
      others++
    } else if (state.columns && isRequestLayout(state.columns)) {
      if (valuesOf(line).length === state.columns.count) requests++
    }
  }
  return { requests, others }
}

export const w3cVariant: LineVariant = {
  id: 'w3c',
  label: 'W3C extended (IIS, CloudFront, NetScaler, Incapsula)',
  scoreHead,
  createParser,
}
