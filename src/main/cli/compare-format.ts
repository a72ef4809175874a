// A comparison as readable Markdown tables (`apilog compare --format md`). Log text is hostile, so
// every name goes through mdCell.
import type { CompareResult, CompareRow, CompareSide, PresenceList } from '../../shared/compare-types'
import { RESULT_KINDS } from '../../shared/types'
import { escapeForCell } from '../util/visible-text'

/**
 * Log text as a table cell: invisible characters shown as escapes, and the characters that could
 * end a cell or become HTML, a link, code or emphasis backslash-escaped (CommonMark allows that
 * for any ASCII punctuation).
 */
export function mdCell(text: string): string {
  return escapeForCell(text).replace(/[\\|`<>[\]*]/g, (c) => `\\${c}`)
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n))
const percent = (rate: number | null) => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`)
const points = (delta: number | null) =>
  delta === null ? '-' : `${delta > 0 ? '+' : ''}${(delta * 100).toFixed(1)} pp`
const fn = (name: string | null) => (name === null ? '(no function)' : mdCell(name))

function sideName(side: CompareSide): string {
  return `${mdCell(side.name)} (source ${side.sourceId})`
}

function summary(result: CompareResult): string[] {
  const { a, b } = result
  return [
    `| | A: ${sideName(a)} | B: ${sideName(b)} | Δ |`,
    '| --- | ---: | ---: | ---: |',
    `| entries | ${a.total} | ${b.total} | ${signed(b.total - a.total)} |`,
    `| errors | ${a.errors} | ${b.errors} | ${signed(b.errors - a.errors)} |`,
    `| error rate | ${percent(a.errorRate)} | ${percent(b.errorRate)} | ${points(
      a.errorRate === null || b.errorRate === null ? null : b.errorRate - a.errorRate,
    )} |`,
  ]
}

function matrixLine(row: CompareRow): string {
  const cells = RESULT_KINDS.map((r) => {
    const cell = row.cells[r]
    if (cell.countA === 0 && cell.countB === 0) return ''
    return `${cell.countA} → ${cell.countB} (${signed(cell.delta)})`
  })
  const rates = `${percent(row.errorRateA)} → ${percent(row.errorRateB)}`
  const extra = Number.isInteger(row.regression) ? String(row.regression) : row.regression.toFixed(1)
  return `| ${fn(row.function)} | ${cells.join(' | ')} | ${rates} | ${extra} |`
}

function matrix(result: CompareResult): string[] {
  const head = RESULT_KINDS.map((r) => `${r} A → B`).join(' | ')
  const lines = [
    '## Function × Result, biggest regressions first',
    '',
    `| Function | ${head} | error rate A → B | extra errors in B |`,
    `| --- | ${RESULT_KINDS.map(() => '---:').join(' | ')} | ---: | ---: |`,
    ...result.rows.map(matrixLine),
  ]
  if (result.rows.length === 0) lines.push(`| (no entries) | ${RESULT_KINDS.map(() => '').join(' | ')} | | |`)
  if (result.rows.length < result.functionCount) {
    const shown = `Showing ${result.rows.length} of ${result.functionCount} functions`
    lines.push('', `${shown} (raise --limit for more).`)
  }
  lines.push('', '"extra errors in B": errors in B beyond what A\'s error rate for that function predicts.')
  return lines
}

function presence(title: string, label: string, list: PresenceList): string[] {
  if (list.total === 0) return [`### ${title}: none`]
  const more = list.items.length < list.total ? ` (showing ${list.items.length})` : ''
  return [
    `### ${title}: ${list.total}${more}`,
    '',
    `| ${label} | entries |`,
    '| --- | ---: |',
    ...list.items.map((item) => `| ${mdCell(item.value)} | ${item.count} |`),
  ]
}

function only(which: 'A' | 'B', side: CompareSide, diff: CompareResult['onlyInA']): string[] {
  return [
    `## Only in ${which}: ${sideName(side)}`,
    '',
    ...presence('Functions', 'Function', diff.functions),
    '',
    ...presence('API Users', 'API User', diff.apiUsers),
    '',
    ...presence('Agent Users', 'Agent User', diff.agentUsers),
  ]
}

export function formatCompareMarkdown(result: CompareResult): string {
  const lines = [
    `# Compare A: ${sideName(result.a)} with B: ${sideName(result.b)}`,
    '',
    ...summary(result),
    '',
    ...matrix(result),
    '',
    ...only('A', result.a, result.onlyInA),
    '',
    ...only('B', result.b, result.onlyInB),
  ]
  return `${lines.join('\n')}\n`
}
