import type { Command } from 'commander'
import { resolve } from 'node:path'
import { resolveDbPath } from '../../paths'
import { serve } from '../../serve'
import { UsageError } from '../errors'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the app to a browser on 127.0.0.1 (browser mode)')
    .argument('[files...]', 'log files to import once the UI is up')
    .option('--db <path>', 'store file')
    .option('--port <n>', 'port (0 picks a free one)', '0')
    .action(async (files: string[], options: { db?: string; port: string }) => {
      if (!/^\d+$/.test(options.port) || Number(options.port) > 65535) {
        throw new UsageError(`--port: "${options.port}" is not a port number`)
      }
      const serving = await serve({ dbPath: resolveDbPath(options.db), port: Number(options.port) })
      process.stdout.write(`listening on ${serving.host.url}\n`)
      if (files.length > 0) {
        await serving.backend.api.startImport({ files: files.map((file) => ({ path: resolve(file) })) })
      }
      const stop = () => {
        void serving.close().then(() => process.exit(0))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}
