// `apilog`: the command-line front end to the store and query engine.
import { Command, CommanderError } from 'commander'
import { isCorruptionError, StoreCorruptError, StoreError } from '../store/db'
import { QueryError } from '../query/compile-filter'
import { registerImport } from './commands/import'
import { registerFacets, registerQuery } from './commands/query'
import { registerServe } from './commands/serve'
import { registerSources } from './commands/sources'
import { registerViews } from './commands/views'
import { registerCompare } from './commands/compare'
import { registerTenants } from './commands/tenants'
import { registerExport } from './commands/export'
import { registerTriage } from './commands/triage'
import { registerFindings } from './commands/findings'
import { UsageError } from './errors'
import { damagedStoreMessage, registerRepair } from './commands/repair'

export function buildProgram(): Command {
  const program = new Command('apilog')
    .description('API Log Inspector: import exported API logs into a local store, filter them and triage failures')
    .version('0.1.0')
    .showHelpAfterError('(run apilog --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') })
  registerImport(program)
  registerQuery(program)
  registerFacets(program)
  registerSources(program)
  registerServe(program)
  registerViews(program)
  registerCompare(program)
  registerTenants(program)
  registerExport(program)
  registerTriage(program)
  registerFindings(program)
  registerRepair(program)
  return program
}

function isUserError(error: unknown): error is Error {
  return error instanceof UsageError || error instanceof QueryError || error instanceof StoreError
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv, { from: 'user' })
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1
    // hardening (issue 7): a damaged store is one line saying what to do, not a stack trace
    if (error instanceof StoreCorruptError || isCorruptionError(error)) {
      process.stderr.write(`apilog: ${damagedStoreMessage(error as Error)}\n`)
      return 1
    }
    if (isUserError(error)) {
      process.stderr.write(`apilog: ${error.message}\n`)
      return 1
    }
    process.stderr.write(`apilog: unexpected error: ${(error as Error).message}\n`)
    if (process.env.APILOG_DEBUG) process.stderr.write(`${(error as Error).stack}\n`)
    return 2
  }
}
