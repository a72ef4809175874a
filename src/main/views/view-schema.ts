// The one definition of a valid view, used for API arguments, view files and stored rows; and
// zod issues turned into one short sentence a person can act on.
import { z } from 'zod'
import { RESULT_KINDS, SORT_FIELDS } from '../../shared/types'
import { VIEW_FILE_FORMAT, VIEW_FILE_VERSION, VIEW_LIMITS as L } from '../../shared/view-types'
import { viewNameProblem } from './view-name'

const text = z.string().max(L.textChars)
const list = z.array(text.nullable()).max(L.listItems)

const STATUS_RE = /^\s*(\d{1,3}|[1-5]xx|none)\s*$/i
const status = text.refine((v) => STATUS_RE.test(v), 'not a status code, a class such as 4xx, or "none"')

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
export const isoTime = z
  .string()
  .max(40)
  .refine(
    (v) => ISO_RE.test(v) && !Number.isNaN(Date.parse(v)),
    'not an ISO-8601 time such as 2024-05-01T10:00:00Z',
  )

export const viewFilterSchema = z
  .object({
    apiUser: list.optional(),
    agentUser: list.optional(),
    function: list.optional(),
    result: z.array(z.enum(RESULT_KINDS)).max(RESULT_KINDS.length).optional(),
    statusCode: z.array(status).max(L.listItems).optional(),
    method: list.optional(),
    service: list.optional(),
    tenant: list.optional(),
    clientIp: list.optional(),
    correlationId: z.array(text).max(L.listItems).optional(),
  })
  .strict()

const absoluteRange = z
  .object({ kind: z.literal('absolute'), from: isoTime.optional(), to: isoTime.optional() })
  .strict()
  .refine((r) => r.from !== undefined || r.to !== undefined, 'an absolute range needs "from", "to" or both')
  .refine((r) => !r.from || !r.to || Date.parse(r.from) < Date.parse(r.to), '"from" must be before "to"')

export const timeRangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  absoluteRange,
  z
    .object({ kind: z.literal('relative'), lastMinutes: z.number().int().min(1).max(L.maxLastMinutes) })
    .strict(),
])

const COLUMN_ID_RE = /^[A-Za-z_][A-Za-z0-9_.:-]*$/
const columnSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(L.columnIdChars)
      .regex(COLUMN_ID_RE, 'a column id is a letter then letters, digits, _ . : -'),
    width: z.number().int().min(L.minWidth).max(L.maxWidth).optional(),
    hidden: z.boolean().optional(),
  })
  .strict()

const columnsSchema = z
  .array(columnSchema)
  .max(L.columns)
  .refine((columns) => new Set(columns.map((c) => c.id)).size === columns.length, 'a column appears twice')

export const sortSchema = z.object({ field: z.enum(SORT_FIELDS), dir: z.enum(['asc', 'desc']) }).strict()

const nameSchema = z
  .string()
  .max(L.nameChars * 2)
  .superRefine((name, ctx) => {
    const problem = viewNameProblem(name)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export const viewSpecSchema = z
  .object({
    name: nameSchema,
    filter: viewFilterSchema,
    timeRange: timeRangeSchema,
    search: text,
    columns: columnsSchema,
    sort: sortSchema.nullable(),
  })
  .strict()

export const viewFileSchema = z
  .object({
    format: z.literal(VIEW_FILE_FORMAT),
    version: z.literal(VIEW_FILE_VERSION),
    view: viewSpecSchema,
    checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" and 64 lower-case hex digits'),
  })
  .strict()

type Issue = z.ZodError['issues'][number]

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key)
  return out
}

const quote = (value: unknown) => JSON.stringify(typeof value === 'string' ? value.slice(0, 50) : value)

function describeSize(issue: Issue & { code: 'too_big' | 'too_small' }): string {
  const big = issue.code === 'too_big'
  const limit = Number(big ? issue.maximum : issue.minimum)
  if (issue.origin === 'string') {
    if (big) return `longer than ${limit} characters`
    return limit === 1 ? 'must not be empty' : `shorter than ${limit} characters`
  }
  if (issue.origin === 'array') return big ? `more than ${limit} items` : `fewer than ${limit} items`
  return big ? `greater than ${limit}` : `less than ${limit}`
}

/** One issue as a short phrase: "unknown key \"x\"", "longer than 2000 characters", … */
export function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.slice(0, 5).map(quote).join(', ')}`
    case 'too_big':
    case 'too_small':
      return describeSize(issue)
    case 'invalid_type':
      return issue.message.replace(/^Invalid input: /, '')
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${quote(issue.values[0])}`
        : `expected one of ${issue.values.map(quote).join(', ')}`
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? `expected one of ${issue.options.map(quote).join(', ')}`
        : issue.message
    default:
      return issue.message
  }
}

/** The first issue with where it is: "view.filter.apiUser[0]: expected string, received number". */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid value'
  const where = formatPath(issue.path)
  return where ? `${where}: ${describeIssue(issue)}` : describeIssue(issue)
}
