// The Function × Result matrix of A against B, biggest regressions first. Each count is a button that
// filters the grid to those entries; colour always comes with a word or a sign.
import type { CompareCell, CompareResult, CompareRow } from '../../../../shared/compare-types'
import { RESULT_KINDS, type EntryFilter, type ResultKind } from '../../../../shared/types'
import { RESULT_LABELS } from '../../components/ResultBadge'
import { VisibleText } from '../../components/VisibleText'
import { formatCount } from '../../lib/format'
import { toVisibleText } from '../../lib/visible-text'
import { NONE_LABEL } from '../filters/value-format'
import { cellTone, formatDelta, formatPoints, formatRate, rateTone, rowTone, TONE_WORD } from './compare-model'

export interface CompareMatrixProps {
  result: CompareResult
  onFilter: (filter: EntryFilter) => void
}

export function CompareMatrix({ result, onFilter }: CompareMatrixProps) {
  const { rows } = result
  return (
    <div className="compare-matrix-wrap">
      <table className="compare-matrix" aria-label="Function × Result, A against B">
        <thead>
          <tr>
            <th scope="col">Function</th>
            {RESULT_KINDS.map((kind) => (
              <th scope="col" key={kind} className="num">
                {RESULT_LABELS[kind]} <span className="muted">A → B</span>
              </th>
            ))}
            <th scope="col" className="num">
              Error rate <span className="muted">A → B</span>
            </th>
            <th scope="col" className="num" title="Errors in B beyond what A's error rate for this function predicts">
              Extra errors in B
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <MatrixRow key={row.function ?? '\u0000none'} row={row} onFilter={onFilter} />
          ))}
        </tbody>
      </table>
      {rows.length < result.functionCount && (
        <p className="muted small compare-limit" role="note">
          Showing the {formatCount(rows.length)} functions with the biggest changes of {formatCount(result.functionCount)}.
        </p>
      )}
    </div>
  )
}

function MatrixRow({ row, onFilter }: { row: CompareRow; onFilter: (filter: EntryFilter) => void }) {
  const name = row.function ?? NONE_LABEL
  const tone = rowTone(row)
  const rate = rateTone(row.errorRateDelta)
  return (
    <tr className={tone === 'worse' ? 'compare-row is-regression' : 'compare-row'}>
      <th scope="row" className="compare-function">
        <button
          type="button"
          className="link-button"
          title="Show this function's entries in both sources"
          onClick={() => onFilter(row.filter)}
        >
          <VisibleText text={name} />
        </button>
      </th>
      {RESULT_KINDS.map((kind) => (
        <MatrixCell key={kind} name={name} kind={kind} cell={row.cells[kind]} onFilter={onFilter} />
      ))}
      <td className={`num tone-${rate}`}>
        {formatRate(row.errorRateA)} → {formatRate(row.errorRateB)}
        {row.errorRateDelta !== null && (
          <>
            {' '}
            <span className="delta">
              ({formatPoints(row.errorRateDelta)}
              {TONE_WORD[rate] && `, ${TONE_WORD[rate]}`})
            </span>
          </>
        )}
      </td>
      <td className={`num tone-${row.regression > 0.0001 ? 'worse' : 'same'}`}>
        {row.regression > 0.0001 ? `+${formatCount(Math.round(row.regression * 10) / 10)}` : '0'}
      </td>
    </tr>
  )
}

interface MatrixCellProps {
  name: string
  kind: ResultKind
  cell: CompareCell
  onFilter: (filter: EntryFilter) => void
}

function MatrixCell({ name, kind, cell, onFilter }: MatrixCellProps) {
  if (cell.countA === 0 && cell.countB === 0) return <td className="num muted">–</td>
  const tone = cellTone(kind, cell)
  const text = `${formatCount(cell.countA)} → ${formatCount(cell.countB)}`
  const label =
    `${toVisibleText(name)}, ${RESULT_LABELS[kind]}: ${formatCount(cell.countA)} in A, ${formatCount(cell.countB)} in B ` +
    `(${formatDelta(cell.delta)}${TONE_WORD[tone] ? `, ${TONE_WORD[tone]}` : ''})`
  const filter = cell.filter
  return (
    <td className={`num tone-${tone}`}>
      {filter ? (
        <button type="button" className="cell-button" aria-label={label} title="Show these entries" onClick={() => onFilter(filter)}>
          {text} <span className="delta">({formatDelta(cell.delta)})</span>
        </button>
      ) : (
        <span aria-label={label}>
          {text} <span className="delta">({formatDelta(cell.delta)})</span>
        </span>
      )}
    </td>
  )
}
