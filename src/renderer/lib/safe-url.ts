/**
 * Links built from data (authority URIs of entities, a bibliography item's URL or DOI, anything
 * an imported file carried) are shown only after parsing them and allowing http(s): `javascript:`,
 * `data:`, `file:`, `blob:` and the rest are refused, so a crafted project or import cannot turn a
 * link into script or a local file. Views render a refused link as plain text.
 */

/** The normalised URL when `raw` parses as an absolute http: or https: URL; otherwise undefined. */
export function safeHttpUrl(raw: string | undefined | null): string | undefined {
  if (typeof raw !== 'string' || raw.length > 4000) return undefined
  let url: URL
  try {
    // No base: a relative reference ("//evil", "/etc/passwd") is not a link to anywhere we know.
    url = new URL(raw.trim())
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (!url.hostname || url.username || url.password) return undefined
  return url.href
}
