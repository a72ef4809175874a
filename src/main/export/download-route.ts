// GET /download/<exportId> on the browser-mode HTTP host: a finished export as an attachment. The host
// checks token, Host and Origin before this runs; here only known export ids are served.
import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import type { ExportDownload } from './export-service'

export interface DownloadResolver {
  download(exportId: string): ExportDownload | null
}

export const DOWNLOAD_PREFIX = '/download/'
const EXPORT_ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A file name safe in a header and on every file system: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120)
  return clean === '' ? 'export' : clean
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  response.end(message)
}

export function serveDownload(
  response: ServerResponse,
  downloads: DownloadResolver | undefined,
  pathname: string,
  headOnly = false,
): void {
  const exportId = pathname.slice(DOWNLOAD_PREFIX.length)
  const download = EXPORT_ID_RE.test(exportId) ? downloads?.download(exportId) : null
  if (!download) return refuse(response, 404, 'no such export (it may have expired: export again)')
  let size: number
  try {
    size = statSync(download.path).size
  } catch {
    return refuse(response, 404, 'the export file is gone (export again)')
  }
  response.writeHead(200, {
    'content-type': download.contentType,
    'content-length': String(size),
    'content-disposition': `attachment; filename="${safeFileName(download.fileName)}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  if (headOnly) return void response.end()
  createReadStream(download.path).on('error', () => response.destroy()).pipe(response)
}
