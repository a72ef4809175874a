// Splitting a log line into fields: blank-separated, with "quoted fields" that may hold blanks.

/** Unescapes \" and \\ (Apache's escapes); other backslash sequences (nginx's \x22) stay as written. */
export function unescapeQuoted(text: string): string {
  return text.indexOf('\\') < 0 ? text : text.replace(/\\(["\\])/g, '$1')
}

/** Index of the quote closing a field that opened just before `from`, or -1; \" does not close it. */
export function closingQuote(line: string, from: number): number {
  let at = line.indexOf('"', from)
  while (at > 0 && line.charCodeAt(at - 1) === 92 /* \ */) {
    let slashes = 1
    while (at - slashes - 1 >= from && line.charCodeAt(at - slashes - 1) === 92) slashes++
    if (slashes % 2 === 0) break
    at = line.indexOf('"', at + 1)
  }
  return at
}

export interface SplitResult {
  fields: string[]
  /** true for fields that were written in quotes (their quotes are removed) */
  quoted: boolean[]
  /** a quoted field ran to the end of the line without its closing quote */
  unterminated: boolean
}

/** Splits on runs of blanks (spaces, tabs); a field opening with a double quote runs to its closing quote. */
export function splitFields(line: string): SplitResult {
  const fields: string[] = []
  const quoted: boolean[] = []
  const n = line.length
  let i = 0
  let unterminated = false
  while (i < n) {
    const c = line.charCodeAt(i)
    if (c === 32 || c === 9) {
      i++
      continue
    }
    if (c === 34 /* " */) {
      let end = closingQuote(line, i + 1)
      if (end < 0) {
        unterminated = true
        end = n
      }
      fields.push(unescapeQuoted(line.slice(i + 1, end)))
      quoted.push(true)
      i = end + 1
      continue
    }
    let end = i + 1
    while (end < n) {
      const d = line.charCodeAt(end)
      if (d === 32 || d === 9) break
      end++
    }
    fields.push(line.slice(i, end))
    quoted.push(false)
    i = end
  }
  return { fields, quoted, unterminated }
}
