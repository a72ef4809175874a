// One export format: text before the rows, one row's text, and text after them (which may report
// notes collected while writing, such as placeholders a format forced on missing values).
import type { EntryDetail } from '../../shared/types'

export interface ExportFormatter {
  begin(): string
  /** `index` counts from 0 (formats that separate rows, such as HAR's JSON array, need it) */
  row(entry: EntryDetail, index: number): string
  end(summary: { rows: number; notes: string[] }): string
  /** notes on values the format could not carry as they are (stated in the file and in the result) */
  notes?(): string[]
}

export interface ExportFileType {
  extension: string
  contentType: string
}
