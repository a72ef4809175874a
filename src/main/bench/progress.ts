// Progress lines on stderr, stamped with the time since the run started.
const started = performance.now()

function stamp(): string {
  const s = Math.floor((performance.now() - started) / 1000)
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

export function log(message: string): void {
  process.stderr.write(`[bench ${stamp()}] ${message}\n`)
}

/** Elapsed seconds since the run started. */
export function elapsedSeconds(): number {
  return Math.round((performance.now() - started) / 1000)
}

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US')
export const fmtMb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes >= 1e9 ? 0 : 1)} MB`
