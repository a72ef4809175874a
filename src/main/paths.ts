// Where the app keeps its data. Shared by the desktop app, the CLI and the browser-mode host,
// so they all open the same store unless told otherwise.
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'API Log Inspector'
export const STORE_FILE = 'store.sqlite'

/** INSPECTOR_DATA_DIR, else the platform's per-user application data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INSPECTOR_DATA_DIR) return env.INSPECTOR_DATA_DIR
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

/** --db, else APILOG_DB, else the desktop app's store. */
export function resolveDbPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.APILOG_DB ?? join(defaultDataDir(env), STORE_FILE)
}
