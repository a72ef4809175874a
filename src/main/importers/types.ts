import type { SourceFormat } from '../../shared/types'
import type { EntryRecord } from '../store/entry-record'
import type { WallClock } from './parse-time'

export type Detection = { kind: 'match'; confidence: number } | { kind: 'no-match'; reason: string }

/** Where an importer sends what it reads. All calls are synchronous. */
export interface EntrySink {
  /** one parsed API call */
  add(entry: EntryRecord): void
  /** a malformed record: counted, reported with its position, and the import goes on */
  error(position: number, message: string): void
  /** a record deliberately left out (comment, header line, non-request line) */
  skip(position: number): void
  /** the column → field mapping actually used (CSV-like formats), stored on the source */
  setMapping(mapping: Record<string, string>): void
}

export interface ImportContext {
  fileName: string
  /** zone assumed for timestamps that carry none, already validated ('UTC', '+02:00', IANA) */
  timeZone: string
  /** converts wall-clock times (read as if UTC) in `timeZone` to real UTC */
  wall: WallClock
  /** user overrides: source column → entry field */
  mapping?: Record<string, string>
  sink: EntrySink
}

/** Decoded text of the file, in chunks of arbitrary size (a chunk may end mid-line). */
export type TextInput = AsyncIterable<string>

export interface Importer {
  readonly id: SourceFormat
  readonly label: string
  /** Looks only at the first few KB of decoded text. */
  detect(head: string, fileName: string): Detection
  parse(input: TextInput, context: ImportContext): Promise<void>
}

/** A whole-file problem: reported as one clear line, and the store stays as it was. */
export class ImportRejected extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportRejected'
  }
}
