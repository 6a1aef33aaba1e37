/**
 * The project model's transport over a real in-process ProjectSession (the same dispatcher the
 * HTTP and IPC transports call), counting every call, with change events delivered after a delay
 * as over Server-Sent Events (so results and events arrive in either order, as in the app).
 */
import type { ChangeEvent } from '../../../../src/shared/api'
import type { ProjectSession } from '../../../../src/main/services/project-session'
import type { ApiTransport } from '../../../../src/renderer/model/api-transport'

export interface CountingTransport extends ApiTransport {
  /** Method names called, in order. */
  calls: string[]
  /** Sends an event as if the services had (e.g. a rolled-back one). */
  inject(event: ChangeEvent): void
}

export function sessionTransport(session: ProjectSession, eventDelayMs = 0): CountingTransport {
  const listeners = new Set<(e: ChangeEvent) => void>()
  const deliver = (e: ChangeEvent) => setTimeout(() => listeners.forEach((l) => l(structuredClone(e))), eventDelayMs)
  session.onChange(deliver)
  return {
    calls: [],
    async call(method, args) {
      this.calls.push(method)
      // Cross the boundary as data, as a transport does.
      return structuredClone(await session.call(method, structuredClone(args)))
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    inject: deliver
  }
}

/** Resolves once pending timers (delayed events) and microtasks have run. */
export const settle = (ms = 5) => new Promise((r) => setTimeout(r, ms))
