/** Every operation's outcome crosses process boundaries as data, never as a thrown Error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Stable error codes the UI and CLI can act on. */
export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'invalid-file'
  | 'too-large'
  | 'conflict'
  | 'ambiguous'
  | 'cancelled'
  | 'io'
  | 'forbidden'
  | 'internal'

export interface ApiError {
  code: ErrorCode
  message: string
}

/** An error a service throws on purpose; transports turn it into `{ ok: false, error }`. */
export class MarginaliaError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message)
    this.name = 'MarginaliaError'
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
