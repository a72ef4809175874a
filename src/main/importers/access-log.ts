// Text access logs: Apache/nginx, W3C extended (IIS, CloudFront, NetScaler, Incapsula), AWS ALB/ELB,
// HAProxy, uWSGI, Amazon S3 and Zeek http.log. The line format is chosen from the first lines, then
// every line goes through that format's parser.
import { chooseVariant, isBlank, sampleHead, SAMPLE_LINES } from './access-log/registry'
import type { LineParser } from './access-log/variant'
import { forEachLine } from './line-splitter'
import { ImportRejected, type Detection, type ImportContext, type Importer, type TextInput } from './types'

/** Characters of the file buffered to choose the variant when SAMPLE_LINES come later. */
const SAMPLE_CHARS = 256 * 1024

const FORMATS = 'Apache/nginx, W3C/IIS/CloudFront, AWS ALB/ELB/S3, HAProxy, uWSGI or Zeek http.log'

function detect(head: string): Detection {
  const lines = sampleHead(head)
  if (lines.length === 0) return { kind: 'no-match', reason: 'no text lines' }
  const choice = chooseVariant(lines)
  if (!choice || choice.share < 0.5) {
    return { kind: 'no-match', reason: `the first lines are not ${FORMATS} access-log lines` }
  }
  return { kind: 'match', confidence: choice.share >= 0.8 ? 0.9 : 0.5 }
}

function createLineHandler(parser: LineParser, ctx: ImportContext) {
  const { sink } = ctx
  return (line: string, position: number): void => {
    if (isBlank(line)) {
      sink.skip(position)
      return
    }
    let outcome
    try {
      outcome = parser(line, position)
    } catch (error) {
      outcome = `unreadable line: ${(error as Error).message}`
    }
    if (outcome === null) sink.skip(position)
    else if (typeof outcome === 'string') sink.error(position, outcome)
    else sink.add(outcome)
  }
}

async function parse(input: TextInput, ctx: ImportContext): Promise<void> {
  const pending: Array<[string, number]> = []
  let pendingChars = 0
  let sampled = 0
  let handle: ((line: string, position: number) => void) | null = null

  const start = () => {
    const sample = pending.filter(([line]) => !isBlank(line)).map(([line]) => line)
    const choice = chooseVariant(sample)
    if (!choice) {
      throw new ImportRejected(`no line in the first ${sample.length} looks like ${FORMATS} access logs`)
    }
    handle = createLineHandler(choice.variant.createParser(sample, ctx.wall), ctx)
    for (const [line, position] of pending) handle(line, position)
    pending.length = 0
  }

  await forEachLine(
    input,
    (line, position) => {
      if (handle) return handle(line, position)
      pending.push([line, position])
      pendingChars += line.length
      if (!isBlank(line)) sampled++
      if (sampled >= SAMPLE_LINES || pendingChars >= SAMPLE_CHARS) start()
    },
    (position, length) => ctx.sink.error(position, `line of ${length} characters is too long to read`),
  )
  if (!handle) {
    if (sampled === 0) throw new ImportRejected('the file has no text lines')
    start()
  }
}

export const accessLogImporter: Importer = {
  id: 'access-log',
  label: 'Access log',
  detect,
  parse,
}
