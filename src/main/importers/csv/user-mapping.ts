// `--map COLUMN=field` overrides: validated against the header, kept out of the auto-mapping, and the
// mapping actually used described back as column → field(s).
import { ImportRejected } from '../types'
import type { FieldColumns, Reserved } from './auto-map'
import { canonicalField, MAPPABLE_FIELDS, type MappableField } from './field-aliases'
import { foldKey, type ColumnName } from './header-names'

/** Field names that take a column out of the mapping. */
const IGNORE_WORDS = new Set(['ignore', 'none', 'skip', '-'])

function listColumns(columns: ColumnName[]): string {
  return columns.map((c) => `"${c.label}"`).join(', ')
}

export function findColumn(columns: ColumnName[], name: string): number {
  const trimmed = name.trim()
  let index = columns.findIndex((c) => c.label === trimmed)
  if (index < 0) index = columns.findIndex((c) => c.label.toLowerCase() === trimmed.toLowerCase())
  if (index < 0) index = columns.findIndex((c) => c.key === foldKey(trimmed))
  return index
}

function parseFields(column: string, spec: string): MappableField[] | null {
  if (IGNORE_WORDS.has(spec.trim().toLowerCase())) return null
  return spec.split(/[,+]/).map((name) => {
    const field = canonicalField(name)
    if (!field) {
      throw new ImportRejected(
        `--map ${column}=${spec}: unknown field "${name.trim()}" (fields: ${MAPPABLE_FIELDS.join(', ')}, or "ignore")`,
      )
    }
    return field
  })
}

/** The user's overrides, checked against the header: column index → fields (empty: left out). */
export interface UserMapping {
  columns: Map<number, MappableField[]>
}

/** Validates `--map` pairs; an unknown column or field rejects the file, naming the valid ones. */
export function readUserMapping(columns: ColumnName[], mapping: Record<string, string> | undefined): UserMapping {
  const out = new Map<number, MappableField[]>()
  for (const [column, spec] of Object.entries(mapping ?? {})) {
    const index = findColumn(columns, column)
    if (index < 0) throw new ImportRejected(`--map ${column}=${spec}: no column "${column}" (columns: ${listColumns(columns)})`)
    out.set(index, parseFields(column, spec) ?? [])
  }
  return { columns: out }
}

export function reservedBy(user: UserMapping): Reserved {
  return { columns: new Set(user.columns.keys()), fields: new Set([...user.columns.values()].flat()) }
}

/** The auto-mapping with the user's columns placed on their fields (in the order given). */
export function applyUserMapping(auto: FieldColumns, user: UserMapping): FieldColumns {
  const fields: FieldColumns = new Map(auto)
  for (const [index, targets] of user.columns) {
    for (const field of targets) fields.set(field, [...(fields.get(field) ?? []), index])
  }
  return fields
}

/** column label → "field" or "field,field" (a column can feed several), in header order. */
export function describeMapping(fields: FieldColumns, columns: ColumnName[]): Record<string, string> {
  const byColumn = new Map<number, MappableField[]>()
  for (const field of MAPPABLE_FIELDS) {
    for (const index of fields.get(field) ?? []) byColumn.set(index, [...(byColumn.get(index) ?? []), field])
  }
  const out: Record<string, string> = {}
  columns.forEach((column, index) => {
    const targets = byColumn.get(index)
    if (targets) out[column.label] = targets.join(',')
  })
  return out
}

/** The whole-file rejection when nothing says when the calls happened. */
export function noTimeColumn(columns: ColumnName[]): ImportRejected {
  const example = columns[0]?.label ?? 'Date'
  return new ImportRejected(
    `no time column recognised among the columns ${listColumns(columns)}; ` +
      `name it with --map, e.g. --map "${example}=ts" (other fields: ${MAPPABLE_FIELDS.filter((f) => f !== 'ts').join(', ')})`,
  )
}
