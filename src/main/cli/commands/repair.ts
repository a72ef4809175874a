// `apilog repair`: checks a store file and, when it is damaged, moves it aside (kept, never
// deleted) and starts an empty store in its place, listing the logs to import again (issue 7).
import type { Command } from 'commander'
import { existsSync } from 'node:fs'
import { resolveDbPath } from '../../paths'
import { openDb, StoreCorruptError } from '../../store/db'
import { checkStoreFile, moveStoreAside, sourcePathsOf } from '../../store-files'
import { escapeForCell } from '../../util/visible-text'
import { UsageError } from '../errors'

/** A path quoted for a POSIX shell, so the printed command can be pasted as it is. */
const shellQuote = (path: string) => (/^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`)

/** The one line every command prints when the store is damaged. */
export function damagedStoreMessage(error: Error): string {
  const what = 'to move it aside (it is kept) and start a new one'
  if (error instanceof StoreCorruptError) {
    return `the store ${error.path} is damaged (${error.reason}): run "apilog repair --db ${shellQuote(error.path)}" ${what}`
  }
  return `the store is damaged (${error.message}): run "apilog repair --db STORE" ${what}`
}

export function registerRepair(program: Command): void {
  program
    .command('repair')
    .description('check the store; if it is damaged, move it aside (kept) and start an empty one')
    .option('--db <path>', 'store file')
    .option('--force', 'move the store aside even when the check finds nothing wrong')
    .action((options: { db?: string; force?: boolean }) => {
      const path = resolveDbPath(options.db)
      if (!existsSync(path)) throw new UsageError(`no store at ${path}: nothing to repair`)
      const check = checkStoreFile(path)
      if (check.ok && !options.force) {
        process.stdout.write(`the store ${path} is sound (integrity check ok): nothing to repair\n`)
        return
      }
      for (const problem of check.problems.slice(0, 5)) process.stdout.write(`problem: ${escapeForCell(problem)}\n`)
      const logs = sourcePathsOf(path)
      const backup = moveStoreAside(path)
      openDb(path).close()
      process.stdout.write(`moved the store to ${backup} (kept) and started an empty store at ${path}\n`)
      const present = (logs ?? []).filter((log) => existsSync(log))
      if (present.length > 0) {
        process.stdout.write(`import its logs again: apilog import --db ${shellQuote(path)} ${present.map(shellQuote).join(' ')}\n`)
      } else if (logs === null) {
        process.stdout.write('the list of logs it held cannot be read from the damaged file\n')
      }
    })
}
