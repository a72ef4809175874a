// vicidial_api_urls rows (api_id → full URL, remote IP) met in a dump before the log rows they belong
// to. Held in a bounded map: each row is dropped once joined, and past the bounds no more are kept, so
// memory stays flat. mysqldump writes tables in name order (vicidial_api_log before vicidial_api_urls),
// so a plain dump joins nothing; dump vicidial_api_urls first, or export a JOIN (see the README note in
// vicidial.ts), to get URLs and client IPs.

export const MAX_CACHED_URLS = 100_000
export const MAX_CACHED_CHARS = 32 * 1024 * 1024

export interface JoinedUrl {
  url: string | null
  remoteIp: string | null
}

export class ApiUrlCache {
  private readonly rows = new Map<string, JoinedUrl>()
  private chars = 0

  put(apiId: string | null | undefined, url: string | null | undefined, remoteIp: string | null | undefined): void {
    if (!apiId || this.rows.size >= MAX_CACHED_URLS) return
    const size = (url?.length ?? 0) + (remoteIp?.length ?? 0)
    if (this.chars + size > MAX_CACHED_CHARS) return
    this.chars += size
    this.rows.set(apiId, { url: url ?? null, remoteIp: remoteIp ?? null })
  }

  /** The URL row for this api_id, removed from the cache. */
  take(apiId: string | null | undefined): JoinedUrl | null {
    if (!apiId) return null
    const row = this.rows.get(apiId)
    if (!row) return null
    this.rows.delete(apiId)
    this.chars -= (row.url?.length ?? 0) + (row.remoteIp?.length ?? 0)
    return row
  }
}
