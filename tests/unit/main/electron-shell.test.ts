/**
 * The Electron shell cannot run here (no Electron binary offline), so its wiring is checked with a
 * stand-in `electron` module: sandbox on, single-instance lock, hardened window, permissions denied,
 * IPC bound with sender-frame checks, the sample project opened on first start.
 */
import { existsSync, readdirSync } from 'node:fs'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { CALL_CHANNEL, PICK_FOLDER_CHANNEL } from '../../../src/shared/ipc-channels'
import { tempDir } from '../../helpers/temp-dir'

const userData = tempDir('marginalia-shell-')
afterAll(() => userData.cleanup())

const fake = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  const windows: { options: Record<string, unknown>; loaded?: string }[] = []
  const calls: string[] = []
  let ready: () => void = () => undefined
  const whenReadyPromise = new Promise<void>((ok) => (ready = ok))
  return { handlers, windows, calls, ready: () => ready(), whenReadyPromise, permissionHandler: undefined as unknown }
})

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => []
    static fromWebContents = () => undefined
    webContents = { send: () => undefined, reload: () => undefined }
    constructor(options: Record<string, unknown>) {
      fake.windows.push({ options })
    }
    once() {}
    show() {}
    async loadURL(url: string) {
      fake.windows.at(-1)!.loaded = url
    }
  }
  return {
    app: {
      enableSandbox: () => fake.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => (fake.calls.push('singleInstanceLock'), true),
      on: () => undefined,
      whenReady: () => fake.whenReadyPromise,
      getPath: () => userData.dir,
      isPackaged: false,
      quit: () => undefined,
      exit: () => undefined
    },
    BrowserWindow,
    dialog: { showErrorBox: (t: string, m: string) => fake.calls.push(`error:${t}:${m}`), showOpenDialog: async () => ({ canceled: false, filePaths: [`${userData.dir}/chosen exports`] }) },
    Menu: { setApplicationMenu: () => fake.calls.push('menu'), buildFromTemplate: (t: unknown) => t },
    ipcMain: { handle: (channel: string, fn: (...a: unknown[]) => unknown) => fake.handlers.set(channel, fn), removeHandler: () => undefined },
    protocol: { registerSchemesAsPrivileged: () => fake.calls.push('registerScheme'), handle: () => fake.calls.push('handleProtocol') },
    net: { fetch: async () => new Response('') },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: unknown) => { fake.permissionHandler = fn },
        setPermissionCheckHandler: () => undefined
      }
    },
    shell: { openExternal: async () => undefined }
  }
})

describe('Electron shell wiring (with a stand-in electron module)', () => {
  it('starts sandboxed and single-instance, opens the sample project, binds IPC with sender checks', async () => {
    await import('../../../src/main/index')
    fake.ready()
    await vi.waitFor(() => expect(fake.windows[0]?.loaded).toBeDefined(), { timeout: 20_000 })
    expect(fake.calls).toEqual(expect.arrayContaining(['enableSandbox', 'singleInstanceLock', 'registerScheme', 'handleProtocol', 'menu']))
    expect(fake.calls.filter((c) => c.startsWith('error:'))).toEqual([])
    const prefs = fake.windows[0].options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(fake.windows[0].loaded).toBe('app://marginalia/index.html')

    let granted: boolean | undefined
    ;(fake.permissionHandler as (wc: unknown, p: string, done: (b: boolean) => void) => void)({}, 'media', (b) => (granted = b))
    expect(granted).toBe(false)

    const handler = fake.handlers.get(CALL_CHANNEL)!
    const fromApp = { senderFrame: { url: 'app://marginalia/index.html', parent: null } }
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/', parent: null } }
    const fromSubframe = { senderFrame: { url: 'app://marginalia/index.html', parent: {} } }
    expect(await handler(fromElsewhere, 'listDocuments', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await handler(fromSubframe, 'listDocuments', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await handler(fromApp, 'listDocuments', { role: 'nonsense' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const docs = (await handler(fromApp, 'listDocuments', {})) as { ok: boolean; value: { title: string }[] }
    expect(docs.ok).toBe(true)

    // writeExport writes only into a folder the historian chose in the dialog (granted main-side).
    const chosen = `${userData.dir}/chosen exports`
    const write = () => handler(fromApp, 'writeExport', { format: 'json', folder: chosen })
    expect(await write()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(existsSync(chosen)).toBe(false)
    const pick = fake.handlers.get(PICK_FOLDER_CHANNEL)!
    expect(await pick(fromElsewhere)).toBeUndefined()
    expect(await write()).toMatchObject({ ok: false, error: { code: 'forbidden' } }) // a refused sender grants nothing
    expect(await pick(fromApp)).toBe(chosen)
    expect(await write()).toMatchObject({ ok: true })
    expect(readdirSync(chosen).sort()).toEqual(['Sample-project.marginalia.json', 'Sample-project.marginalia.losses.json'])
    expect(docs.value.map((d) => d.title)).toEqual(['John VII Palaiologos', 'Gibbon, Decline and Fall, vol. 6, ch. LXIV–LXV'])
  }, 30_000)
})
