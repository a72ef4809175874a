// Fast reading of Common Log Format times ("10/Oct/2000:13:55:36 -0700"): the usual 26-character
// shape is read in place from the line with one Date.UTC call per distinct day; anything else goes
// through parseClfTime.
import { parseClfTime, type WallClock } from '../parse-time'

const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
}

/** Value of the two decimal digits at `at`, or NaN. */
function two(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48
  const b = text.charCodeAt(at + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN
}

/** Is text[at, at+26) shaped "dd/Mon/yyyy:HH:MM:SS ±hhmm"? */
function isUsualShape(text: string, at: number): boolean {
  const sign = text.charCodeAt(at + 21)
  return (
    text.charCodeAt(at + 2) === 47 && text.charCodeAt(at + 6) === 47 && text.charCodeAt(at + 11) === 58 &&
    text.charCodeAt(at + 14) === 58 && text.charCodeAt(at + 17) === 58 && text.charCodeAt(at + 20) === 32 &&
    (sign === 43 || sign === 45)
  )
}

export class ClfTimeReader {
  /** the day last seen as numbers (day of month, year, month letters, zone) and its start in UTC ms */
  private day = NaN
  private year = NaN
  private month = NaN
  private zone = NaN
  private dayMs = NaN
  private lastText = ''
  private lastMs: number | null = null

  constructor(private readonly wall: WallClock) {}

  /**
   * Reads the time in line[start, end) in place (no substring): only a change of day costs a Date.UTC
   * call. Null when it is not a CLF time.
   */
  readAt(line: string, start: number, end: number): number | null {
    if (end - start !== 26 || !isUsualShape(line, start)) return this.read(line.slice(start, end))
    const hours = two(line, start + 12)
    const minutes = two(line, start + 15)
    const seconds = two(line, start + 18)
    if (!(hours < 24 && minutes < 60 && seconds < 61)) return null // also false for NaN
    const day = two(line, start)
    const year = two(line, start + 7) * 100 + two(line, start + 9)
    const month =
      (line.charCodeAt(start + 3) << 16) | (line.charCodeAt(start + 4) << 8) | line.charCodeAt(start + 5)
    const sign = line.charCodeAt(start + 21) === 45 ? -1 : 1
    const zone = sign * (two(line, start + 22) * 60 + two(line, start + 24))
    if (day !== this.day || year !== this.year || month !== this.month || zone !== this.zone) {
      this.startDay(line.slice(start + 3, start + 6), day, year, month, zone)
    }
    const ms = this.dayMs + hours * 3600000 + minutes * 60000 + seconds * 1000
    return Number.isNaN(ms) ? null : ms
  }

  /** Reads a CLF time given as its own string (with or without zone, with or without fraction). */
  read(text: string): number | null {
    if (text === this.lastText) return this.lastMs
    this.lastText = text
    this.lastMs = parseClfTime(text, this.wall)
    return this.lastMs
  }

  private startDay(monthName: string, day: number, year: number, month: number, zone: number): void {
    this.day = day
    this.year = year
    this.month = month
    this.zone = zone
    const monthIndex = MONTHS[monthName]
    const valid = monthIndex !== undefined && day >= 1 && day <= 31
    this.dayMs = valid ? Date.UTC(year, monthIndex, day) - zone * 60000 : NaN
  }
}
