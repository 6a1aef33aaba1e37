/**
 * The bridge (sandboxed, context-isolated): exposes exactly the typed API on `window.marginalia`
 * — a call by method name (only names in the contract pass) and change events. No ipcRenderer,
 * process or env is exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ChangeEvent } from '../shared/api'
import { METHOD_NAMES } from '../shared/api'
import { CALL_CHANNEL, CHANGE_CHANNEL, PICK_FOLDER_CHANNEL } from '../shared/ipc-channels'
import type { MarginaliaBridge } from './api-global'
const known = new Set<string>(METHOD_NAMES)

const bridge: MarginaliaBridge = {
  call(method, args) {
    if (typeof method !== 'string' || !known.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'not-found', message: `unknown operation ${String(method)}` } })
    }
    return ipcRenderer.invoke(CALL_CHANNEL, method, args)
  },
  pickFolder() {
    return ipcRenderer.invoke(PICK_FOLDER_CHANNEL)
  },
  onChange(listener) {
    const handler = (_event: IpcRendererEvent, change: ChangeEvent) => listener(change)
    ipcRenderer.on(CHANGE_CHANNEL, handler)
    return () => ipcRenderer.removeListener(CHANGE_CHANNEL, handler)
  }
}

contextBridge.exposeInMainWorld('marginalia', bridge)
