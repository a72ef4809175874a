// Argument schemas of the triage methods (runTriage, getFindings, renderTriageReport).
import { z } from 'zod'
import { CALLER_KINDS, type FindingsRequest, type TriageRequest } from '../../shared/triage-types'

const time = z.string().min(1).max(100)
const sourceIds = z.array(z.number().int()).max(10_000)

export const triageRequestSchema: z.ZodType<TriageRequest, unknown> = z
  .object({
    caller: z.object({ kind: z.enum(CALLER_KINDS), value: z.string().min(1).max(1000) }).strict(),
    function: z.string().max(1000).optional(),
    at: time.optional(),
    timeZone: z.string().max(100).optional(),
    toleranceMinutes: z.number().min(0).max(7 * 24 * 60).optional(),
    from: time.optional(),
    to: time.optional(),
    lastGood: time.optional(),
    sourceId: sourceIds.optional(),
  })
  .strict()

/** No argument means the whole store. */
export const findingsRequestSchema: z.ZodType<FindingsRequest, unknown> = z
  .union([
    z.undefined(),
    z.null(),
    z.object({ from: time.optional(), to: time.optional(), sourceId: sourceIds.optional() }).strict(),
  ])
  .transform((value): FindingsRequest => value ?? {})
