// Delimiter and line break of a CSV/TSV file, read from the head of the text.
import { CsvReader } from './csv-reader'

export const DELIMITERS = [',', '\t', ';', '|'] as const

export interface Dialect {
  delimiter: string
  lineBreak: '\n' | '\r'
  /** leading lines that are not records (Excel's "sep=;" line) */
  skipLines: number
  /** the head's records with this dialect (at most `MAX_SAMPLE_RECORDS`), blank lines left out */
  records: string[][]
  /** share of records after the first with as many fields as the first (1 when there are none) */
  consistency: number
}

const MAX_SAMPLE_RECORDS = 50
const SEP_LINE_RE = /^sep=(.)\r?$/i

/** The head without its last line when that line may be cut off (the head ends mid-line). */
export function completeLines(head: string, isWholeFile: boolean): string {
  if (isWholeFile) return head
  const cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'))
  return cut > 0 ? head.slice(0, cut + 1) : head
}

function readRecords(text: string, delimiter: string, lineBreak: '\n' | '\r'): string[][] {
  const records: string[][] = []
  const reader = new CsvReader(
    (fields, _line, raw) => {
      if (records.length < MAX_SAMPLE_RECORDS && raw.trim() !== '') records.push(fields)
    },
    { delimiter, lineBreak, maxRecordChars: text.length + 1 },
  )
  reader.push(text)
  reader.end()
  return records
}

function consistencyOf(records: string[][]): number {
  if (records.length < 2) return 1
  const width = records[0].length
  const same = records.slice(1).filter((r) => r.length === width || (r.length > width && r.slice(width).every((c) => c === ''))).length
  return same / (records.length - 1)
}

function score(dialect: Dialect): number {
  const width = dialect.records[0]?.length ?? 0
  if (width < 2) return 0
  return (dialect.consistency >= 0.8 ? 1000 : 0) + Math.min(width, 999) + dialect.consistency
}

/** Tries each delimiter on the head and keeps the one that gives the widest consistent records. */
export function sniffDialect(head: string): Dialect {
  const lineBreak: '\n' | '\r' = head.includes('\n') || !head.includes('\r') ? '\n' : '\r'
  const firstLine = head.slice(0, Math.max(0, head.indexOf(lineBreak)))
  const sep = SEP_LINE_RE.exec(firstLine)
  const skipLines = sep ? 1 : 0
  const text = sep ? head.slice(firstLine.length + 1) : head
  let best: Dialect | null = null
  for (const delimiter of sep ? [sep[1]] : DELIMITERS) {
    const records = readRecords(text, delimiter, lineBreak)
    const dialect: Dialect = { delimiter, lineBreak, skipLines, records, consistency: consistencyOf(records) }
    if (!best || score(dialect) > score(best)) best = dialect
  }
  return best as Dialect
}
