// What every opener of a store runs first: clean up after imports that were killed midway.
import { hasDeferredIndexes, restoreDeferredIndexes } from './bulk-load'
import type { Db } from './db'
import { removeInterruptedImports } from './sources-repo'

export interface Recovery {
  removedSources: number[]
  restoredIndexes: number
}

export function recoverStore(db: Db): Recovery {
  const removedSources = removeInterruptedImports(db)
  const importing = db.prepare(`SELECT 1 FROM sources WHERE status = 'importing' LIMIT 1`).get()
  const restoredIndexes = !importing && hasDeferredIndexes(db) ? restoreDeferredIndexes(db) : 0
  return { removedSources, restoredIndexes }
}
