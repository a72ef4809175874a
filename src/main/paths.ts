// Where the app keeps its data. Shared by the desktop app, the CLI and the browser-mode host,
// so they all open the same store unless told otherwise.
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

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

/**
 * The app's root folder (holding package.json, out/ and resources/). Bundled code may sit in
 * out/main or in out/main/chunks, so walk up from here rather than trusting a fixed depth.
 */
export function appRoot(start: string = __dirname): string {
  let dir = start
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return join(start, '..', '..')
    dir = parent
  }
}

/** Built files: out/main (main, CLI, worker), out/preload, out/renderer. */
export function builtPath(...parts: string[]): string {
  return join(appRoot(), 'out', ...parts)
}
