// NDJSON export: one full record per line (every field, headers, bodies whole and the raw record),
// camelCase names as in the API, times as ISO-8601 UTC.
import type { ExportFormatter } from './formatter'

export function ndjsonFormatter(): ExportFormatter {
  return {
    begin: () => '',
    row: (entry) => `${JSON.stringify(entry)}\n`,
    end: () => '',
  }
}
