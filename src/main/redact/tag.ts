// The short tag a redacted secret is replaced by: the same secret always gets the same tag within a
// store (a keyed hash), so "same token or a different one?" can still be answered.
import { createHmac } from 'node:crypto'

export const TAG_PREFIX = '«redacted:'
export const TAG_RE = /«redacted:[0-9a-f]{6}»/
const TAG_HEX = 6

export interface Tagger {
  (secret: string): string
  /** spellings of the secrets this tagger has seen (occurrences.ts), kept only as long as the tagger */
  readonly spellings: Map<string, string[]>
}

/** Tags remembered per tagger: the same few tokens recur on every row of a log. */
const MAX_CACHED_TAGS = 10_000

/** HMAC-SHA256 of the secret under the store's key, first 6 hex digits: «redacted:7f3a9c». */
export function createTagger(key: Buffer): Tagger {
  const cache = new Map<string, string>()
  const tag = (secret: string) => {
    let found = cache.get(secret)
    if (found === undefined) {
      const hex = createHmac('sha256', key).update(secret, 'utf8').digest('hex')
      found = `${TAG_PREFIX}${hex.slice(0, TAG_HEX)}»`
      if (cache.size >= MAX_CACHED_TAGS) cache.clear()
      cache.set(secret, found)
    }
    return found
  }
  return Object.assign(tag, { spellings: new Map<string, string[]>() })
}

/** True when the text already holds a tag (redaction is idempotent: tagged values are left alone). */
export function hasTag(text: string): boolean {
  return text.includes(TAG_PREFIX) && TAG_RE.test(text)
}

/** True when `index` falls inside a tag of `text`. */
export function isInsideTag(text: string, index: number): boolean {
  const open = text.lastIndexOf('«', index)
  if (open < 0 || index - open > TAG_PREFIX.length + TAG_HEX || !text.startsWith(TAG_PREFIX, open)) return false
  return text.indexOf('»', open) >= index
}
