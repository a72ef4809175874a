// A one-line progress bar on stderr, drawn only when stderr is a terminal.
import type { ImportProgressTick } from '../importers/run-import'
import { formatBytes } from '../importers/input'

export class ProgressBar {
  private readonly started = Date.now()
  private drawn = false

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  get enabled(): boolean {
    return Boolean(this.stream.isTTY)
  }

  update(tick: ImportProgressTick): void {
    if (!this.enabled) return
    const fraction = tick.bytesTotal > 0 ? Math.min(tick.bytesRead / tick.bytesTotal, 1) : 0
    const width = 24
    const filled = Math.round(fraction * width)
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001)
    const rate = Math.round(tick.entries / seconds).toLocaleString('en-US')
    const line =
      `${this.label.slice(0, 30)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(fraction * 100)}% ` +
      `${formatBytes(tick.bytesRead)}/${formatBytes(tick.bytesTotal)} ${tick.entries.toLocaleString('en-US')} entries (${rate}/s)` +
      (tick.errors ? ` ${tick.errors} errors` : '')
    this.stream.write(`\r${line.slice(0, (this.stream.columns ?? 120) - 1)}\x1b[K`)
    this.drawn = true
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K')
  }
}
