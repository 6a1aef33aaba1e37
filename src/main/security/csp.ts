/**
 * The renderer's Content Security Policy: only our own scripts, no eval, no inline script, no
 * plugins, no framing, connections only back to the app. Lit's constructable stylesheets
 * need no 'unsafe-inline'; `style-src 'unsafe-inline'` is kept for element `style` attributes
 * (highlight fallback boxes are positioned with them).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
