// "Open Recent": the last files opened, kept in the data folder.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const MAX_RECENT = 10

export class RecentFiles {
  private readonly file: string

  constructor(dataDir: string) {
    this.file = join(dataDir, 'recent-files.json')
  }

  list(): string[] {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string').slice(0, MAX_RECENT) : []
    } catch {
      return []
    }
  }

  add(path: string): void {
    const next = [path, ...this.list().filter((p) => p !== path)].slice(0, MAX_RECENT)
    writeFileSync(this.file, JSON.stringify(next, null, 2))
  }

  clear(): void {
    writeFileSync(this.file, '[]')
  }
}
