// Reads the first chunks of a text stream for sniffing, then hands back the whole stream unchanged.

export interface PeekedText {
  /** at least `minChars` characters of the start of the text (all of it when shorter) */
  head: string
  /** true when `head` is the whole text */
  isWhole: boolean
  /** the whole text again, `head` first */
  text: AsyncIterable<string>
}

export async function peekText(input: AsyncIterable<string>, minChars: number): Promise<PeekedText> {
  const iterator = input[Symbol.asyncIterator]()
  const chunks: string[] = []
  let length = 0
  let isWhole = false
  while (length < minChars) {
    const next = await iterator.next()
    if (next.done) {
      isWhole = true
      break
    }
    chunks.push(next.value)
    length += next.value.length
  }
  const head = chunks.join('')
  async function* text(): AsyncGenerator<string> {
    if (head !== '') yield head
    if (isWhole) return
    for (;;) {
      const next = await iterator.next()
      if (next.done) return
      yield next.value
    }
  }
  return { head, isWhole, text: text() }
}
