// The contract every access-log line format implements: detect from the head, parse one line.
import type { EntryRecord } from '../../store/entry-record'
import type { WallClock } from '../parse-time'

/**
 * What a parser makes of one line: an entry, `null` for a line deliberately left out (comment,
 * header directive, start-up message), or a string saying why the line is malformed.
 */
export type LineOutcome = EntryRecord | string | null

export type LineParser = (line: string, position: number) => LineOutcome

/** How well a variant reads the sampled head lines. */
export interface HeadScore {
  /** lines that are requests in this format */
  requests: number
  /** lines this format recognises but leaves out (comments, directives, start-up messages) */
  others: number
}

export interface LineVariant {
  /** short id, used in tests and error messages */
  readonly id: string
  readonly label: string
  /** Scores the sampled non-blank lines of the head (the last, possibly cut, line excluded). */
  scoreHead(lines: readonly string[]): HeadScore
  /** A parser for one file; `head` is the same sample, for variants that profile optional fields. */
  createParser(head: readonly string[], wall: WallClock): LineParser
}
