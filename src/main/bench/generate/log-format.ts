// The synthetic log formats the benchmark writes, and how each is produced from the call stream.
import type { SourceFormat } from '../../../shared/types'
import { accessLogFormat } from './access-log-format'
import type { SyntheticCall } from './calls'
import { csvFormat } from './csv-format'
import { harFormat } from './har-format'
import { ndjsonFormat } from './ndjson-format'

export const BENCH_FORMATS = ['access', 'ndjson', 'har', 'csv'] as const
export type BenchFormat = (typeof BENCH_FORMATS)[number]

/** Writes one log: a header, one piece of text per call, a footer. */
export interface LogFormat {
  header(): string
  record(call: SyntheticCall): string
  footer(): string
}

export interface FormatInfo {
  label: string
  /** file name extension */
  ext: string
  /** the importer the app should pick by itself */
  importer: SourceFormat
  /** carries request/response bodies (the store-size target applies) */
  hasBodies: boolean
  create(seed: number): LogFormat
}

export const FORMAT_INFO: Record<BenchFormat, FormatInfo> = {
  access: { label: 'Apache combined access log', ext: 'log', importer: 'access-log', hasBodies: false, create: accessLogFormat },
  ndjson: { label: 'NDJSON gateway log with bodies', ext: 'ndjson', importer: 'ndjson', hasBodies: true, create: ndjsonFormat },
  har: { label: 'HAR 1.2 with bodies', ext: 'har', importer: 'har', hasBodies: true, create: harFormat },
  csv: { label: 'Workato API-log CSV', ext: 'csv', importer: 'csv', hasBodies: false, create: csvFormat },
}

export function isBenchFormat(value: string): value is BenchFormat {
  return (BENCH_FORMATS as readonly string[]).includes(value)
}
