// `bench.js serve-one --db STORE`: the browser-mode host (src/main/serve.ts) with the renderer found
// from the measured build's root. Used only when `apilog serve` cannot start (its bundled copy looks for the
// renderer next to the chunk it was bundled into); same server code, same output line.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { serve } from '../serve'
import { appDir } from './project-root'

export async function runServeOne(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } } })
  if (!values.db) throw new Error('serve-one needs --db')
  const serving = await serve({ dbPath: values.db, port: 0, staticDir: join(appDir(), 'out', 'renderer') })
  process.stdout.write(`listening on ${serving.host.url}\n`)
  await new Promise<void>((resolve) => {
    const stop = () => void serving.close().then(resolve)
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}
