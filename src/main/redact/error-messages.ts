// Import error messages are stored with the source: they must not carry credentials either. V8's
// JSON.parse quotes the text around the fault (`Unexpected token 'S', ..."token":SUPERSECRE"... is not
// valid JSON`): a quote that could hold part of a secret (a credential word, or a token-like run of 6+
// characters) is dropped; short harmless ones (`"atus": tru}"`) stay for diagnosis. Then the text rules run.
import type { EntrySink } from '../importers/types'
import { SECRET_WORD_RE } from './names'
import { SecretBook } from './secret-book'
import { createTagger } from './tag'
import { redactText } from './text-rules'

const JSON_QUOTE_RE = /,? ?(?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/g
const TOKEN_RUN_RE = /[A-Za-z0-9+/_=-]{6,}/

export function redactErrorMessage(message: string, key: Buffer): string {
  const withoutQuote = message.replace(JSON_QUOTE_RE, (all, quoted: string) =>
    TOKEN_RUN_RE.test(quoted) || SECRET_WORD_RE.test(quoted) ? ' (the text near it is not shown)' : all,
  )
  return redactText(withoutQuote, new SecretBook(createTagger(key)).mark, { isError: true })
}

/** The sink an importer writes to, with its error messages redacted. */
export function redactingErrorSink(sink: EntrySink, key: Buffer): EntrySink {
  return {
    add: (entry) => sink.add(entry),
    error: (position, message) => sink.error(position, redactErrorMessage(message, key)),
    skip: (position) => sink.skip(position),
    setMapping: (mapping) => sink.setMapping(mapping),
  }
}
