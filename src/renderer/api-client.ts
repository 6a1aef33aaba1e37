/**
 * The renderer's only door to the services. Uses the preload bridge (`window.marginalia`,
 * desktop) when present, else the loopback HTTP transport: `POST /api/<method>` with a JSON body
 * and `Authorization: Bearer <token>`, change events over Server-Sent Events at `/api/events`.
 * The session token comes from the `?token=` of the URL the server printed, kept in sessionStorage.
 */
import type { ChangeEvent, MarginaliaApi, MethodName, Methods } from '../shared/api'
import { METHOD_NAMES } from '../shared/api'
import type { ArgsOf, ResultOf } from '../shared/api/define'
import type { Result } from '../shared/result'

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

type RawCall = (method: string, args: unknown) => Promise<unknown>

function httpCall(token: string): RawCall {
  return async (method, args) => {
    try {
      const res = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {})
      })
      return await res.json()
    } catch (err) {
      return { ok: false, error: { code: 'io', message: `The Marginalia server did not answer: ${String(err)}` } }
    }
  }
}

const listeners = new Set<(e: ChangeEvent) => void>()
let rawCall: RawCall

if (window.marginalia) {
  rawCall = window.marginalia.call
  window.marginalia.onChange((e) => listeners.forEach((l) => l(e)))
} else {
  const token = sessionToken()
  rawCall = httpCall(token)
  const events = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
  events.onmessage = (msg) => {
    const event = JSON.parse(msg.data) as ChangeEvent
    listeners.forEach((l) => l(event))
  }
}

/** The typed API: `await api.listAnnotations({ documentId })` gives a Result. */
export const api = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (args: unknown) => rawCall(name, args)])
) as unknown as MarginaliaApi

/** Error thrown by `call` when the service answered `{ ok: false }`. */
export class ApiCallError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

/** Calls a method and returns its value, or throws ApiCallError with the service's message. */
export async function call<K extends MethodName>(method: K, args: ArgsOf<Methods[K]>): Promise<ResultOf<Methods[K]>> {
  const result = (await rawCall(method, args)) as Result<ResultOf<Methods[K]>>
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message)
  return result.value
}

/** Runs `listener` after every change made through the services (by this window or another). */
export function onChange(listener: (event: ChangeEvent) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
