// VICIdial API logs (FORMATS.md §1): the admin "API Log Report" CSV download, mysqldump INSERTs of
// vicidial_api_log, `mysql -e` TSV output and CSV exports of the table. See vicidial/ for each shape.
//
// URLs and client IPs live in vicidial_api_urls. The report's "show URLs" columns carry them; in a dump
// they are joined only when the vicidial_api_urls rows come first (bounded, see api-url-cache.ts);
// a table export can carry them as extra url / remote_ip columns, e.g.
//   mysql -e "SELECT l.*, u.url, u.remote_ip FROM vicidial_api_log l LEFT JOIN vicidial_api_urls u USING (api_id)"
import { CsvReader } from './csv/csv-reader'
import { completeLines, sniffDialect } from './csv/dialect'
import { peekText } from './csv/head-text'
import type { ImportContext, Importer } from './types'
import { ImportRejected } from './types'
import { classifyVicidial, detectVicidial } from './vicidial/detect-vicidial'
import { importQuotedReport, ReportRows } from './vicidial/report-parser'
import { importSqlDump } from './vicidial/sql-dump'
import { importMysqlTsv, importTableCsv } from './vicidial/table-export'

const SNIFF_CHARS = 64 * 1024

/** A report re-saved by a spreadsheet: RFC 4180 records, preamble rows skipped until the header. */
async function importRfcReport(input: AsyncIterable<string>, head: string, isWhole: boolean, ctx: ImportContext) {
  const lines = completeLines(head, isWhole).split(/\r?\n|\r/)
  const headerAt = lines.findIndex((l) => /API DATE/i.test(l))
  const dialect = sniffDialect(lines.slice(Math.max(0, headerAt)).join('\n'))
  const rows = new ReportRows(ctx)
  const reader = new CsvReader((cells, line, raw) => (raw.trim() === '' ? ctx.sink.skip(line) : rows.takeCells(cells, line, raw)), {
    delimiter: dialect.delimiter,
    lineBreak: dialect.lineBreak,
    onError: (line, message) => ctx.sink.error(line, message),
  })
  for await (const chunk of input) reader.push(chunk)
  reader.end()
  rows.end()
}

async function importVicidial(input: AsyncIterable<string>, ctx: ImportContext): Promise<void> {
  const peeked = await peekText(input, SNIFF_CHARS)
  const variant = classifyVicidial(peeked.head)
  switch (variant) {
    case 'report':
      return importQuotedReport(peeked.text, ctx)
    case 'report-rfc':
      return importRfcReport(peeked.text, peeked.head, peeked.isWhole, ctx)
    case 'sql':
      return importSqlDump(peeked.text, ctx)
    case 'table-tsv':
      return importMysqlTsv(peeked.text, ctx)
    case 'table-csv':
      return importTableCsv(peeked.text, ctx)
    default:
      throw new ImportRejected(
        'not a VICIdial API log: no API Log Report header, vicidial_api_log INSERT statements or vicidial_api_log column header',
      )
  }
}

export const vicidialImporter: Importer = {
  id: 'vicidial',
  label: 'VICIdial API log',
  detect: (head) => detectVicidial(head),
  parse: importVicidial,
}
