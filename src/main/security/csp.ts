/**
 * The renderer's one Content Security Policy, sent as a response header by every server of the
 * renderer: the app:// protocol (desktop), `serve` (browser) and the Vite dev server
 * (electron.vite.config.ts). index.html carries no policy of its own, so there is no second one
 * to drift from this.
 *
 * Only our own scripts (no inline script, no eval), no plugins, no frames either way, connections
 * only back to the app (the HTTP transport's /api and its event stream). Lit's component styles are
 * adopted constructable stylesheets, which CSP does not block, so `<style>` elements stay refused;
 * inline style *attributes* are allowed (style-src-attr): some panels colour small markers with
 * them, and an attribute cannot select other elements, so it cannot be used to read the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'"
].join('; ')
