/**
 * The renderer's only door to the services, used by the project model alone (a layering test
 * keeps views from importing it). Uses the preload bridge (`window.marginalia`, desktop) when
 * present, else the loopback HTTP transport: `POST /api/<method>` with a JSON body and
 * `Authorization: Bearer <token>`, change events over Server-Sent Events at `/api/events`.
 * The session token comes from the `?token=` of the URL the server printed, kept in sessionStorage.
 */
import type { ChangeEvent } from '../../shared/api'
import type { Result } from '../../shared/result'
import type { ApiTransport } from './api-transport'

const TOKEN_KEY = 'marginalia-token'

function sessionToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    // Keep the token out of the address bar, history and screenshots.
    history.replaceState(null, '', location.pathname + location.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

/** How long to wait for the event stream before reading anyway (a proxy may buffer the first bytes). */
const STREAM_WAIT_MS = 3000

function httpTransport(): ApiTransport {
  const token = sessionToken()
  const listeners = new Set<(e: ChangeEvent) => void>()
  const resumed = new Set<() => void>()
  let events: EventSource | undefined
  let opened: Promise<void> | undefined
  const connect = (): EventSource => {
    if (events) return events
    const source = (events = new EventSource(`/api/events?token=${encodeURIComponent(token)}`))
    let openedOnce = false
    opened = new Promise((resolve) => {
      setTimeout(resolve, STREAM_WAIT_MS)
      source.addEventListener('open', () => {
        if (openedOnce) resumed.forEach((l) => l()) // the browser reconnected by itself
        openedOnce = true
        resolve()
      })
    })
    source.onmessage = (msg) => {
      const event = JSON.parse(msg.data) as ChangeEvent
      listeners.forEach((l) => l(event))
    }
    return source
  }
  return {
    missingToken: !token,
    async call(method, args, signal) {
      try {
        const res = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(args ?? {}),
          signal
        })
        return (await res.json()) as Result<unknown>
      } catch (err) {
        // An aborted read (a document switch superseding an open): the connection is closed and
        // the services stop writing the answer (json-answer.ts), so a 4.5 MB list is neither sent nor parsed.
        if (signal?.aborted) return { ok: false, error: { code: 'cancelled', message: `${method} was cancelled` } }
        return { ok: false, error: { code: 'io', message: `The Marginalia server did not answer: ${String(err)}` } }
      }
    },
    onChange(listener) {
      // The stream opens with the first subscriber (the model), not at import time.
      connect()
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    ready() {
      connect()
      return opened!
    },
    onResume(listener) {
      resumed.add(listener)
      return () => resumed.delete(listener)
    }
  }
}

/** The transport of this window: the preload bridge on the desktop, HTTP in a browser. */
export function createTransport(): ApiTransport {
  const bridge = window.marginalia
  if (!bridge) return httpTransport()
  return { call: (m, a) => bridge.call(m, a) as Promise<Result<unknown>>, onChange: (l) => bridge.onChange(l) }
}
