// better-sqlite3 needs a build for Electron's ABI inside the app; plain Node (tests, CLI, browser
// mode) uses the build `npm install` made. `npm run build:electron-sqlite` makes the Electron one.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** native/electron/better_sqlite3.node under the app folder, when it has been built. */
export function electronSqliteBinding(appDir: string): string | undefined {
  const candidate = join(appDir, 'native', 'electron', 'better_sqlite3.node')
  return existsSync(candidate) ? candidate : undefined
}
