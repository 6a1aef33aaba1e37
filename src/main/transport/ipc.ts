/**
 * The IPC transport (desktop): one channel, `marginalia:call`, carrying (method, args). Every call
 * is checked for its sender — the app's own top-level frame — before the session validates the
 * arguments against the method's schema and runs it. Change events go to every window.
 */
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { ExportFolders } from '../services/export-folders'
import type { ServedProject } from './http'
import { CALL_CHANNEL, CHANGE_CHANNEL, PICK_FOLDER_CHANNEL } from '../../shared/ipc-channels'
import { isAppUrl } from '../window-options'

function trustedSender(event: IpcMainInvokeEvent, devServerUrl?: string): boolean {
  const frame = event.senderFrame
  return !!frame && frame.parent === null && isAppUrl(frame.url, devServerUrl)
}

/**
 * Binds the session's API to IPC; returns a function that unbinds it. A folder the historian picks
 * in the folder dialog is granted in `exportFolders` here, main-side: the renderer only learns its path.
 */
export function bindIpc(getSession: () => ServedProject, exportFolders: ExportFolders, devServerUrl?: string): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!trustedSender(event, devServerUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'calls are accepted only from the Marginalia window' } }
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid-argument', message: 'method must be a string' } }
    return getSession().call(method, args)
  })
  // The folder chooser is the main process's own dialog; the renderer only gets the path chosen.
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event) => {
    if (!trustedSender(event, devServerUrl)) return undefined
    const win = BrowserWindow.fromWebContents(event.sender)
    const options = { title: 'Choose a folder for the export', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] }
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    if (picked.canceled || !picked.filePaths[0]) return undefined
    exportFolders.grant(picked.filePaths[0])
    return picked.filePaths[0]
  })
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL)
    ipcMain.removeHandler(PICK_FOLDER_CHANNEL)
  }
}

/** Forwards the session's change events to every window. */
export function forwardChanges(session: ServedProject): () => void {
  return session.onChange((event) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(CHANGE_CHANNEL, event)
  })
}
