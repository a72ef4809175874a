import type { ResultKind } from '../../../shared/types'

export const RESULT_LABELS: Record<ResultKind, string> = { success: 'Success', error: 'Error', notice: 'Notice' }

/** Result as colour and text (never colour alone). */
export function ResultBadge({ result }: { result: ResultKind }) {
  return (
    <span className={`result-badge result-${result}`}>
      <span className="result-dot" aria-hidden="true" />
      {RESULT_LABELS[result]}
    </span>
  )
}
