// The secrets found in one record, each with its tag. Structured rules add to it while they rewrite
// the places they understand; then every other occurrence of a secret is replaced in every field.
import { isPlaceholder } from './names'
import { hasTag, type Tagger } from './tag'
import type { Mark } from './value-strategies'

export class SecretBook {
  private readonly tags = new Map<string, string>()
  /** exact substitutions that are not secrets themselves (a base64 body → its redacted re-encoding) */
  readonly substitutions = new Map<string, string>()
  readonly mark: Mark

  /** spellings of secrets, remembered by the tagger across the records of one import or export */
  readonly spellings: Map<string, string[]>

  constructor(private readonly tagger: Tagger) {
    this.spellings = tagger.spellings
    this.mark = (secret) => this.add(secret)
  }

  /** Records a secret; returns its tag, or the text itself when it is empty, a placeholder or already tagged. */
  add(secret: string): string {
    if (isPlaceholder(secret) || hasTag(secret)) return secret
    let tag = this.tags.get(secret)
    if (tag === undefined) {
      tag = this.tagger(secret)
      this.tags.set(secret, tag)
    }
    return tag
  }

  get isEmpty(): boolean {
    return this.tags.size === 0 && this.substitutions.size === 0
  }

  secrets(): IterableIterator<[secret: string, tag: string]> {
    return this.tags.entries()
  }
}
