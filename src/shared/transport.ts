// Transport-neutral client: both IPC and HTTP carry (method, arg) in and an Envelope out.
import { API_METHODS, type ApiMethod, type InspectorApi } from './api'

export type ErrorCode =
  | 'unknown-method'
  | 'bad-argument'
  | 'not-found'
  | 'bad-input'
  | 'forbidden'
  | 'internal'

export type Envelope =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: ErrorCode; message: string } }

export type Call = (method: ApiMethod, arg: unknown) => Promise<Envelope>

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function createClient(call: Call): InspectorApi {
  const client: Record<string, (arg?: unknown) => Promise<unknown>> = {}
  for (const method of Object.keys(API_METHODS) as ApiMethod[]) {
    client[method] = async (arg?: unknown) => {
      const reply = await call(method, arg)
      if (reply.ok) return reply.value
      throw new ApiError(method, reply.error.code, reply.error.message)
    }
  }
  return client as unknown as InspectorApi
}

/** HTTP transport: POST `${baseUrl}/api/${method}` with the JSON argument, token in a header. */
export function httpCall(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): Call {
  return async (method, arg) => {
    const response = await fetchImpl(`${baseUrl}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-inspector-token': token },
      body: JSON.stringify(arg ?? null),
    })
    const text = await response.text()
    try {
      return JSON.parse(text) as Envelope
    } catch {
      return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}: ${text.slice(0, 200)}` } }
    }
  }
}
