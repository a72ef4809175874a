// Detection of CSV/TSV logs with a header row. Files that belong to other importers (W3C/Zeek logs
// with "#Fields", VICIdial reports, JSON) are left to them.
import { DETECT_HEAD_CHARS } from '../input'
import type { WallClock } from '../parse-time'
import type { Detection } from '../types'
import { autoMap } from './auto-map'
import { completeLines, sniffDialect } from './dialect'
import { describeColumn, uniqueLabels } from './header-names'

const VALUE_LIKE_RE =
  /^(?:-?\d+(?:[.,]\d+)?|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}.*|\d{1,3}(?:\.\d{1,3}){3}|https?:\/\/.*|true|false|null)$/i

/** Detection only needs to know whether values read as times, not in which zone. */
const UTC: WallClock = (ms) => ms

function noMatch(reason: string): Detection {
  return { kind: 'no-match', reason }
}

/** Why these cells cannot be a header row, or null when they can. */
export function headerProblem(cells: string[]): string | null {
  const names = cells.map((c) => c.trim()).filter((c) => c !== '')
  if (names.length < 2) return 'no header row with at least two column names'
  if (names.some((n) => n.length > 100 || /[{}\r\n]/.test(n))) return 'the first row does not look like column names'
  const valueLike = names.filter((n) => VALUE_LIKE_RE.test(n)).length
  if (valueLike > names.length / 3) return 'the first row holds values, not column names (no header row)'
  if (new Set(names.map((n) => n.toLowerCase())).size < names.length * 0.8) return 'the first row repeats names'
  return null
}

function otherFormat(head: string): string | null {
  const first = head.trimStart()
  if (first.startsWith('{') || first.startsWith('[')) return 'JSON, not CSV'
  if (first.startsWith('#')) return 'a commented log header (#Fields / #fields): W3C or Zeek log'
  if (/^"?API ACCESS LOG REPORT"?\s*$/m.test(first.slice(0, 200))) return 'a VICIdial API Log Report'
  return null
}

export function detectCsv(head: string): Detection {
  const other = otherFormat(head)
  if (other) return noMatch(other)
  const dialect = sniffDialect(completeLines(head, head.length < DETECT_HEAD_CHARS))
  const [header, ...rows] = dialect.records
  if (!header) return noMatch('no records')
  const problem = headerProblem(header)
  if (problem) return noMatch(problem)
  // a third of the sampled rows may be off (a broken row weighs a lot in a small head)
  if (rows.length > 0 && dialect.consistency < 0.66) return noMatch('rows do not have the same number of fields as the header')
  const columns = uniqueLabels(header).map(describeColumn)
  const samples = columns.map((_, i) => rows.map((r) => r[i] ?? ''))
  const { fields, layout } = autoMap(columns, samples, UTC)
  if (layout) return { kind: 'match', confidence: 0.8 }
  const known = fields.size
  if (fields.has('ts') && known >= 3) return { kind: 'match', confidence: 0.7 }
  return { kind: 'match', confidence: known >= 1 ? 0.65 : 0.6 }
}
