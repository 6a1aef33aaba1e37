// Preloaded (`node --require`) into Electron's own install.js by scripts/install-electron.mjs: when a
// download fails, undici's error says only "fetch failed" and keeps the reason in `cause`, which
// install.js does not print. This rethrows it with the reason and the address in the message.
'use strict'
const originalFetch = globalThis.fetch
globalThis.fetch = async function fetchWithCause(input, init) {
  try {
    return await originalFetch(input, init)
  } catch (err) {
    const cause = err && err.cause
    const message = cause ? String(cause.message || cause) : String(err && err.message)
    const reason = cause && cause.code && !message.includes(cause.code) ? `${cause.code}: ${message}` : message
    const url = typeof input === 'string' ? input : input && input.url
    const wrapped = new Error(`MARGINALIA_DOWNLOAD_FAILED ${reason} (while fetching ${url})`)
    wrapped.cause = err
    throw wrapped
  }
}
