/**
 * The one hardened configuration of every Marginalia window (DESIGN.md §7). Kept free of
 * runtime electron imports so a unit test can assert it without Electron.
 */
import type { BrowserWindowConstructorOptions, WebContents } from 'electron'

/** Origin the renderer is served from in the desktop app (custom protocol, see app-protocol.ts). */
export const APP_ORIGIN = 'app://marginalia'

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Marginalia',
    backgroundColor: '#fbfaf7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Chromium's spellchecker downloads its dictionaries from Google on first use; everything
      // must work offline, and a text under study is not to be sent anywhere.
      spellcheck: false
    }
  }
}

/** True for URLs the app itself serves (the renderer in production, the dev server in development). */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  try {
    const u = new URL(url)
    if (`${u.protocol}//${u.host}` === APP_ORIGIN) return true
    return !!devServerUrl && u.origin === new URL(devServerUrl).origin
  } catch {
    return false
  }
}

/** Links the historian may open outside the app: http(s) and mailto only, after parsing. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/**
 * Blocks navigation away from the app and every new window; safe external links are handed to
 * `openExternal` (the system browser) instead. Also refuses <webview> attachment.
 */
export function installNavigationGuards(contents: GuardedContents, openExternal: (url: string) => void, devServerUrl?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) {
      event.preventDefault()
      if (isSafeExternalUrl(url)) openExternal(url)
    }
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}
