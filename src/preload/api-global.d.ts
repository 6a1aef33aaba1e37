// What the preload exposes on window (desktop). The renderer sees only this declaration.
import type { ChangeEvent, MarginaliaApi } from '../shared/api'

export interface MarginaliaBridge {
  /** Calls an API method by name; the result is a Result, never a thrown error. */
  call(method: string, args: unknown): Promise<unknown>
  /** Shows the system's folder chooser; resolves to the chosen path, or undefined if cancelled. */
  pickFolder(): Promise<string | undefined>
  /** Subscribes to change events; returns an unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void
}

declare global {
  interface Window {
    marginalia?: MarginaliaBridge
  }
}

export type { MarginaliaApi }
