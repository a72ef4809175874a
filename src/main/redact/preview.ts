// "What will be masked": for one entry, each field and the credentials in it, shortened, with the tag
// that replaces them. Built by running the real redaction and reading back what it recorded.
import type { RedactionPreviewItem } from '../../shared/export-types'
import type { EntryDetail } from '../../shared/types'
import { spellings } from './occurrences'
import { BODY_FIELDS, HEADER_FIELDS, LABEL_FIELDS, redactWithTagger, TEXT_FIELDS } from './redact-record'
import { createTagger } from './tag'

/** "eyJhbGciOi…" → "eyJh… (43 chars)"; short secrets show no characters at all. */
export function maskSecret(secret: string): string {
  const shown = secret.length >= 16 ? 4 : secret.length >= 8 ? 2 : 0
  return `${secret.slice(0, shown)}… (${secret.length} chars)`
}

function fieldTexts(detail: EntryDetail): Array<[field: string, text: string]> {
  const out: Array<[string, string]> = []
  for (const field of HEADER_FIELDS) for (const [name, value] of detail[field]) out.push([`${field}.${name}`, value])
  for (const [field] of BODY_FIELDS) if (detail[field]) out.push([field, detail[field] as string])
  for (const field of [...TEXT_FIELDS, ...LABEL_FIELDS]) if (detail[field]) out.push([field, detail[field] as string])
  return out
}

export function previewRedactionWithKey(detail: EntryDetail, key: Buffer): RedactionPreviewItem[] {
  const tagger = createTagger(key)
  const found = new Map<string, string>()
  const recording = (secret: string) => {
    const tag = tagger(secret)
    found.set(secret, tag)
    return tag
  }
  const redacted = redactWithTagger(detail, Object.assign(recording, { spellings: tagger.spellings }))
  const after = new Map(fieldTexts(redacted).map(([field, text], i) => [`${i}:${field}`, text]))
  const items: RedactionPreviewItem[] = []
  fieldTexts(detail).forEach(([field, text], i) => {
    if (after.get(`${i}:${field}`) === text) return
    const seen = new Set<string>()
    for (const [secret, tag] of found) {
      if (seen.has(tag) || !spellings(secret).some((s) => text.includes(s))) continue
      seen.add(tag)
      items.push({ field, before: maskSecret(secret), after: tag })
    }
    if (seen.size === 0) items.push({ field, before: '(encoded content)', after: 'credentials inside are masked' })
  })
  return items
}
