/** Serves the built renderer from `app://marginalia/…` with the CSP header (no file:// pages). */
import { net, protocol } from 'electron'
import { join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from './security/csp'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

export function handleAppProtocol(rendererDir: string): void {
  const root = normalize(rendererDir)
  protocol.handle('app', async (request) => {
    const url = new URL(request.url)
    const path = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)))
    if (url.host !== 'marginalia' || !path.startsWith(root + sep)) return new Response('forbidden', { status: 403 })
    const file = await net.fetch(pathToFileURL(path).toString())
    const headers = new Headers(file.headers)
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY)
    return new Response(file.body, { status: file.status, headers })
  })
}
