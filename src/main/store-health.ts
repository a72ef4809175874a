// A backend that survives a damaged store (issue 7). When the store file cannot be opened, or a call
// finds it malformed, it says so (getStoreHealth) instead of crashing, runs on an empty in-memory
// store meanwhile, and lets the user reopen the file read-only or rebuild it (the damaged file is
// moved aside, never deleted). The API object and the event hub stay the same across these swaps,
// so the transports keep working.
import { existsSync } from 'node:fs'
import { API_METHODS, type ApiMethod, type InspectorApi } from '../shared/api'
import type { StoreHealth } from '../shared/store-types'
import type { StoreInfo } from '../shared/types'
import type { Backend, BackendOptions } from './backend'
import { EventHub } from './event-hub'
import { isCorruptionError, StoreCorruptError, StoreError } from './store/db'
import { moveStoreAside } from './store-files'

export type RecoveryMethod = 'getStoreHealth' | 'openStoreReadOnly' | 'rebuildStore'
/** The API of one open store; the recovery methods are added around it. */
export type StoreApi = Omit<InspectorApi, RecoveryMethod>
export interface StoreBackend extends Omit<Backend, 'api'> {
  api: StoreApi
}
export type OpenStoreBackend = (options: BackendOptions) => StoreBackend

/** Imports would land in the stand-in store (or fail half-way): refused until the store is sound. */
const IMPORT_METHODS = new Set<string>(['startImport', 'importSample'])

const reasonOf = (error: unknown) => (error instanceof StoreCorruptError ? error.reason : (error as Error).message)

export function createRecoverableBackend(options: BackendOptions, open: OpenStoreBackend): Backend {
  const events = options.events ?? new EventHub()
  const dbPath = options.dbPath
  let current: StoreBackend
  let health: StoreHealth

  /** Runs on an empty in-memory store while the file cannot be used. */
  function standIn(message: string, backupPath: string | null = null): void {
    current = open({ ...options, dbPath: ':memory:', workerPath: null, readonly: false, events })
    health = { status: 'corrupt', dbPath, message, backupPath }
  }

  /** Opens the store file; a damaged one leaves the stand-in running (a fresh start throws as before). */
  function openFile(readonly: boolean, backupPath: string | null = null, message: string | null = null): void {
    try {
      current = open({ ...options, readonly, events })
      health = { status: readonly ? 'read-only' : 'ok', dbPath, message: readonly ? (message ?? 'opened read-only') : null, backupPath }
    } catch (error) {
      if (!(error instanceof StoreCorruptError) && !readonly && !backupPath) throw error
      standIn(readonly ? `the store cannot be read, even read-only: ${reasonOf(error)}` : reasonOf(error), backupPath)
    }
  }

  async function closeCurrent(): Promise<void> {
    current.imports.cancelAll()
    await current.imports.idle()
    current.close()
  }

  function changed(): StoreHealth {
    events.emit('storeChanged', { reason: 'other' })
    return { ...health }
  }

  function failed(error: unknown): never {
    if (isCorruptionError(error)) {
      if (health.status === 'ok') {
        health = { status: 'corrupt', dbPath, message: (error as Error).message, backupPath: null }
        events.emit('storeChanged', { reason: 'other' })
      }
      throw new StoreCorruptError(dbPath, (error as Error).message)
    }
    if ((error as { code?: string }).code?.startsWith('SQLITE_READONLY')) {
      throw new StoreError('the store is open read-only (it is damaged): rebuild it to make changes')
    }
    throw error
  }

  async function call(method: ApiMethod, arg: unknown): Promise<unknown> {
    if (IMPORT_METHODS.has(method) && health.status !== 'ok') {
      throw new StoreError(`the store is ${health.status === 'corrupt' ? 'damaged' : 'open read-only'}: rebuild it before importing`)
    }
    const run = current.api[method as keyof StoreApi] as (arg: unknown) => Promise<unknown>
    try {
      return await run.call(current.api, arg)
    } catch (error) {
      return failed(error)
    }
  }

  openFile(false)
  const api = Object.fromEntries(
    (Object.keys(API_METHODS) as ApiMethod[]).map((method) => [method, (arg: unknown) => call(method, arg)]),
  ) as unknown as InspectorApi
  Object.assign(api, {
    async getStoreInfo() {
      return { ...((await call('getStoreInfo', undefined)) as StoreInfo), dbPath }
    },
    async getStoreHealth() {
      return { ...health }
    },
    async openStoreReadOnly() {
      const why = health.message
      await closeCurrent()
      openFile(true, null, why)
      return changed()
    },
    async rebuildStore() {
      await closeCurrent()
      const backupPath = dbPath !== ':memory:' && existsSync(dbPath) ? moveStoreAside(dbPath) : null
      openFile(false, backupPath)
      return changed()
    },
  } satisfies Pick<InspectorApi, RecoveryMethod | 'getStoreInfo'>)

  return {
    api,
    events,
    get db() {
      return current.db
    },
    get imports() {
      return current.imports
    },
    get exports() {
      return current.exports
    },
    get columnIndex() {
      return current.columnIndex
    },
    close() {
      current.imports.cancelAll()
      current.close()
    },
  }
}
