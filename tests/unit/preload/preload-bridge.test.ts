// The preload exposes exactly the reviewed bridge (src/preload/index.ts), checked with a mocked
// `electron`: one global, three members, the API methods and nothing of Node or Electron. A new
// API method changes the snapshot below on purpose: review what the page gains, then run
// `npx vitest run tests/unit/preload -u`.
import { describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
  webUtils: { getPathForFile: vi.fn() },
}))
vi.mock('electron', () => electron)

import { API_CHANNEL, API_METHODS, EVENT_CHANNEL, SAVE_DIALOG_CHANNEL, type InspectorBridge } from '../../../src/shared/api'

async function exposed(): Promise<{ name: string; bridge: InspectorBridge }> {
  vi.resetModules()
  electron.contextBridge.exposeInMainWorld.mockClear()
  await import('../../../src/preload/index')
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
  const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, InspectorBridge]
  return { name, bridge }
}

describe('preload bridge', () => {
  it('exposes one global with the reviewed key list', async () => {
    const { name, bridge } = await exposed()
    expect(name).toBe('inspector')
    expect({ bridge: Object.keys(bridge).sort(), api: Object.keys(bridge.api).sort() }).toMatchInlineSnapshot(`
      {
        "api": [
          "applyView",
          "cancelExport",
          "cancelImport",
          "compareSources",
          "countEntries",
          "deleteView",
          "duplicateView",
          "exportView",
          "getEntry",
          "getFacets",
          "getFindings",
          "getHistogram",
          "getLastUsedView",
          "getStoreHealth",
          "getStoreInfo",
          "getTenantStats",
          "importSample",
          "importView",
          "listSources",
          "listViews",
          "locateEntry",
          "markViewUsed",
          "openStoreReadOnly",
          "previewRedaction",
          "queryEntries",
          "rebuildStore",
          "removeSource",
          "renameView",
          "renderTriageReport",
          "runTriage",
          "saveView",
          "startExport",
          "startImport",
        ],
        "bridge": [
          "api",
          "chooseSavePath",
          "on",
          "pathForFile",
        ],
      }
    `)
  })

  it('exposes only functions: no ipcRenderer, no Node objects, no channels', async () => {
    const { bridge } = await exposed()
    expect(Object.keys(bridge).sort()).toEqual(['api', 'chooseSavePath', 'on', 'pathForFile'])
    expect(typeof bridge.on).toBe('function')
    expect(typeof bridge.pathForFile).toBe('function')
    expect(Object.getPrototypeOf(bridge.api)).toBe(Object.prototype)
    expect(Object.keys(bridge.api).sort()).toEqual(Object.keys(API_METHODS).sort())
    for (const [key, value] of Object.entries(bridge.api)) expect(typeof value, key).toBe('function')
    const everything = [...Object.values(bridge), ...Object.values(bridge.api)]
    for (const leaked of [electron.ipcRenderer, electron.ipcRenderer.invoke, electron.ipcRenderer.send, electron.webUtils]) {
      expect(everything).not.toContain(leaked)
    }
  })

  it('sends every API call over the one invoke channel and unwraps the envelope', async () => {
    const { bridge } = await exposed()
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { count: 3 } })
    await expect(bridge.api.countEntries({ filter: {} })).resolves.toEqual({ count: 3 })
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(API_CHANNEL, 'countEntries', { filter: {} })
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden', message: 'no' } })
    await expect(bridge.api.getEntry({ id: 1 })).rejects.toMatchObject({ code: 'forbidden' })
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled()
  })

  it('subscribes to known events only and hands the page the payload, not the IPC event', async () => {
    const { bridge } = await exposed()
    expect(() => bridge.on('nope' as never, () => {})).toThrow(/unknown event/)
    const handler = vi.fn()
    const off = bridge.on('storeChanged', handler)
    const [channel, listener] = electron.ipcRenderer.on.mock.calls.at(-1) as [string, (...args: unknown[]) => void]
    expect(channel).toBe(EVENT_CHANNEL)
    const ipcEvent = { sender: electron.ipcRenderer, senderFrame: {} }
    listener(ipcEvent, 'importProgress', { jobId: 'x' })
    listener(ipcEvent, 'storeChanged', { reason: 'import' })
    expect(handler).toHaveBeenCalledExactlyOnceWith({ reason: 'import' })
    off()
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, listener)
  })

  it('answers a dropped file path, or null when Electron cannot give one', async () => {
    const { bridge } = await exposed()
    electron.webUtils.getPathForFile.mockReturnValueOnce('/home/agent/log.har')
    expect(bridge.pathForFile({} as File)).toBe('/home/agent/log.har')
    electron.webUtils.getPathForFile.mockReturnValueOnce('')
    expect(bridge.pathForFile({} as File)).toBeNull()
    electron.webUtils.getPathForFile.mockImplementationOnce(() => {
      throw new Error('not a File')
    })
    expect(bridge.pathForFile({} as File)).toBeNull()
  })

  it('asks the main process for a save path over its own channel, with a bounded name', async () => {
    const { bridge } = await exposed()
    electron.ipcRenderer.invoke.mockResolvedValueOnce('/home/agent/Downloads/x.csv')
    await expect(bridge.chooseSavePath('x.csv')).resolves.toBe('/home/agent/Downloads/x.csv')
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(SAVE_DIALOG_CHANNEL, 'x.csv')
    await bridge.chooseSavePath('n'.repeat(1000))
    expect((electron.ipcRenderer.invoke.mock.calls.at(-1) as unknown[])[1]).toHaveLength(255)
    await expect(bridge.chooseSavePath(42 as unknown as string)).resolves.toBeNull()
  })
})
