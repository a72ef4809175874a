import { existsSync } from 'node:fs'
import { resolveDbPath } from '../paths'
import { openDb, type Db } from '../store/db'
import { recoverStore } from '../store/recovery'
import { UsageError } from './errors'

/** Opens the store for a command; read-only commands require it to exist. */
export function openStoreForCli(
  dbOption: string | undefined,
  mustExist: boolean,
  writer = false,
): { db: Db; path: string } {
  const path = resolveDbPath(dbOption)
  if (mustExist && !existsSync(path)) {
    throw new UsageError(`no store at ${path} (import a log first: apilog import --db ${path} FILE)`)
  }
  const db = openDb(path, { writer })
  recoverStore(db)
  return { db, path }
}
