// The ordered registry of access-log line formats and the choice among them from a sample of lines.
import { albVariant } from './alb'
import { clfVariant } from './clf'
import { elbVariant } from './elb'
import { haproxyVariant } from './haproxy'
import { s3Variant } from './s3'
import { uwsgiVariant } from './uwsgi'
import type { LineVariant } from './variant'
import { w3cVariant } from './w3c'
import { zeekVariant } from './zeek'

/** Earlier variants win ties: the specific formats come before the generic Apache/nginx one. */
export const VARIANTS: readonly LineVariant[] = [
  w3cVariant,
  zeekVariant,
  albVariant,
  elbVariant,
  s3Variant,
  haproxyVariant,
  uwsgiVariant,
  clfVariant,
]

/** Lines of the head looked at to choose a variant. */
export const SAMPLE_LINES = 200

export interface VariantChoice {
  variant: LineVariant
  /** share of the sampled lines the variant reads (requests plus recognised non-request lines) */
  share: number
  requests: number
}

export function isBlank(line: string): boolean {
  return line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')
}

/**
 * The non-blank lines of a detection head, at most SAMPLE_LINES. The head may end mid-line, so a last
 * line without a line break is left out when other data lines come before it.
 */
export function sampleHead(head: string): string[] {
  const lines = head.split(/\r\n|\r|\n/)
  const cut = !/[\r\n]$/.test(head)
  const out: string[] = []
  for (let i = 0; i < lines.length && out.length < SAMPLE_LINES; i++) {
    if (isBlank(lines[i])) continue
    if (cut && i === lines.length - 1 && out.some((l) => l[0] !== '#')) break
    out.push(lines[i])
  }
  return out
}

/** The variant that reads most of the lines (and at least one request); null when none reads any. */
export function chooseVariant(lines: readonly string[]): VariantChoice | null {
  let best: VariantChoice | null = null
  if (lines.length === 0) return null
  for (const variant of VARIANTS) {
    const { requests, others } = variant.scoreHead(lines)
    if (requests === 0) continue
    const share = (requests + others) / lines.length
    if (!best || share > best.share) best = { variant, share, requests }
  }
  return best
}
