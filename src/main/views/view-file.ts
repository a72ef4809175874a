// A view as a small JSON file to hand to someone else, and reading one back. The checksum is
// sha256 over the view's canonical JSON (object keys sorted): it catches a file edited by hand or
// damaged on the way; it is not a signature (anyone can recompute it).
import { createHash } from 'node:crypto'
import {
  VIEW_FILE_EXTENSION,
  VIEW_FILE_FORMAT,
  VIEW_FILE_VERSION,
  VIEW_LIMITS,
  type ExportedView,
  type SavedViewSpec,
  type ViewFile,
} from '../../shared/view-types'
import { ViewError } from './view-error'
import { describeZodError, viewFileSchema } from './view-schema'

/** JSON with object keys in sorted order at every level, so equal views hash equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function viewChecksum(view: SavedViewSpec): string {
  return `sha256:${createHash('sha256').update(canonicalJson(view), 'utf8').digest('hex')}`
}

/** A file name made of the view name's safe characters. */
export function viewFileName(name: string): string {
  const safe = name
    .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
    .replace(/^[ .]+|[ .]+$/g, '')
    .slice(0, 80)
  return `${safe || 'view'}${VIEW_FILE_EXTENSION}`
}

export function exportViewFile(view: SavedViewSpec): ExportedView {
  const spec: SavedViewSpec = {
    name: view.name,
    filter: view.filter,
    timeRange: view.timeRange,
    search: view.search,
    columns: view.columns,
    sort: view.sort,
  }
  const file: ViewFile = {
    format: VIEW_FILE_FORMAT,
    version: VIEW_FILE_VERSION,
    view: spec,
    checksum: viewChecksum(spec),
  }
  return { fileName: viewFileName(view.name), content: `${JSON.stringify(file, null, 2)}\n` }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** Reads a view file; throws a ViewError with one sentence saying what is wrong with it. */
export function parseViewFile(content: string): SavedViewSpec {
  if (content.length > VIEW_LIMITS.fileChars) {
    const max = VIEW_LIMITS.fileChars
    throw new ViewError(`not a saved-view file: it is ${content.length} characters long (at most ${max})`)
  }
  let data: unknown
  try {
    data = JSON.parse(content.replace(/^\ufeff/, ''))
  } catch {
    throw new ViewError('not a saved-view file: it is not valid JSON')
  }
  if (!isObject(data) || data.format !== VIEW_FILE_FORMAT) {
    throw new ViewError(`not a saved-view file: "format" is not "${VIEW_FILE_FORMAT}"`)
  }
  if (data.version !== VIEW_FILE_VERSION) {
    const version = JSON.stringify(data.version ?? null).slice(0, 20)
    throw new ViewError(
      `saved-view file version ${version} is not supported (this app reads version ${VIEW_FILE_VERSION})`,
    )
  }
  const parsed = viewFileSchema.safeParse(data)
  if (!parsed.success) throw new ViewError(`invalid saved-view file: ${describeZodError(parsed.error)}`)
  if (viewChecksum(parsed.data.view) !== parsed.data.checksum) {
    throw new ViewError(
      'saved-view file was changed after it was exported: its checksum does not match its content',
    )
  }
  return parsed.data.view
}
