// A store's files on disk: the database, its WAL and shared-memory index.
import { existsSync, rmSync, statSync } from 'node:fs'

export function storeFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`]
}

export function removeStore(path: string): void {
  for (const file of storeFiles(path)) rmSync(file, { force: true })
}

export function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0
}
