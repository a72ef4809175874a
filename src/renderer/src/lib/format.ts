// Number and size formatting, fixed to one locale so the UI (and its tests) read the same everywhere.
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export function formatCount(n: number): string {
  return INTEGER.format(n)
}

/** "1 entry", "1,204 entries" */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

export function formatPercent(part: number, total: number): string {
  if (total <= 0) return '0%'
  return `${Math.min(100, Math.floor((part / total) * 100))}%`
}
