/**
 * The preload is the renderer's only door to main: it must expose exactly the contract — one
 * `call` that passes only the contract's method names, the folder chooser, change events — and
 * nothing else (no ipcRenderer, no process, no generic invoke).
 */
import { describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../../../src/shared/api'
import { CALL_CHANNEL, CHANGE_CHANNEL, PICK_FOLDER_CHANNEL } from '../../../src/shared/ipc-channels'

const fake = vi.hoisted(() => ({
  exposed: [] as [string, Record<string, unknown>][],
  invoked: [] as unknown[][],
  listeners: new Map<string, (...a: unknown[]) => void>()
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => fake.exposed.push([name, api]) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      fake.invoked.push(args)
      return { ok: true, value: null }
    },
    on: (channel: string, fn: (...a: unknown[]) => void) => fake.listeners.set(channel, fn),
    removeListener: (channel: string) => fake.listeners.delete(channel)
  }
}))

describe('preload surface', async () => {
  await import('../../../src/preload/index')
  const [[name, bridge]] = fake.exposed
  const call = bridge.call as (method: unknown, args: unknown) => Promise<{ ok: boolean; error?: { code: string } }>

  it('exposes one object, window.marginalia, with exactly call, pickFolder and onChange, all functions', () => {
    expect(fake.exposed).toHaveLength(1)
    expect(name).toBe('marginalia')
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onChange', 'pickFolder'])
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function')
    expect(Object.getPrototypeOf(bridge)).toBe(Object.prototype)
  })

  it('passes every method of the contract, and only those, to main on the call channel', async () => {
    fake.invoked.length = 0
    for (const method of METHOD_NAMES) await call(method, { x: 1 })
    expect(fake.invoked).toEqual(METHOD_NAMES.map((m) => [CALL_CHANNEL, m, { x: 1 }]))
  })

  it('refuses any other name without reaching main: prototype names, channels, non-strings', async () => {
    fake.invoked.length = 0
    for (const method of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'invoke', 'send', CALL_CHANNEL, PICK_FOLDER_CHANNEL, 'listDocuments ', 'LISTDOCUMENTS', 42, null, undefined, { toString: () => 'listDocuments' }]) {
      expect(await call(method, {}), String(method)).toMatchObject({ ok: false, error: { code: 'not-found' } })
    }
    expect(fake.invoked).toEqual([])
  })

  it('asks main for the folder chooser on its own channel, with no arguments from the page', async () => {
    fake.invoked.length = 0
    await (bridge.pickFolder as (...a: unknown[]) => Promise<unknown>)('/etc', { properties: ['openFile'] })
    expect(fake.invoked).toEqual([[PICK_FOLDER_CHANNEL]])
  })

  it('delivers change events without the IPC event object, and unsubscribes', () => {
    const got: unknown[] = []
    const off = (bridge.onChange as (fn: (e: unknown) => void) => () => void)((e) => got.push(e))
    fake.listeners.get(CHANGE_CHANNEL)!({ sender: 'ipc internals' }, { revision: 1 })
    expect(got).toEqual([{ revision: 1 }])
    off()
    expect(fake.listeners.has(CHANGE_CHANNEL)).toBe(false)
  })
})
