// The per-store key behind the tags, kept in the store's `meta` table so tags stay stable across
// imports, exports and restarts of the same store, and differ between stores.
import { randomBytes } from 'node:crypto'
import type { Db } from '../store/db'

export const REDACTION_KEY_META = 'redaction-key'

/**
 * A throwaway in-memory store (tests only: the app, the CLI and the HTTP host always open a file)
 * gets a fixed key, so tags in golden files are reproducible. Its tags never leave the process.
 */
const MEMORY_STORE_KEY = Buffer.from('apilog in-memory store: fixed redaction key for tests', 'utf8')

/** Reads the store's key, creating it on first use (safe when two connections race). */
export function loadRedactionKey(db: Db): Buffer {
  if (db.name === ':memory:' || db.memory) return MEMORY_STORE_KEY
  const read = () =>
    db.prepare('SELECT value FROM meta WHERE key = ?').get(REDACTION_KEY_META) as { value: string } | undefined
  let row = read()
  if (!row && !db.readonly) {
    const created = randomBytes(32).toString('hex')
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(REDACTION_KEY_META, created)
    row = read()
  }
  if (!row) throw new Error('this store has no redaction key yet and is open read-only')
  return Buffer.from(row.value, 'hex')
}

let current: Buffer | null = null

/**
 * Sets the key `redactEntryDetail` uses (the backend calls this with its store's key when it
 * starts; the CLI before it exports). Until then a random per-process key is used, so tags are
 * consistent within the process but not tied to any store.
 */
export function useRedactionKey(key: Buffer): void {
  current = key
}

export function currentRedactionKey(): Buffer {
  current ??= randomBytes(32)
  return current
}
