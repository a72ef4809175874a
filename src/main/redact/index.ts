// Credential redaction (issue 5): "redact credentials, not content". Imports store records through
// `redactEntryRecord` unless the user keeps secrets; exports and reports pass every entry through
// `redactEntryDetail`. See names.ts (which names), value-strategies.ts (how values are rewritten),
// text-rules.ts (patterns in free text) and redact-record.ts (which fields).
//
// Keys: tags are an HMAC under a per-store key kept in the store's `meta` table. `redactEntryRecord`
// takes the key; `redactEntryDetail` uses the key set with `useRedactionKey` (the backend sets its
// store's key on start, the CLI before exporting), or a per-process random key until one is set.
import type { RedactionPreviewItem } from '../../shared/export-types'
import type { EntryDetail } from '../../shared/types'
import type { EntryRecord } from '../store/entry-record'
import { previewRedactionWithKey } from './preview'
import { currentRedactionKey } from './redaction-key'
import { redactWithTagger } from './redact-record'
import { createTagger } from './tag'

export { loadRedactionKey, useRedactionKey, currentRedactionKey } from './redaction-key'
export { maskSecret } from './preview'
export { hasTag, TAG_RE } from './tag'
export { TEXT_RULES } from './text-rules'
export { NAME_RULES } from './names'

/** Redacts a record before it is stored (the import pipeline). Identity fields are left as derived. */
export function redactEntryRecord(record: EntryRecord, key: Buffer): EntryRecord {
  return redactWithTagger(record, createTagger(key))
}

/** A redactor bound to one key, for streams of records (import, export). */
export function createRecordRedactor(key: Buffer): <T extends EntryRecord | EntryDetail>(record: T) => T {
  const tagger = createTagger(key)
  return (record) => redactWithTagger(record, tagger)
}

/** Redacts an entry for display, export or a report, with the current store's key (see above). */
export function redactEntryDetail(detail: EntryDetail): EntryDetail {
  return redactWithTagger(detail, createTagger(currentRedactionKey()))
}

/** What redaction would mask in this entry (empty when it holds no credentials, e.g. already redacted). */
export function previewRedaction(detail: EntryDetail): RedactionPreviewItem[] {
  return previewRedactionWithKey(detail, currentRedactionKey())
}
