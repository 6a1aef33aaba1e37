// Loads the BUILT Electron main (out/main/index.js) under plain Node with a stand-in `electron`
// module (no Electron binary can be had offline), then prints what the shell did as one JSON line.
// Used by tests/e2e/electron-main-bundle.spec.ts after `electron-vite build`.
const Module = require('node:module')
const path = require('node:path')

const [mainFile, userData] = process.argv.slice(2)
const events = []
const handlers = {}
let ready
const fake = {
  app: {
    enableSandbox: () => events.push('enableSandbox'),
    requestSingleInstanceLock: () => true,
    on: () => undefined,
    whenReady: () => new Promise((r) => (ready = r)),
    getPath: () => userData,
    isPackaged: false,
    quit: () => undefined,
    exit: (code) => process.exit(code)
  },
  BrowserWindow: class {
    static getAllWindows() { return [] }
    static fromWebContents() { return undefined }
    constructor(options) {
      events.push({ window: options.webPreferences })
      this.webContents = { send() {}, reload() {} }
    }
    once() {}
    show() {}
    async loadURL(url) { events.push({ load: url }) }
  },
  dialog: { showErrorBox: (title, message) => events.push({ error: `${title}: ${message}` }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
  Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t) => t },
  ipcMain: { handle: (channel, fn) => (handlers[channel] = fn), removeHandler: () => undefined },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => events.push('appProtocol') },
  net: { fetch: async () => new Response('') },
  session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
  shell: { openExternal: async () => undefined }
}
const load = Module._load
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake : load.call(this, request, ...rest)
}

require(path.resolve(mainFile))
ready()
const fromApp = { senderFrame: { url: 'app://marginalia/index.html', parent: null } }
const waitForWindow = async () => {
  for (let i = 0; i < 200 && !events.some((e) => e.load); i++) await new Promise((r) => setTimeout(r, 50))
}
waitForWindow().then(async () => {
  const call = (method, args) => handlers['marginalia:call'](fromApp, method, args)
  const documents = await call('listDocuments', {})
  const bibliography = await call('formatBibliography', { style: 'chicago-author-date' })
  process.stdout.write(JSON.stringify({ events, documents, bibliography }) + '\n')
  process.exit(0)
})
