/** The services as the project model sees them: calls by name, and change events. */
import type { ChangeEvent } from '../../shared/api'
import type { Result } from '../../shared/result'

/** What the model needs from a transport (model/transport.ts in a window; tests give an in-process session). */
export interface ApiTransport {
  /**
   * Calls a method by name; resolves to its Result, never rejects. When `signal` aborts, the call
   * may be dropped (HTTP: the request is cancelled and the services stop writing its answer) and
   * resolves to a `cancelled` error; transports that cannot cancel answer as usual.
   */
  call(method: string, args: unknown, signal?: AbortSignal): Promise<Result<unknown>>
  /** Runs `listener` after every change made through the services (by this window or another). */
  onChange(listener: (event: ChangeEvent) => void): () => void
  /** Resolves once change events flow: no edit made after that goes unheard. */
  ready?(): Promise<void>
  /** Runs `listener` when the event stream was interrupted and is back (events may have been missed meanwhile). */
  onResume?(listener: () => void): () => void
  /** True when this window has no session token to call with (a browser opened without `?token=`). */
  readonly missingToken?: boolean
}
