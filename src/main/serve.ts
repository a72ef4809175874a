// Browser mode: the backend and the built renderer on a loopback HTTP host.
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend, type Backend } from './backend'
import { startHttpHost, Uploads, type HttpHost } from './ipc/http-transport'
import { appRoot, builtPath } from './paths'

/** The built renderer. */
export function rendererDir(): string {
  return builtPath('renderer')
}

/** The demo log offered by "Open sample data". */
export function samplePath(): string {
  return join(appRoot(), 'resources', 'samples', 'vicidial-api-log-demo.csv')
}

export interface ServeOptions {
  dbPath: string
  port?: number
  staticDir?: string
}

export interface Serving {
  backend: Backend
  host: HttpHost
  close(): Promise<void>
}

export async function serve(options: ServeOptions): Promise<Serving> {
  const staticDir = options.staticDir ?? rendererDir()
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`the UI is not built (${staticDir} has no index.html): run npm run build`)
  }
  const uploads = new Uploads(join(tmpdir(), `apilog-uploads-${process.pid}`))
  const backend = createBackend({ dbPath: options.dbPath, samplePath: samplePath(), uploads })
  try {
    // resolved on each download: a rebuilt store (issue 7) comes with a new export service
    const downloads = { download: (exportId: string) => backend.exports.download(exportId) }
    const host = await startHttpHost({ api: backend.api, events: backend.events, staticDir, uploads, downloads, port: options.port })
    return {
      backend,
      host,
      close: async () => {
        await host.close()
        backend.imports.cancelAll()
        await backend.imports.idle()
        backend.close()
      },
    }
  } catch (error) {
    backend.close()
    throw error
  }
}
