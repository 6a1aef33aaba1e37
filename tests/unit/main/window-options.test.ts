import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { installNavigationGuards, isSafeExternalUrl, mainWindowOptions } from '../../../src/main/window-options'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/csp'
import { ROOT } from '../../helpers/temp-dir'

describe('the hardened window factory', () => {
  it('isolates and sandboxes the renderer, with no Node integration anywhere', () => {
    const prefs = mainWindowOptions('/app/preload.js').webPreferences!
    expect(prefs).toMatchObject({
      preload: '/app/preload.js', contextIsolation: true, sandbox: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true,
      allowRunningInsecureContent: false, webviewTag: false
    })
  })

  it('never reaches the network for spellchecking (Chromium downloads dictionaries on first use)', () => {
    expect(mainWindowOptions('/app/preload.js').webPreferences!.spellcheck).toBe(false)
  })

  it('has one CSP: the header; the page carries no second policy that could differ', () => {
    const html = readFileSync(join(ROOT, 'src', 'renderer', 'index.html'), 'utf8')
    expect(html).not.toMatch(/http-equiv\s*=\s*["']?content-security-policy/i)
    const viteConfig = readFileSync(join(ROOT, 'electron.vite.config.ts'), 'utf8')
    expect(viteConfig).toContain("'content-security-policy': CONTENT_SECURITY_POLICY")
    for (const server of ['src/main/app-protocol.ts', 'src/main/transport/http.ts']) {
      expect(readFileSync(join(ROOT, server), 'utf8'), server).toMatch(/'content-security-policy'[,:] CONTENT_SECURITY_POLICY/)
    }
  })

  it('has a strict CSP: own scripts only, no eval, no objects, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/)
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
  })

  it('blocks navigation away from the app and every new window; only http(s)/mailto go to the browser', () => {
    const handlers: Record<string, (event: { preventDefault(): void }, url: string) => void> = {}
    let openHandler: ((d: { url: string }) => { action: string }) | undefined
    const opened: string[] = []
    const contents = {
      on: (name: string, fn: (e: { preventDefault(): void }, url: string) => void) => { handlers[name] = fn },
      setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => { openHandler = fn }
    }
    installNavigationGuards(contents as never, (url) => opened.push(url))
    const navigate = (url: string) => {
      let prevented = false
      handlers['will-navigate']({ preventDefault: () => { prevented = true } }, url)
      return prevented
    }
    expect(navigate('app://marginalia/index.html')).toBe(false)
    expect(navigate('https://example.org/')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(openHandler!({ url: 'https://www.wikidata.org/wiki/Q37091' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.org/', 'https://www.wikidata.org/wiki/Q37091'])
    expect(isSafeExternalUrl('mailto:a@b.org')).toBe(true)
    expect(isSafeExternalUrl('smb://host/share')).toBe(false)
  })
})
