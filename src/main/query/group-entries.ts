// GROUP BY without a sort. SQLite answers GROUP BY by sorting every matching row, which takes
// seconds on a million entries; upserting each row into a small temp table keyed by the group
// (a hash aggregate, done by SQLite) only touches the groups. Compare and tenant stats use it.
import type { Db } from '../store/db'
import type { SqlFragment } from './compile-filter'

export interface GroupAggregate {
  /** column name in the temp table (a plain identifier, never user input) */
  name: string
  /** SQL over `entries e` evaluated per row */
  expr: string
  fold: 'sum' | 'min' | 'max'
}

export interface GroupSpec {
  /** SQL over `entries e` to group by; NULL is a group of its own */
  keys: string[]
  aggregates: GroupAggregate[]
  /** values for the `?` in keys and aggregate expressions, in order */
  params: unknown[]
  where: SqlFragment
}

export const GROUP_TABLE = 'temp.inspector_group'
const IDENTIFIER = /^[a-z][a-z0-9_]*$/

/**
 * Key column i as stored: NULL is kept as an empty blob (a primary key cannot hold NULL, and no
 * text or number equals a blob), so read keys back through this expression.
 */
export function groupKey(index: number): string {
  return `CASE WHEN typeof(k${index}) = 'blob' THEN NULL ELSE k${index} END`
}

function fold(aggregate: GroupAggregate): string {
  const { name } = aggregate
  if (aggregate.fold === 'sum') return `${name} = ${name} + excluded.${name}`
  // scalar min/max return NULL when either side is NULL: keep whichever side has a value
  return `${name} = coalesce(${aggregate.fold}(${name}, excluded.${name}), ${name}, excluded.${name})`
}

/**
 * Aggregates the matching entries per group into GROUP_TABLE (columns k0…kN, then the aggregate
 * names), runs `read` over it and drops it. Blob-typed columns keep values exactly as stored.
 */
export function groupEntries<T>(db: Db, spec: GroupSpec, read: () => T): T {
  const names = spec.aggregates.map((a) => a.name)
  if (!names.every((n) => IDENTIFIER.test(n) && !/^k\d+$/.test(n))) throw new Error('bad aggregate name')
  const keyColumns = spec.keys.map((_, i) => `k${i}`)
  db.exec(`DROP TABLE IF EXISTS ${GROUP_TABLE}`)
  db.exec(
    `CREATE TABLE ${GROUP_TABLE} (${[...keyColumns.map((k) => `${k} BLOB NOT NULL`), ...names].join(', ')},
       PRIMARY KEY (${keyColumns.join(', ')})) WITHOUT ROWID`,
  )
  try {
    const values = [...spec.keys.map((k) => `coalesce(${k}, X'')`), ...spec.aggregates.map((a) => a.expr)]
    db.prepare(
      `INSERT INTO ${GROUP_TABLE} (${[...keyColumns, ...names].join(', ')})
       SELECT ${values.join(', ')} FROM entries e WHERE ${spec.where.sql}
       ON CONFLICT DO UPDATE SET ${spec.aggregates.map(fold).join(', ')}`,
    ).run(...spec.params, ...spec.where.params)
    return read()
  } finally {
    db.exec(`DROP TABLE IF EXISTS ${GROUP_TABLE}`)
  }
}
