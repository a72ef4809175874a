// The export formats: file type and formatter for each (a registry, not a switch at every use).
import type { ExportFormat, ExportRequest } from '../../shared/export-types'
import { csvFormatter } from './csv-format'
import type { ExportFileType, ExportFormatter } from './formatter'
import { harFormatter } from './har-format'
import { ndjsonFormatter } from './ndjson-format'

export interface ExportContext {
  /** a sentence for formats that carry a comment (HAR log.comment) */
  comment: string
}

interface FormatSpec extends ExportFileType {
  create(request: ExportRequest, context: ExportContext): ExportFormatter
}

export const EXPORT_FORMAT_SPECS: Record<ExportFormat, FormatSpec> = {
  csv: {
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    create: (request) => csvFormatter({ bom: request.bom }),
  },
  ndjson: { extension: 'ndjson', contentType: 'application/x-ndjson; charset=utf-8', create: () => ndjsonFormatter() },
  har: { extension: 'har', contentType: 'application/json; charset=utf-8', create: (_r, context) => harFormatter(context) },
}

/** "Exported by … on …: credentials redacted." plus the filter, for the file's own comment. */
export function exportComment(request: ExportRequest, when = new Date()): string {
  const filter = JSON.stringify(request.filter)
  return (
    `Exported by API Log Inspector on ${when.toISOString()} (filter ${filter === '{}' ? 'none' : filter}). ` +
    'Credentials are redacted: each secret is replaced by a «redacted:xxxxxx» tag, ' +
    'the same tag for the same secret. ' +
    'Nothing else is shortened: every matching entry is included with whole bodies.'
  )
}
