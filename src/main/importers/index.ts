// The ordered registry of importers and format detection over it.
import type { SourceFormat } from '../../shared/types'
import { accessLogImporter } from './access-log'
import { csvImporter } from './csv'
import { harImporter } from './har'
import { jsonImporter } from './json'
import { ndjsonImporter } from './ndjson'
import type { Importer } from './types'
import { vicidialImporter } from './vicidial'

/** Earlier entries win ties in detection confidence. */
export const IMPORTERS: readonly Importer[] = [
  harImporter,
  vicidialImporter,
  jsonImporter,
  ndjsonImporter,
  csvImporter,
  accessLogImporter,
]

export function getImporter(id: SourceFormat): Importer {
  const importer = IMPORTERS.find((i) => i.id === id)
  if (!importer) throw new Error(`no importer for format ${id}`)
  return importer
}

export type DetectionResult =
  | { importer: Importer; confidence: number }
  | { importer: null; reasons: Array<{ format: SourceFormat; reason: string }> }

/** Picks the importer most confident about this head of text. */
export function detectFormat(head: string, fileName: string): DetectionResult {
  let best: { importer: Importer; confidence: number } | null = null
  const reasons: Array<{ format: SourceFormat; reason: string }> = []
  for (const importer of IMPORTERS) {
    const detection = importer.detect(head, fileName)
    if (detection.kind === 'match') {
      if (!best || detection.confidence > best.confidence) best = { importer, confidence: detection.confidence }
    } else {
      reasons.push({ format: importer.id, reason: detection.reason })
    }
  }
  return best ?? { importer: null, reasons }
}
