// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/shared/transport'
import {
  createHttpBridge,
  takeToken,
  TOKEN_STORAGE_KEY,
  type BrowserEnv,
  type EventSourceLike,
} from '../../src/renderer/src/http-bridge'

interface Sent {
  url: string
  init: RequestInit
}

function fakeEnv(href: string, reply: (url: string, init: RequestInit) => Response) {
  const sent: Sent[] = []
  const storage = new Map<string, string>()
  const replaced: string[] = []
  const sources: Array<EventSourceLike & { url: string }> = []
  const env: BrowserEnv = {
    location: { origin: new URL(href).origin, href },
    history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
    sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    fetch: (async (url: string, init: RequestInit) => {
      sent.push({ url, init })
      return reply(url, init)
    }) as typeof fetch,
    createEventSource: (url) => {
      const source = { url, onmessage: null, onopen: null, close: vi.fn() }
      sources.push(source)
      return source
    },
  }
  return { env, sent, storage, replaced, sources }
}

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status })

describe('takeToken', () => {
  it('takes ?token= from the address, keeps it in sessionStorage and removes it from the address bar', () => {
    const { env, storage, replaced } = fakeEnv('http://127.0.0.1:5123/?token=s3cr3t&x=1#frag', () => json({}))
    expect(takeToken(env)).toBe('s3cr3t')
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('s3cr3t')
    expect(replaced).toEqual(['/?x=1#frag'])
  })

  it('falls back to the stored token after a reload', () => {
    const { env, storage, replaced } = fakeEnv('http://127.0.0.1:5123/', () => json({}))
    storage.set(TOKEN_STORAGE_KEY, 'kept')
    expect(takeToken(env)).toBe('kept')
    expect(replaced).toEqual([])
  })
})

describe('createHttpBridge', () => {
  it('posts each call to /api/<method> with the token header and unwraps the envelope', async () => {
    const { env, sent } = fakeEnv('http://127.0.0.1:5123/?token=tok', () => json({ ok: true, value: { count: 1204 } }))
    const bridge = createHttpBridge(env)
    await expect(bridge.api.countEntries({ filter: { result: ['error'] } })).resolves.toEqual({ count: 1204 })
    expect(sent).toHaveLength(1)
    expect(sent[0].url).toBe('http://127.0.0.1:5123/api/countEntries')
    expect(sent[0].init.method).toBe('POST')
    expect((sent[0].init.headers as Record<string, string>)['x-inspector-token']).toBe('tok')
    expect(JSON.parse(sent[0].init.body as string)).toEqual({ filter: { result: ['error'] } })
  })

  it('turns an error envelope into an ApiError with its code', async () => {
    const { env } = fakeEnv('http://127.0.0.1:5123/?token=tok', () =>
      json({ ok: false, error: { code: 'bad-argument', message: 'from: not a valid time' } }),
    )
    const error = await createHttpBridge(env).api.getEntry({ id: 1 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('bad-argument')
    expect((error as ApiError).message).toBe('from: not a valid time')
  })

  it('reports a non-JSON reply (e.g. 401 text) as an internal error with the HTTP status', async () => {
    const { env } = fakeEnv('http://127.0.0.1:5123/', () => new Response('missing or wrong token', { status: 401 }))
    const error = (await createHttpBridge(env).api.listSources().catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('internal')
    expect(error.message).toContain('HTTP 401')
  })

  it('opens one EventSource lazily and dispatches {event, payload} messages by name', () => {
    const { env, sources } = fakeEnv('http://127.0.0.1:5123/?token=a+b', () => json({}))
    const bridge = createHttpBridge(env)
    expect(sources).toHaveLength(0)
    const progress = vi.fn()
    const finished = vi.fn()
    const off = bridge.on('importProgress', progress)
    bridge.on('importFinished', finished)
    expect(sources).toHaveLength(1)
    expect(sources[0].url).toBe('http://127.0.0.1:5123/events?token=a%20b')
    const payload = { jobId: 'j', entries: 5 }
    sources[0].onmessage?.({ data: JSON.stringify({ event: 'importProgress', payload }) })
    sources[0].onmessage?.({ data: 'not json' })
    sources[0].onmessage?.({ data: JSON.stringify({ event: 'evil', payload: 1 }) })
    expect(progress).toHaveBeenCalledWith(payload)
    expect(finished).not.toHaveBeenCalled()
    off()
    sources[0].onmessage?.({ data: JSON.stringify({ event: 'importProgress', payload }) })
    expect(progress).toHaveBeenCalledTimes(1)
  })

  it('announces storeChanged after the event stream reconnects (events may have been missed)', () => {
    const { env, sources } = fakeEnv('http://127.0.0.1:5123/?token=t', () => json({}))
    const changed = vi.fn()
    createHttpBridge(env).on('storeChanged', changed)
    sources[0].onopen?.({})
    expect(changed).not.toHaveBeenCalled()
    sources[0].onopen?.({})
    expect(changed).toHaveBeenCalledWith({ reason: 'other' })
  })

  it('uploads raw bytes to /upload?name= and returns the upload id; has no file paths', async () => {
    const { env, sent } = fakeEnv('http://127.0.0.1:5123/?token=tok', () => json({ uploadId: 'u-1' }))
    const bridge = createHttpBridge(env)
    const file = new Blob(['line 1\n'])
    await expect(bridge.upload(file, 'my log?.har')).resolves.toBe('u-1')
    expect(sent[0].url).toBe('http://127.0.0.1:5123/upload?name=my%20log%3F.har')
    expect(sent[0].init.body).toBe(file)
    expect((sent[0].init.headers as Record<string, string>)['x-inspector-token']).toBe('tok')
    expect(bridge.pathForFile(new File(['x'], 'a.har'))).toBeNull()
  })

  it('fails an upload clearly when the host refuses it', async () => {
    const { env } = fakeEnv('http://127.0.0.1:5123/?token=tok', () => new Response('too big', { status: 413 }))
    await expect(createHttpBridge(env).upload(new Blob(['x']), 'big.har')).rejects.toThrow(
      'upload of big.har failed (HTTP 413): too big',
    )
  })

  it('rejects subscriptions to unknown events', () => {
    const { env } = fakeEnv('http://127.0.0.1:5123/', () => json({}))
    expect(() => createHttpBridge(env).on('nope' as 'storeChanged', () => undefined)).toThrow('unknown event nope')
  })
})
