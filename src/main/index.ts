/**
 * The Electron shell, kept thin: single-instance lock, the hardened window, the app:// protocol,
 * the IPC binding, the menu, and a flush of pending writes before quitting. Everything else is in
 * services that also run without Electron (see src/cli and src/main/transport/http.ts).
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog, Menu, session as electronSession, shell } from 'electron'
import { handleAppProtocol, registerAppScheme } from './app-protocol'
import { buildMenu } from './menu'
import { ExportFolders } from './services/export-folders'
import { ProjectHost } from './projects/project-host'
import { bindIpc, forwardChanges } from './transport/ipc'
import { APP_ORIGIN, installNavigationGuards, mainWindowOptions } from './window-options'

const devServerUrl = process.env.ELECTRON_RENDERER_URL
const appRoot = app.isPackaged ? process.resourcesPath : join(__dirname, '..', '..')
/** The open project and the project chooser (recent projects, open, create, the sample). */
let host: ProjectHost | undefined
/** Folders the historian chose for exports in this run (granted by the folder dialog, ipc.ts). */
const exportFolders = new ExportFolders()

app.enableSandbox() // every renderer sandboxed, whatever a window's options say
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus())
  app.on('web-contents-created', (_e, contents) => installNavigationGuards(contents, (url) => void shell.openExternal(url), devServerUrl))
  app.whenReady().then(start).catch((err) => {
    dialog.showErrorBox('Marginalia could not start', String(err?.message ?? err))
    app.exit(1)
  })
}

async function openProject(win: BrowserWindow): Promise<void> {
  const picked = await dialog.showOpenDialog(win, { title: 'Open or create a Marginalia project folder', properties: ['openDirectory', 'createDirectory'] })
  if (picked.canceled || !picked.filePaths[0]) return
  try {
    // The window hears of the switch as a reload event (the same path as the in-page chooser).
    await host!.open(picked.filePaths[0], { create: true })
  } catch (err) {
    dialog.showErrorBox('Could not open the project', (err as Error).message)
  }
}

async function start(): Promise<void> {
  // Deny every permission request (camera, notifications, …): the app needs none.
  electronSession.defaultSession.setPermissionRequestHandler((_wc, _perm, done) => done(false))
  electronSession.defaultSession.setPermissionCheckHandler(() => false)
  handleAppProtocol(join(__dirname, '..', 'renderer'))
  host = await ProjectHost.start({ dataDir: app.getPath('userData'), appRoot, exportFolders })
  forwardChanges(host)
  bindIpc(() => host!, exportFolders, devServerUrl)

  const win = new BrowserWindow(mainWindowOptions(join(__dirname, '..', 'preload', 'index.js')))
  Menu.setApplicationMenu(buildMenu({ openProject: () => void openProject(win) }))
  win.once('ready-to-show', () => win.show())
  await win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

// Flush pending writes and release the project lock before quitting.
let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !host) return
  event.preventDefault()
  quitting = true
  void host.close().finally(() => app.quit())
})
app.on('window-all-closed', () => app.quit())
