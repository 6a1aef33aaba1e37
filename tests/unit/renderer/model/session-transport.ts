/**
 * The project model's transport over a real in-process ProjectSession (the same dispatcher the
 * HTTP and IPC transports call), counting every call, with change events delivered after a delay
 * as over Server-Sent Events (so results and events arrive in either order, as in the app).
 */
import { readFileSync } from 'node:fs'
import type { ChangeEvent } from '../../../../src/shared/api'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { ApiTransport } from '../../../../src/renderer/model/api-transport'
import { ProjectModel } from '../../../../src/renderer/model/project-model'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

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

/**
 * Asks for a read until it has a value that is not loading (as a view re-rendering would), every
 * 25 ms for up to a minute (formatting compiles a CSL style the first time: seconds under load).
 */
export async function readValue<T>(get: () => { value: T | undefined; loading: boolean; error?: string }): Promise<T> {
  for (let i = 0; i < 2400; i++) {
    const r = get()
    if (r.error) throw new Error(r.error)
    if (r.value !== undefined && !r.loading) return r.value
    await settle(25)
  }
  throw new Error('no value')
}

/** A project holding the seed article, its session, and a started model over a counting transport. */
export interface Seeded {
  session: ProjectSession
  transport: CountingTransport
  model: ProjectModel
  seedId: string
  /** Imports a text as a new document; returns its id. */
  importText(name: string, text: string): Promise<string>
  close(): Promise<void>
}

export async function seededModel(): Promise<Seeded> {
  const t = tempDir()
  const session = await ProjectSession.open(t.dir, { create: true })
  const importText = async (name: string, text: string) => {
    const r = await session.api.importDocument({ fileName: name, contentBase64: Buffer.from(text).toString('base64') })
    if (!r.ok) throw new Error(r.error.message)
    return r.value.id
  }
  const seedId = await importText('john-vii-palaiologos.txt', readFileSync(SEED_PATH, 'utf8'))
  const transport = sessionTransport(session, 2)
  const model = new ProjectModel(transport)
  await model.start()
  await settle()
  return {
    session, transport, model, seedId, importText,
    close: async () => {
      model.stop()
      await session.close()
      t.cleanup()
    }
  }
}

/** The value of a service call's result, or throws its error's message. */
export async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}
