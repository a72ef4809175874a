// RFC 4180 cells with spreadsheet formula injection neutralised (OWASP CSV injection guidance).

const FORMULA_START = /^[=+\-@\t\r\n\0]/

/** Quotes a cell when needed; text starting like a formula gets a leading apostrophe. Numbers keep their sign. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  let text = String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return values.map(csvCell).join(',')
}
