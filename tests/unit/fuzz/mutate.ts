// Arbitraries for importer fuzzing: random bytes, random text, random JSON, and valid log files
// mutated byte by byte (flips, inserts, deletions, duplicated slices, truncation, structural tokens,
// other encodings, gzip).
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'

/** Tokens that matter to the parsers: quotes, brackets, separators, line breaks, BOMs, bad bytes. */
const TOKENS = [
  '"', '{', '}', '[', ']', ',', ':', '\\', '\n', '\r', '\r\n', '\t', ';', '|', '""', '\u0000', '\uFEFF',
  '{"log":{"entries":[', '"entries":[', '"records":[', '\\u0000', '\\ud800', '"API DATE","USER"',
  '[01/May/2024:10:00:00 +0000]', 'GET / HTTP/1.1', '#Fields: date time cs-method', 'INSERT INTO `vicidial_api_log` VALUES (',
  '2024-05-01T10:00:00Z', '-1e999', '1e309', 'NaN', 'null', 'true', '\u202E', '\u001b[2J',
].map((t) => Buffer.from(t))
const BAD_BYTES = [Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80])]

type Mutation = (input: Buffer) => Buffer

const at = (input: Buffer, fraction: number) => Math.min(input.length, Math.floor(fraction * (input.length + 1)))

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })).map(([f, byte]): Mutation => (input) => {
    if (input.length === 0) return input
    const copy = Buffer.from(input)
    copy[Math.min(copy.length - 1, at(input, f))] = byte
    return copy
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...TOKENS, ...BAD_BYTES)).map(([f, token]): Mutation => (input) => {
    const i = at(input, f)
    return Buffer.concat([input.subarray(0, i), token, input.subarray(i)])
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b]): Mutation => (input) => {
    const [from, to] = [at(input, Math.min(a, b)), at(input, Math.max(a, b))]
    return Buffer.concat([input.subarray(0, from), input.subarray(to)])
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 512 }), fc.integer({ min: 2, max: 20 })).map(
    ([f, length, times]): Mutation => (input) => {
      const i = at(input, f)
      const slice = input.subarray(i, i + length)
      return Buffer.concat([input.subarray(0, i), ...Array(times).fill(slice), input.subarray(i)])
    },
  ),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (input) => input.subarray(0, at(input, f))),
)

/** The final wrapping of a file: as is, with a BOM, in UTF-16, or gzipped (maybe cut short). */
const wrapping: fc.Arbitrary<Mutation> = fc.constantFrom<Mutation>(
  (b) => b,
  (b) => b,
  (b) => b,
  (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]),
  (b) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(b.toString('utf8'), 'utf16le').swap16()]),
  (b) => gzipSync(b),
  (b) => {
    const gz = gzipSync(b)
    return gz.subarray(0, Math.max(2, gz.length >> 1))
  },
)

/** A valid file mutated a few times, then wrapped. */
export function mutatedFile(seeds: readonly Buffer[]): fc.Arbitrary<Buffer> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 8 }), wrapping)
    .map(([seed, mutations, wrap]) => wrap(mutations.reduce((bytes, m) => m(bytes), seed)))
}

/** Unstructured input: random bytes or random text with controls, separators and any code point. */
export const randomFile: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ unit: 'binary', maxLength: 2048 }).map((text) => Buffer.from(text)),
  fc.array(fc.oneof(fc.constantFrom(...TOKENS.map((t) => t.toString())), fc.string({ maxLength: 20 })), { maxLength: 200 }).map((parts) => Buffer.from(parts.join(''))),
)

/** Random JSON documents, NDJSON and HAR-shaped documents with random values. */
export const randomJsonFile: fc.Arbitrary<Buffer> = fc.oneof(
  fc.json({ maxDepth: 6 }).map((text) => Buffer.from(text)),
  fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 20 }).map((values) => Buffer.from(values.map((v) => JSON.stringify(v)).join('\n'))),
  fc.array(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 }), { maxLength: 10 }).map((records) =>
    Buffer.from(JSON.stringify(records)),
  ),
  fc.array(fc.jsonValue({ maxDepth: 5 }), { maxLength: 8 }).map((entries) => Buffer.from(JSON.stringify({ log: { version: '1.2', entries } }))),
)
