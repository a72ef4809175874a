// Maps header columns onto entry fields: a known layout first, then the alias table, checking ambiguous
// names against the column's first values.
import type { WallClock } from '../parse-time'
import { FIELD_RULES, type FieldRule, type MappableField, type ValueCheck } from './field-aliases'
import type { ColumnName } from './header-names'
import { findLayout, type KnownLayout } from './known-layouts'
import { chooseTimeReader } from './time-format'
import { parseDuration, parseHttpStatus, parseResultWord } from './value-parsers'

/** field → column indexes: fallbacks in order (for `function`, parts joined with a space) */
export type FieldColumns = Map<MappableField, number[]>

export interface AutoMapping {
  fields: FieldColumns
  layout: KnownLayout | null
}

/** Column values of the first data records, one array per column. */
export type ColumnSamples = string[][]

function nonBlank(values: string[]): string[] {
  return values.map((v) => v.trim()).filter((v) => v !== '' && v !== '-')
}

function mostly(values: string[], test: (v: string) => boolean): boolean {
  return values.filter(test).length >= values.length * 0.8
}

function passes(check: ValueCheck, column: ColumnName, samples: string[], wall: WallClock): boolean {
  const values = nonBlank(samples)
  switch (check) {
    case 'time':
      return chooseTimeReader(values, wall, column.isUtc) !== null
    case 'httpStatus':
      return values.length > 0 && mostly(values, (v) => parseHttpStatus(v) !== null)
    case 'resultWord':
      return values.length > 0 && mostly(values, (v) => parseResultWord(v) !== null)
    case 'notHttpStatus':
      return values.length > 0 && values.some((v) => parseHttpStatus(v) === null)
    case 'text':
      return values.length > 0 && values.some((v) => !/^\d+$/.test(v))
    case 'duration':
      return mostly(values, (v) => parseDuration(v, column.unit) !== null)
  }
}

/** Rank of the column among the rule's names (lower is better); -1 when it does not match. */
function rank(rule: FieldRule, column: ColumnName): { at: number; key: string } | null {
  let at = rule.keys.indexOf(column.key)
  if (at >= 0) return { at: at * 2, key: column.key }
  at = rule.keys.indexOf(column.baseKey)
  return at >= 0 ? { at: at * 2 + 1, key: column.baseKey } : null
}

function indexOfKey(columns: ColumnName[], key: string, used: ReadonlySet<number>): number {
  let index = columns.findIndex((c, i) => !used.has(i) && c.key === key)
  if (index < 0) index = columns.findIndex((c, i) => !used.has(i) && c.baseKey === key)
  return index
}

/** Columns and fields the user mapped by hand: the auto-mapping leaves them alone. */
export interface Reserved {
  columns: ReadonlySet<number>
  fields: ReadonlySet<MappableField>
}

const NOTHING_RESERVED: Reserved = { columns: new Set(), fields: new Set() }

function mapLayout(layout: KnownLayout, columns: ColumnName[], fields: FieldColumns, reserved: Reserved): Set<number> {
  const used = new Set<number>(reserved.columns)
  for (const [field, keys] of Object.entries(layout.fields) as Array<[MappableField, string[]]>) {
    if (reserved.fields.has(field)) continue
    const indexes = keys.map((k) => indexOfKey(columns, k, reserved.columns)).filter((i) => i >= 0)
    if (indexes.length === 0) continue
    fields.set(field, indexes)
    for (const i of indexes) used.add(i)
  }
  return used
}

export function autoMap(
  columns: ColumnName[],
  samples: ColumnSamples,
  wall: WallClock,
  reserved: Reserved = NOTHING_RESERVED,
): AutoMapping {
  const fields: FieldColumns = new Map()
  const layout = findLayout(new Set(columns.flatMap((c) => [c.key, c.baseKey])))
  const used = layout ? mapLayout(layout, columns, fields, reserved) : new Set<number>(reserved.columns)
  for (const rule of FIELD_RULES) {
    if (fields.has(rule.field) || reserved.fields.has(rule.field)) continue
    let best: { index: number; at: number } | null = null
    columns.forEach((column, index) => {
      if (used.has(index)) return
      const r = rank(rule, column)
      if (!r || (best && best.at <= r.at)) return
      const mustCheck = rule.check && (!rule.checked || rule.checked.includes(r.key))
      if (mustCheck && !passes(rule.check as ValueCheck, column, samples[index] ?? [], wall)) return
      best = { index, at: r.at }
    })
    const chosen = best as { index: number; at: number } | null
    if (chosen) {
      fields.set(rule.field, [chosen.index])
      used.add(chosen.index)
    }
  }
  return { fields, layout }
}
