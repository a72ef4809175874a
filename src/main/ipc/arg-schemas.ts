// One schema per API method: the single place where arguments from a client are validated.
import { z } from 'zod'
import type { ApiMethod, InspectorApi } from '../../shared/api'
import { FACET_FIELDS, RESULT_KINDS, SORT_FIELDS, SOURCE_FORMATS } from '../../shared/types'
import { viewSpecSchema } from '../views/view-schema'
import { EXPORT_FORMATS } from '../../shared/export-types'
import { findingsRequestSchema, triageRequestSchema } from './triage-schemas'

const text = z.string().max(10_000)
const nullableList = z.array(text.nullable()).max(10_000)

export const filterSchema = z
  .object({
    from: text.optional(),
    to: text.optional(),
    apiUser: nullableList.optional(),
    agentUser: nullableList.optional(),
    function: nullableList.optional(),
    result: z.array(z.enum(RESULT_KINDS)).optional(),
    statusCode: z.array(text).max(1000).optional(),
    method: nullableList.optional(),
    service: nullableList.optional(),
    tenant: nullableList.optional(),
    clientIp: nullableList.optional(),
    sourceId: z.array(z.number().int()).max(10_000).optional(),
    correlationId: z.array(text).max(10_000).optional(),
    search: text.optional(),
  })
  .strict()

const importOptions = {
  format: z.enum([...SOURCE_FORMATS, 'auto']).optional(),
  mapping: z.record(text, text).optional(),
  timeZone: text.optional(),
  force: z.boolean().optional(),
  keepSecrets: z.boolean().optional(),
}

const fileRef = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ uploadId: z.string().min(1).max(100), name: z.string().min(1).max(1000) }).strict(),
])

const noArgument = z.union([z.undefined(), z.null(), z.object({}).strict()]).transform(() => undefined)
const id = z.object({ id: z.number().int() }).strict()
const jobId = z.object({ jobId: z.string().min(1).max(100) }).strict()

// Saved views, compare, tenants: views are named (case-insensitive); the spec has its own schema.
const viewName = z.string().min(1).max(1000)
const named = z.object({ name: viewName }).strict()
const sourceIdArg = z.number().int().min(1)

type Schemas = { [K in ApiMethod]: z.ZodType<Parameters<InspectorApi[K]>[0], unknown> }

export const ARG_SCHEMAS: Schemas = {
  getStoreInfo: noArgument,
  listSources: noArgument,
  removeSource: id,
  startImport: z.object({ files: z.array(fileRef).min(1).max(1000), ...importOptions }).strict(),
  cancelImport: jobId,
  importSample: noArgument,
  queryEntries: z
    .object({
      filter: filterSchema,
      sort: z.object({ field: z.enum(SORT_FIELDS), dir: z.enum(['asc', 'desc']) }).strict().optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(0).max(10_000).optional(),
    })
    .strict(),
  countEntries: z.object({ filter: filterSchema }).strict(),
  locateEntry: z
    .object({
      filter: filterSchema,
      sort: z.object({ field: z.enum(SORT_FIELDS), dir: z.enum(['asc', 'desc']) }).strict().optional(),
      id: z.number().int(),
    })
    .strict(),
  getFacets: z
    .object({
      filter: filterSchema,
      fields: z.array(z.enum(FACET_FIELDS)).min(1),
      limit: z.number().int().min(1).max(10_000).optional(),
      contains: text.optional(),
    })
    .strict(),
  getHistogram: z.object({ filter: filterSchema, buckets: z.number().int().min(1).max(2000).optional() }).strict(),
  getEntry: id,
  listViews: noArgument,
  saveView: z.object({ view: viewSpecSchema, createOnly: z.boolean().optional() }).strict(),
  renameView: z.object({ name: viewName, newName: viewName }).strict(),
  duplicateView: z.object({ name: viewName, newName: viewName.optional() }).strict(),
  deleteView: named,
  markViewUsed: named,
  getLastUsedView: noArgument,
  applyView: z.object({ name: viewName, sourceIds: z.array(sourceIdArg).max(10_000).optional() }).strict(),
  exportView: named,
  importView: z.object({ content: z.string().max(1_000_000), overwrite: z.boolean().optional() }).strict(),
  compareSources: z
    .object({
      a: sourceIdArg,
      b: sourceIdArg,
      filter: filterSchema.optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
    })
    .strict(),
  getTenantStats: z.object({ filter: filterSchema, limit: z.number().int().min(1).max(100_000).optional() }).strict(),
  startExport: z
    .object({
      filter: filterSchema,
      sort: z.object({ field: z.enum(SORT_FIELDS), dir: z.enum(['asc', 'desc']) }).strict().optional(),
      format: z.enum(EXPORT_FORMATS),
      path: z.string().min(1).max(4096).optional(),
      bom: z.boolean().optional(),
    })
    .strict(),
  cancelExport: z.object({ exportId: z.string().min(1).max(100) }).strict(),
  previewRedaction: id,
  runTriage: triageRequestSchema,
  getFindings: findingsRequestSchema,
  renderTriageReport: z.object({ request: triageRequestSchema, format: z.enum(['md', 'html']) }).strict(),
  getStoreHealth: noArgument,
  openStoreReadOnly: noArgument,
  rebuildStore: noArgument,
}
