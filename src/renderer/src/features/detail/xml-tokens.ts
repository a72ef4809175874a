// Splits XML/HTML into markup and text tokens for the pretty-printer, in time linear in the length
// of the text whatever it holds (a regular expression such as /<[^>]*>/ rescans to the end from every
// `<` of a body like "<<<<…", which froze the detail pane for minutes on a 200 KB body). Every
// character lands in exactly one token, so joining the tokens gives the text back.

export interface XmlToken {
  text: string
  /** a tag, comment, CDATA section, processing instruction or declaration; else text */
  markup: boolean
}

/** indexOf with memory: answers for increasing positions cost O(n) in total. */
function finder(text: string, term: string): (from: number) => number {
  let at = -2
  return (from) => {
    if (at === -1 || at >= from) return at
    at = text.indexOf(term, from)
    return at
  }
}

const LT = 0x3c
const GT = 0x3e
const DQ = 0x22
const SQ = 0x27

export function xmlTokens(text: string): XmlToken[] {
  const n = text.length
  const next = {
    lt: finder(text, '<'),
    gt: finder(text, '>'),
    comment: finder(text, '-->'),
    cdata: finder(text, ']]>'),
    pi: finder(text, '?>'),
  }
  // quoted attribute values may hold < and >; scanning for them stops once it has cost 4n
  let budget = 4 * n + 64

  /** Index of the `>` closing the tag at `i`, quotes respected; -1 when there is none. */
  const quotedTagEnd = (i: number): number => {
    let quote = 0
    for (let j = i + 1; j < n; j++) {
      if (--budget < 0) return -1
      const c = text.charCodeAt(j)
      if (quote !== 0) {
        if (c === quote) quote = 0
      } else if (c === GT) return j
      else if (c === LT) return -1
      else if (c === DQ || c === SQ) quote = c
    }
    budget = -1 // ran off the end: later tags are read without quotes
    return -1
  }

  /** Index of the last character of the markup starting at `i`, or -1 when `<` starts none. */
  const markupEnd = (i: number): number => {
    const end = (at: number, length: number) => (at < 0 ? -1 : at + length - 1)
    if (text.startsWith('<!--', i)) return end(next.comment(i + 4), 3)
    if (text.startsWith('<![CDATA[', i)) return end(next.cdata(i + 9), 3)
    if (text.startsWith('<?', i)) return end(next.pi(i + 2), 2)
    if (budget > 0) {
      const quoted = quotedTagEnd(i)
      if (quoted >= 0) return quoted
    }
    const gt = next.gt(i + 1)
    const lt = next.lt(i + 1)
    return gt >= 0 && (lt < 0 || gt < lt) ? gt : -1
  }

  const tokens: XmlToken[] = []
  let i = 0
  while (i < n) {
    let last = text.charCodeAt(i) === LT ? markupEnd(i) : -1
    const markup = last >= 0
    if (!markup) {
      // text up to the next `<` (a `<` that starts no markup is text too)
      const lt = next.lt(i + 1)
      last = (lt < 0 ? n : lt) - 1
    }
    const previous = tokens[tokens.length - 1]
    if (!markup && previous && !previous.markup) previous.text += text.slice(i, last + 1)
    else tokens.push({ text: text.slice(i, last + 1), markup })
    i = last + 1
  }
  return tokens
}
