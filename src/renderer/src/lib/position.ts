import type { SourceFormat } from '../../../shared/types'

// Line formats count lines (a CSV record counts from the line it starts on); HAR and JSON count entries.
const LINE_FORMATS: ReadonlySet<SourceFormat> = new Set(['csv', 'vicidial', 'ndjson', 'access-log'])

/** "line 12" or "entry 12" */
export function positionLabel(format: SourceFormat | null, position: number): string {
  return `${format && LINE_FORMATS.has(format) ? 'line' : 'entry'} ${position}`
}
